import type { Element, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root as MdastRoot } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { createMarkdownRenderer } from '../../src/markdown/processor.js';
import { SitePluginError } from '../../src/markdown/site-plugins.js';
import { REPO } from '../support/cli.js';
import { renderOne } from '../support/render.js';

/** A remark plugin that shouts every text, with an option (as `[plugin, options]` in a config). */
function remarkShout(options: { mark: string }) {
  return (tree: MdastRoot) => {
    visit(tree, 'text', (node) => {
      node.value = `${node.value.toUpperCase()}${options.mark}`;
    });
  };
}

/** A rehype plugin written in the callback style: unified hands it `next` only when it declares three parameters. */
function rehypeTagParagraphs() {
  return (tree: HastRoot, _file: VFile, next: (error?: Error) => void) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'p') node.properties.className = ['tagged'];
    });
    next();
  };
}

describe('site remark and rehype plugins', () => {
  it('run on every page, with their options, after Strata’s own', () => {
    const renderer = createMarkdownRenderer({ remarkPlugins: [[remarkShout, { mark: '!' }]], rehypePlugins: [rehypeTagParagraphs] });
    expect(toHtml(renderer.toHast('Hello -- world.\n\n> Quoted\n'))).toBe('<p class="tagged">HELLO – WORLD.!</p>\n<blockquote>\n<p class="tagged">QUOTED!</p>\n</blockquote>');
  });

  it('name the plugin that threw, for the page it threw on', () => {
    const renderer = createMarkdownRenderer({
      remarkPlugins: [
        function remarkPicky() {
          return (_tree: MdastRoot, file: VFile) => {
            if (String(file.value).includes('boom')) throw new Error('cannot handle it');
          };
        },
      ],
    });
    expect(toHtml(renderer.toHast('fine\n'))).toBe('<p>fine</p>');
    expect(() => renderer.toHast('boom\n')).toThrow(new SitePluginError('remark plugin `remarkPicky`', new Error('cannot handle it')));
  });

  it('a page a site plugin fails on renders empty with an error at its body; no exception leaves the page', async () => {
    const rehypeFails = () => () => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    };
    const page = await renderOne('---\ntitle: T\n---\n\nText.\n', { root: REPO, highlight: false, markdown: { rehypePlugins: [rehypeFails] } });
    expect(page.html).toBe('');
    expect(page.diagnostics).toEqual([
      { severity: 'error', ruleId: 'markdown:plugin-failed', message: "site rehype plugin `rehypeFails` failed: Cannot read properties of undefined (reading 'x')", file: 'content/page.md', place: { line: 4, column: 1 } },
    ]);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Nodes, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/content/front-matter.js';
import { BlockCache } from '../../src/markdown/block-cache.js';
import { createMarkdownRenderer } from '../../src/markdown/processor.js';
import { splitBlocks } from '../../src/markdown/split-blocks.js';
import { REPO } from '../support/cli.js';
import { markdownFiles } from '../support/tree.js';

/**
 * Parsing block by block (with the cache) must give exactly what parsing the
 * whole page gives, positions included: this pins every cut the splitter makes.
 */
const whole = createMarkdownRenderer({ blockCache: false });
const cached = createMarkdownRenderer();

/**
 * What must not change: the HTML, and where each element comes from (the
 * places diagnostics use). How raw HTML parsing splits or joins text nodes may.
 */
function signature(tree: Root): string {
  const places: string[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'element') places.push(`${node.tagName}@${node.position?.start.line}:${node.position?.start.column}-${node.position?.end.line}:${node.position?.end.column}`);
    if ('children' in node) node.children.forEach(walk);
  };
  walk(tree);
  return `${toHtml(tree)}\n${places.join(' ')}`;
}


const TRICKY: Record<string, string> = {
  'loose list across blank lines': '- a\n\n- b\n\n  continued\n\nafter\n',
  'ordered list restarting': '1. one\n\n2. two\n\n10. ten\n\ntext\n',
  'fence with blank lines': '```yaml\na: 1\n\nb: 2\n```\n\npara\n',
  'tilde fence with backticks inside': '~~~\n```\n\nx\n~~~\n\ny\n',
  'comment with blank lines': '<!-- note\n\n# not a heading\n\n-->\n\ntext\n',
  'inline comment then text': 'a <!-- b\n\nc --> d\n\ne\n',
  'html block then markdown': '<div>\n\n**bold**\n\n</div>\n\nend\n',
  'pre with blank lines': '<pre>\nx\n\ny\n</pre>\n\nz\n',
  'blockquotes': '> a\n\n> b\n\nc\n',
  'setext heading': 'Title\n=====\n\ntext\n',
  'indented code after paragraph': 'para\n\n    code\n\n    more\n\nend\n',
  'table': '| a | b |\n|---|:-:|\n| 1 | 2 |\n\nafter\n',
  'heading ids repeat across blocks': '## Same\n\n## Same\n\n## Same {#same}\n',
  'raw anchor in paragraph': '<a id="x"></a>\n**Title**\n\nText [x](#x)\n',
  'lazy continuation': '> quote\nlazy\n\nnext\n',
  'list then fence at column 0': '- item\n\n```\ncode\n```\n',
  'link reference definition': 'See [x][ref].\n\n[ref]: /target/\n',
  'footnote': 'Text[^1].\n\n[^1]: Note.\n',
  // parse5 cannot see where the item's text ends: hast-util-raw gives it a position without `end`.
  'unclosed fence in a list item, then raw HTML': 'first\n\n* a\n  ```x\n<a id="e"></a>p\n',
};

describe('block cache', () => {
  const files = [
    ...markdownFiles(path.join(REPO, 'content')),
    ...markdownFiles(path.join(REPO, 'versions')),
    ...markdownFiles(path.join(REPO, 'test/fixtures')),
  ];

  it('covers real pages', () => {
    expect(files.length).toBeGreaterThan(150);
  });

  for (const file of files) {
    it(path.relative(REPO, file), () => {
      const { body } = splitFrontMatter(readFileSync(file, 'utf8'), file);
      const expected = signature(whole.toHast(body));
      // The first time parses the page's blocks; the second assembles the page from the cache.
      expect(signature(cached.toHast(body))).toBe(expected);
      expect(signature(cached.toHast(body))).toBe(expected);
    });
  }

  for (const [name, markdown] of Object.entries(TRICKY)) {
    it(name, () => {
      expect(signature(cached.toHast(markdown))).toBe(signature(whole.toHast(markdown)));
      expect(signature(cached.toHast(markdown))).toBe(signature(whole.toHast(markdown)));
      // Each block alone, as a page whose other blocks are known gets them.
      const fresh = createMarkdownRenderer();
      fresh.toHast(markdown.replace(/^/, 'Other first paragraph.\n\n'));
      expect(signature(fresh.toHast(markdown))).toBe(signature(whole.toHast(markdown)));
    });
  }

  it('parses a block seen before only once', () => {
    const renderer = createMarkdownRenderer();
    renderer.toHast('# A\n\nShared paragraph.\n\nOne.\n');
    const before = renderer.stats.misses;
    renderer.toHast('# A\n\nShared paragraph.\n\nTwo.\n');
    expect(renderer.stats.misses - before).toBe(1);
  });

  it('parses a new page in one pass and caches its blocks for the next version', () => {
    const renderer = createMarkdownRenderer();
    const page = '# A\n\nOne.\n\n- x\n- y\n\n```sh\nz\n```\n';
    const first = JSON.stringify(renderer.toHast(page));
    const { hits } = renderer.stats;
    expect(JSON.stringify(renderer.toHast(page))).toBe(first);
    expect(renderer.stats.hits - hits).toBe(splitBlocks(page)?.length);
    expect(splitBlocks(page)?.length).toBe(3);
  });

  it('parses pages with document-wide constructs whole', () => {
    expect(splitBlocks('a\n\n[x]: /y/\n')).toBeUndefined();
    expect(splitBlocks('a[^1]\n\n[^1]: n\n')).toBeUndefined();
    expect(splitBlocks('a\n\nb\n')?.map((b) => b.text)).toEqual(['a', 'b']);
  });

  it('keeps a quarter of a million characters of blocks, the least recently used going first', () => {
    const cache = new BlockCache();
    const tree: Root = { type: 'root', children: [] };
    const block = (i: number) => `${String(i).padStart(4, '0')}${'x'.repeat(996)}`;
    for (let i = 0; i < 250; i++) cache.set(block(i), tree);
    // Used again: the oldest block becomes the newest.
    expect(cache.get(block(0))).toBe(tree);
    for (let i = 250; i < 260; i++) cache.set(block(i), tree);
    expect(cache.get(block(0))).toBe(tree);
    for (let i = 1; i <= 10; i++) expect(cache.get(block(i))).toBeUndefined();
    for (let i = 11; i < 260; i++) expect(cache.get(block(i))).toBe(tree);
  });
});

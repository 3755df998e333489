import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/content/front-matter.js';
import { createMarkdownRenderer } from '../../src/markdown/processor.js';
import { splitBlocks } from '../../src/markdown/split-blocks.js';
import { REPO } from '../support/cli.js';

/**
 * Parsing block by block (with the cache) must give exactly what parsing the
 * whole page gives, positions included: this pins every cut the splitter makes.
 */
const whole = createMarkdownRenderer({ blockCache: false });
const cached = createMarkdownRenderer();

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) markdownFiles(file, out);
    else if (entry.name.endsWith('.md')) out.push(file);
  }
  return out;
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
      expect(JSON.stringify(cached.toHast(body))).toBe(JSON.stringify(whole.toHast(body)));
    });
  }

  for (const [name, markdown] of Object.entries(TRICKY)) {
    it(name, () => {
      expect(toHtml(cached.toHast(markdown))).toBe(toHtml(whole.toHast(markdown)));
      expect(JSON.stringify(cached.toHast(markdown))).toBe(JSON.stringify(whole.toHast(markdown)));
    });
  }

  it('parses a block seen before only once', () => {
    const renderer = createMarkdownRenderer();
    renderer.toHast('# A\n\nShared paragraph.\n\nOne.\n');
    const before = renderer.stats.misses;
    renderer.toHast('# A\n\nShared paragraph.\n\nTwo.\n');
    expect(renderer.stats.misses - before).toBe(1);
  });

  it('parses pages with document-wide constructs whole', () => {
    expect(splitBlocks('a\n\n[x]: /y/\n')).toBeUndefined();
    expect(splitBlocks('a[^1]\n\n[^1]: n\n')).toBeUndefined();
    expect(splitBlocks('a\n\nb\n')?.map((b) => b.text)).toEqual(['a', 'b']);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RootContent } from 'mdast';
import { remarkDefinitionList } from 'remark-definition-list';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/content/front-matter.js';
import { parsePlainBlock } from '../../src/markdown/plain-blocks.js';
import { splitBlocks } from '../../src/markdown/split-blocks.js';
import { Placeholders } from '../../src/shortcodes/placeholders.js';
import { REPO } from '../support/cli.js';
import { markdownFiles } from '../support/tree.js';

/** The parser the processor uses for every block the plain parser declines. */
const micromark = unified().use(remarkParse).use(remarkGfm, { singleTilde: false }).use(remarkDefinitionList).freeze();

function expected(text: string): RootContent[] {
  return micromark.parse(text).children;
}


/** The blocks the processor parses: bodies with shortcode calls as placeholders, cut by `splitBlocks`. */
function blocksOf(files: readonly string[]): string[] {
  return files.flatMap((file) => {
    const { body } = splitFrontMatter(readFileSync(file, 'utf8'), file);
    const placeholders = new Placeholders();
    const expanded = body.replace(/\{\{[<%][\s\S]*?[>%]\}\}/g, () => placeholders.add({ kind: 'text', text: '' }, 0));
    return (splitBlocks(expanded) ?? []).map((block) => block.text);
  });
}

/** Compares the plain parse with micromark's on each block it accepts; returns the share of characters accepted. */
function compareAll(blocks: readonly string[]): number {
  let plain = 0;
  let all = 0;
  for (const text of blocks) {
    all += text.length;
    const nodes = parsePlainBlock(text, { line: 1, offset: 0 });
    if (!nodes) continue;
    plain += text.length;
    expect(nodes, text).toEqual(expected(text));
  }
  return plain / all;
}

describe('parsePlainBlock', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'strata-plain-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("gives micromark's tree, positions included, for every plain block of the example site and fixtures", () => {
    const blocks = blocksOf([...markdownFiles(path.join(REPO, 'content')), ...markdownFiles(path.join(REPO, 'versions')), ...markdownFiles(path.join(REPO, 'test/fixtures'))]);
    expect(blocks.length).toBeGreaterThan(500);
    expect(compareAll(blocks)).toBeGreaterThan(0.3);
  });

  it("gives micromark's tree for most of a generated docs corpus", () => {
    execFileSync(process.execPath, [path.join(REPO, 'bench/make-corpus.mjs'), path.join(tmp, 'corpus'), '--pages', '40', '--versions', '1'], { stdio: 'ignore' });
    const blocks = blocksOf(markdownFiles(path.join(tmp, 'corpus')));
    expect(compareAll(blocks)).toBeGreaterThan(0.7);
  });

  it('places positions at the block’s origin in a larger text', () => {
    const text = '## Title {#t}\n\nSome *text*\nand `code`  \nmore.\n\n* a\n  * b';
    const nodes = parsePlainBlock(text, { line: 7, offset: 100 });
    const shifted = JSON.parse(JSON.stringify(expected(text)), (key, value) =>
      (key === 'start' || key === 'end') && typeof value === 'object' && value !== null ? { ...value, line: value.line + 6, offset: value.offset + 100 } : value,
    );
    expect(nodes).toEqual(shifted);
  });

  const ACCEPTED: Record<string, string> = {
    'paragraph over lines': 'one line\nanother line',
    'heading then paragraph': '## Heading {#id}\ntext',
    emphasis: '*a* **b** **c d**: e (**f**) "*g*", a * b',
    'emphasis around a link and code': '**[link `code`](/to/) after** and *`x`*',
    'link with code and emphasis': 'See [the `api` *docs*](../api/#top) now.',
    'underscore emphasis and snake_case': 'a _b_ c, __d__ (_e_) and snake_case_name',
    'code spans': '`a` then `b c` and `x*y*z`, `[not](a link)`',
    'trailing spaces': 'line one \nline two  \nline three ',
    'hard break in a list item': '* first  \n  second',
    'tight list with continuation': '* item that\n  wraps\n* next',
    'nested lists': '* a\n  * b\n    * c\n  * d\n* e\n  1. f',
    'ordered list': '3. three\n4. four',
    'paragraph then list': 'Steps:\n1. one\n2. two',
    'list, blank line, paragraph': '* a\n* b\n\nafter',
    'fences with info': '```yaml title="x"\na: 1\n\n  b: 2\n```\n\n~~~\n~~~',
    'fence in a list item, then text': '* Run:\n  ```sh\n  ls\n    -l\n  ```\n  Then:\n  * more\n* next',
    'paragraph then fence': 'Run:\n```sh\nls | wc -l\n```\nDone.',
    'comments': '<!-- one\n\ntwo -->\n<!-- three --> tail',
    'punctuation and unicode': 'Déjà vu — “quotes”, 1.2.3 (a) {b} ZSTRATA0PHZ!',
  };
  for (const [name, text] of Object.entries(ACCEPTED)) {
    it(`accepts ${name}, as micromark parses it`, () => {
      const nodes = parsePlainBlock(text, { line: 1, offset: 0 });
      expect(nodes).toBeDefined();
      expect(nodes).toEqual(expected(text));
    });
  }

  const DECLINED: Record<string, string> = {
    escape: 'a \\* b',
    entity: 'a &amp; b',
    'inline HTML': 'a <b>c</b>',
    'HTML block': '<div>\nx\n</div>',
    'autolink literal': 'see www.example.com',
    'URL in text': 'see https://example.com',
    email: 'write to a@b.c',
    image: '![alt](a.png)',
    table: 'a | b\n--|--\n1 | 2',
    strikethrough: 'a ~~b~~',
    'interleaved delimiters': '*a _b* c_',
    'loose list': '* a\n\n* b',
    'lazy continuation': '* a\nlazy',
    'over-indented continuation': '* a\n    b',
    'blank line in a fence in a list item': '* a\n  ```\n  x\n\n  y\n  ```',
    'fence line less indented than its item': '* a\n  ```\n x\n  ```',
    'task item': '* [ ] todo',
    'setext heading': 'Title\n---',
    'thematic break': '***',
    'indented code': '    code',
    'closing hashes': '## Title ##',
    'unclosed fence': '```\ncode',
    'double-backtick code': '``a`b``',
    'mismatched emphasis': '**a*',
    'delimiter both opening and closing': 'a**b**c',
    'emphasis next to an astral character': '😀*a*',
    'nested ordered list not at 1': '* a\n  2. b',
    'ordered list not at 1 after a paragraph': 'text\n2. item',
    'link with a title': '[a](b "t")',
    'reference link': '[a][b]',
    tab: 'a\tb',
    'whitespace-only line': 'a\n  \nb',
    blockquote: '> quote',
  };
  for (const [name, text] of Object.entries(DECLINED)) {
    it(`leaves ${name} to micromark`, () => {
      expect(parsePlainBlock(text, { line: 1, offset: 0 })).toBeUndefined();
    });
  }

  it('declines lists nested more than 16 deep', () => {
    const nested = (depth: number) => Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}* item`).join('\n');
    expect(parsePlainBlock(nested(16), { line: 1, offset: 0 })).toEqual(expected(nested(16)));
    expect(parsePlainBlock(nested(17), { line: 1, offset: 0 })).toBeUndefined();
    expect(parsePlainBlock(nested(3_000), { line: 1, offset: 0 })).toBeUndefined();
  });

  it('agrees with micromark on every random block it accepts', () => {
    // A fixed seed: the same strings on every run, mixing plain pieces with ones that must be declined.
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pieces = ['word', 'Foo bar', ' ', '  ', '*', '**', '***', '`', '`x`', '[a](b)', '[`c` *d*](e/f)', ']', '\n', '\n', '\n\n', '\n  ', '\n   ', '\n    ', '* ', '- ', '1. ', '2. ', '## ', '#', '```\n', '\n  ```\n', '\n  ```sh\n', '<!-- c -->', '!', '.', ':', '(', ')', '{#id}', '😀', '_', '__', 'snake_case', '-', '=', '\\', '&amp;', 'www.x', '|'];
    let accepted = 0;
    for (let n = 0; n < 4000; n++) {
      let text = '';
      const length = 1 + Math.floor(random() * 12);
      for (let k = 0; k < length; k++) text += pieces[Math.floor(random() * pieces.length)];
      text = text.replace(/^\n+|\n+$/g, '');
      const nodes = text ? parsePlainBlock(text, { line: 1, offset: 0 }) : undefined;
      if (!nodes) continue;
      accepted++;
      expect(nodes, JSON.stringify(text)).toEqual(expected(text));
    }
    expect(accepted).toBeGreaterThan(200);
  });
});

import { describe, expect, it } from 'vitest';
import { findDeepNesting } from '../../src/markdown/nesting.js';
import { renderOne } from '../support/render.js';
import { REPO } from '../support/cli.js';

const indented = (n: number) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- item`).join('\n');

describe('findDeepNesting estimates the container stack line by line', () => {
  const table: Array<[string, string, number | undefined]> = [
    ['a flat list', '- a\n- b\n- c\n', undefined],
    ['a list indented 3 deep', indented(3), undefined],
    ['list markers on one line', '- - - - a', undefined],
    ['quotes in lists in quotes', '> - > - > a\n', undefined],
    ['code indented far inside a list', `- a\n\n${' '.repeat(400)}code\n`, undefined],
    ['101 indented levels', indented(101), 100],
    ['101 markers on one line', `${'- '.repeat(101)}a`, 100],
    ['101 block quotes', `${'>'.repeat(101)} a`, 100],
    ['quotes and lists mixed', `${'> - '.repeat(51)}a`, 100],
  ];
  for (const [name, markdown, depth] of table) {
    it(name, () => {
      const found = findDeepNesting(markdown, 100);
      expect(found && found.depth - 1).toBe(depth);
    });
  }

  it('points at the marker that went too deep', () => {
    const found = findDeepNesting(indented(150), 100);
    expect(found).toEqual({ offset: indented(100).length + 1 + 200, depth: 101 });
  });
});

describe('pages nesting deeper than Strata renders are reported, never a stack overflow', () => {
  const render = (markdown: string) => renderOne(`---\ntitle: P\n---\n${markdown}\n`, { root: REPO, highlight: false });
  const problems = async (markdown: string) => (await render(markdown)).diagnostics.map((d) => `${d.place?.line}:${d.place?.column}  ${d.message}  [${d.ruleId}]`);

  it('100 levels of lists render', async () => {
    const page = await render(indented(100));
    expect(page.diagnostics).toEqual([]);
    expect(page.html.match(/<ul>/g)).toHaveLength(100);
  });

  it('a 1,000-deep list, before it is parsed', async () => {
    expect(await problems(indented(1000))).toEqual(['104:201  lists and block quotes nest 101 deep here (at most 100)  [content:too-deep]']);
  });

  it('1,000 nested divs', async () => {
    expect(await problems(`${'<div>'.repeat(1000)}x`)).toEqual(['4:2561  elements nest 513 deep here (at most 512)  [content:too-deep]']);
  });

  it('20,000 nested divs overflow the parser: caught, at the body', async () => {
    expect(await problems(`${'<div>'.repeat(20000)}x`)).toEqual(['4:1  the page nests too deeply to render (the renderer ran out of stack)  [content:too-deep]']);
  });

  it('shortcodes nested 41 deep (more used to lose the page silently from level 52 on)', async () => {
    const n = 60;
    expect(await problems(`${'{{% notice tip %}}\n'.repeat(n)}a\n${'{{% /notice %}}\n'.repeat(n)}`)).toEqual(['44:1  shortcodes nest 41 deep here (at most 40)  [content:too-deep]']);
    const forty = await render(`${'{{% notice tip %}}\n'.repeat(40)}a\n${'{{% /notice %}}\n'.repeat(40)}`);
    expect(forty.diagnostics).toEqual([]);
    expect(forty.html.match(/<aside/g)).toHaveLength(40);
    expect(forty.html).toContain('<p>a</p>');
    expect(forty.html).not.toContain('ZSTRATA');
  });
});

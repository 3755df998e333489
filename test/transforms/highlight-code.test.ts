import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { contrastOfHex, ensureContrast, MIN_CONTRAST } from '../../src/transforms/contrast.js';
import { createCodeHighlighter, DEFAULT_CODE_BACKGROUND, parseLineSpec, parseMeta } from '../../src/transforms/highlight-code.js';
import { renderOne } from '../support/render.js';

const ROOT = '/nonexistent';

function elements(tree: Root, test: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  visit(tree, 'element', (node) => {
    if (test(node)) out.push(node);
  });
  return out;
}

const classes = (e: Element) => (Array.isArray(e.properties.className) ? e.properties.className.map(String) : []);

async function highlighted(markdown: string) {
  const { body } = await renderOne(markdown, { root: ROOT });
  const frames = elements(body, (e) => e.tagName === 'div' && classes(e).includes('highlight'));
  return { body, frames };
}

describe('code highlighting (Shiki, at build time)', () => {
  it('tokenizes a fenced language in both colour schemes inside one frame', async () => {
    const { frames } = await highlighted('```yaml\napiVersion: v1\nkind: Service\n```\n');
    expect(frames).toHaveLength(1);
    const frame = frames[0] as Element;
    expect(frame.properties.dataLang).toBe('yaml');
    const html = toHtml(frame);
    expect(html).toMatch(/^<div class="highlight" data-lang="yaml"><pre class="shiki" tabindex="0"><code class="language-yaml" data-lang="yaml"><span class="line">/);
    expect(html).toMatch(/style="--shiki-light:#[0-9A-Fa-f]{6};--shiki-dark:#[0-9A-Fa-f]{6}"/);
    // Only CSS variables in `style`: the colours are chosen by the stylesheet.
    expect(html).not.toMatch(/style="[^"]*(?<!-)color:/);
    expect(toString(frame)).toBe('apiVersion: v1\nkind: Service\n');
  });

  it('keeps code text exactly, with the shortcode output resolved', async () => {
    const { frames } = await highlighted('```shell\necho "<b>&amp;</b>" {{< versioned_link_path fromRoot="/" >}}\n```\n');
    expect(toString(frames[0] as Element)).toBe('echo "<b>&amp;</b>" /\n');
  });

  it('gives unknown and missing languages the same frame, as plain text', async () => {
    const { frames } = await highlighted('```unknownlang\nkept <as> is\n```\n\n```\nno language\n```\n\n    indented\n');
    expect(frames).toHaveLength(3);
    const [unknown, none, indented] = frames as [Element, Element, Element];
    expect(unknown.properties.dataLang).toBe('unknownlang');
    expect(toString(unknown)).toBe('kept <as> is\n');
    expect(toHtml(unknown)).toBe('<div class="highlight" data-lang="unknownlang"><pre class="shiki" tabindex="0"><code class="language-unknownlang" data-lang="unknownlang"><span class="line"><span>kept &#x3C;as> is</span></span>\n</code></pre></div>');
    expect(none.properties.dataLang).toBeUndefined();
    expect(toString(none)).toBe('no language\n');
    expect(toString(indented)).toBe('indented\n');
  });

  it("highlights lines from Hugo's {hl_lines=[…]} and from data-hl-lines on the pre", async () => {
    const { frames } = await highlighted('```yaml {hl_lines=[2,"4-5"]}\na: 1\nb: 2\nc: 3\nd: 4\ne: 5\n```\n\n<pre data-hl-lines="1 3"><code class="language-sh">one\ntwo\nthree</code></pre>\n');
    const marked = (frame: Element) =>
      elements({ type: 'root', children: [frame] }, (e) => classes(e).includes('line')).map((line, i) => (classes(line).includes('highlighted') ? i + 1 : 0)).filter(Boolean);
    expect(marked(frames[0] as Element)).toEqual([2, 4, 5]);
    expect(marked(frames[1] as Element)).toEqual([1, 3]);
  });

  it('numbers lines when asked (linenos, linenostart)', async () => {
    const { frames } = await highlighted('```go {linenos=table,linenostart=10}\npackage main\n```\n');
    expect(classes(frames[0] as Element)).toEqual(['highlight', 'line-numbers']);
    expect((frames[0] as Element).properties.style).toBe('--line-start:9');
  });

  it('leaves inline code and pre without code alone', async () => {
    const { body } = await highlighted('Run `ls` now.\n\n<pre>raw pre</pre>\n');
    expect(elements(body, (e) => classes(e).includes('highlight'))).toHaveLength(0);
  });

  it('highlights each (language, code) once per build', async () => {
    const highlighter = createCodeHighlighter();
    const page = () => fromHtml('<pre><code class="language-yaml">a: 1\n</code></pre><pre><code class="language-yaml">a: 1\n</code></pre>', { fragment: true });
    const first = page();
    const second = page();
    await highlighter.highlight(first);
    await highlighter.highlight(second);
    expect(highlighter.stats).toEqual({ blocks: 4, cached: 3 });
    // Each page gets its own copy: marking lines on one never shows on another.
    expect(toHtml(first)).toBe(toHtml(second));
    expect(first.children[0]).not.toBe(second.children[0]);
  });
});

describe('parseMeta and parseLineSpec', () => {
  it.each([
    ['', { highlight: [], lineNumbers: false, lineStart: 1 }],
    ['{hl_lines=[2]}', { highlight: [2], lineNumbers: false, lineStart: 1 }],
    ['{hl_lines=["2-4", 7]}', { highlight: [2, 3, 4, 7], lineNumbers: false, lineStart: 1 }],
    ['{hl_lines="1 3-4"}', { highlight: [1, 3, 4], lineNumbers: false, lineStart: 1 }],
    ['{linenos=table,hl_lines=[8,"15-16"],linenostart=199}', { highlight: [8, 15, 16], lineNumbers: true, lineStart: 199 }],
    ['{linenos=false}', { highlight: [], lineNumbers: false, lineStart: 1 }],
    ['title="x.yaml"', { highlight: [], lineNumbers: false, lineStart: 1 }],
  ])('%s', (meta, expected) => {
    expect(parseMeta(meta)).toEqual(expected);
  });

  it('ignores what is not a line or a range', () => {
    expect(parseLineSpec('2 x 4-5 -3 6-')).toEqual([2, 4, 5]);
  });
});

describe('ensureContrast', () => {
  it('darkens or lightens token colours below 4.5:1 on the code background, and only those', () => {
    const theme = {
      name: 't',
      type: 'light' as const,
      fg: '#24292e',
      bg: '#ffffff',
      settings: [
        { scope: ['comment'], settings: { foreground: '#a0a1a7' } },
        { scope: ['keyword'], settings: { foreground: '#0b0d10' } },
      ],
      colors: {},
    };
    const fixed = ensureContrast(structuredClone(theme) as never, DEFAULT_CODE_BACKGROUND.light) as unknown as typeof theme;
    const [comment, keyword] = fixed.settings.map((s) => s.settings.foreground) as [string, string];
    expect(contrastOfHex(comment, DEFAULT_CODE_BACKGROUND.light)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(keyword).toBe('#0b0d10');
    expect(fixed.bg).toBe(DEFAULT_CODE_BACKGROUND.light);
  });

  it('makes every token of the default themes readable in light and dark', async () => {
    const highlighter = createCodeHighlighter();
    const tree = fromHtml(
      [
        ['yaml', 'a: 1 # comment\nb: "str"\nc: true\nkey: &anchor value\n'],
        ['shell', 'kubectl get pods -n gloo-system # comment\nexport FOO="bar"\nif [ -z "$X" ]; then echo 1; fi\n'],
        ['json', '{"a": 1, "b": "x", "c": true, "d": null}\n'],
        ['go', 'package main\n// comment\nfunc main() { fmt.Println("hi", 42) }\n'],
      ]
        .map(([lang, code]) => `<pre><code class="language-${lang}">${code}</code></pre>`)
        .join(''),
      { fragment: true },
    );
    await highlighter.highlight(tree);
    const colours = new Set<string>();
    visit(tree, 'element', (node) => {
      if (typeof node.properties.style === 'string') colours.add(node.properties.style);
    });
    expect(colours.size).toBeGreaterThan(5);
    for (const style of colours) {
      const light = /--shiki-light:(#[0-9a-f]{6})/i.exec(style)?.[1] as string;
      const dark = /--shiki-dark:(#[0-9a-f]{6})/i.exec(style)?.[1] as string;
      expect(contrastOfHex(light, DEFAULT_CODE_BACKGROUND.light), `${light} on light`).toBeGreaterThanOrEqual(MIN_CONTRAST);
      expect(contrastOfHex(dark, DEFAULT_CODE_BACKGROUND.dark), `${dark} on dark`).toBeGreaterThanOrEqual(MIN_CONTRAST);
    }
  });
});

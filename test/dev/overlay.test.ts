import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { overlayHtml, sourceExcerpt } from '../../src/dev/overlay.js';

const text = ['---', 'title: <b>x</b>', '---', 'one', '{{% notice tip %}}', 'three <script>', 'four', 'five'].join('\n');
const unclosed: Diagnostic = { severity: 'error', ruleId: 'shortcode:unclosed', message: 'unclosed shortcode `notice`: no `{{% /notice %}}` follows', file: 'content/a.md', place: { line: 5, column: 1 } };

describe('overlayHtml', () => {
  it('is empty without errors', () => {
    expect(overlayHtml([], () => text)).toBe('');
    expect(overlayHtml([{ ...unclosed, severity: 'warning' }], () => text)).toBe('');
  });

  it('lists each message as the terminal prints it, with the source lines around it, escaped', () => {
    const html = overlayHtml([unclosed, { severity: 'warning', ruleId: 'content:duplicate-id', message: 'id <x> twice', file: 'content/a.md', place: { line: 2, column: 8 } }], () => text);
    expect(html).toContain('role="alertdialog"');
    expect(html).toContain('1 error, 1 warning on this page');
    expect(html).toContain('content/a.md:5:1  error  unclosed shortcode `notice`: no `{{% /notice %}}` follows  [shortcode:unclosed]');
    expect(html).toContain('id &lt;x&gt; twice');
    expect(html).toContain('<mark>&gt; 5 | {{% notice tip %}}</mark>');
    expect(html).toContain('  6 | three &lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>x</b>');
    // The error comes first, whatever the order of positions.
    expect(html.indexOf('shortcode:unclosed')).toBeLessThan(html.indexOf('content:duplicate-id'));
  });

  it('shows what it can when the file cannot be read', () => {
    const html = overlayHtml([{ ...unclosed, file: 'gone.md' }], () => undefined);
    expect(html).toContain('gone.md:5:1');
    expect(html).not.toContain('<pre');
  });
});

describe('sourceExcerpt', () => {
  it('numbers two lines either side, marks the line and puts a caret under the column', () => {
    const excerpt = sourceExcerpt('a\nb\nc\tx\nd\ne\nf', 3, 3);
    expect(excerpt.replace(/<[^>]+>/g, '')).toBe(['  1 | a', '  2 | b', '&gt; 3 | c\tx', '    |  \t^', '  4 | d', '  5 | e'].join('\n'));
  });

  it('clips at the start and end of the file and ignores lines that do not exist', () => {
    expect(sourceExcerpt('a\nb', 1, 1).replace(/<[^>]+>/g, '')).toBe(['&gt; 1 | a', '    | ^', '  2 | b'].join('\n'));
    expect(sourceExcerpt('a', 9, 1)).toBe('');
    expect(sourceExcerpt(undefined, 1, 1)).toBe('');
  });
});

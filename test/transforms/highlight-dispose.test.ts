import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCodeHighlighter } from '../../src/transforms/highlight-code.js';

/**
 * Each build makes a code highlighter and lets it go when its pages are done.
 * Shiki counts the highlighters alive and warns on stderr past ten: a script or
 * test that builds again and again must not see that warning. (Its own file:
 * Shiki's count is per module instance.)
 */
const page = (): Root => fromHtml('<pre><code class="language-yaml">kind: Gateway\n</code></pre>', { fragment: true });

afterEach(() => vi.restoreAllMocks());

describe('the code highlighter, let go', () => {
  it('leaves Shiki without the warning however many builds a process runs', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (let build = 0; build < 25; build++) {
      const highlighter = createCodeHighlighter();
      const tree = page();
      await highlighter.highlight(tree);
      expect(toHtml(tree)).toContain('class="highlight"');
      highlighter.dispose();
    }
    expect(warn.mock.calls.filter(([message]) => String(message).includes('[Shiki]'))).toEqual([]);
  });

  it('highlights again after being let go, with a new Shiki', async () => {
    const highlighter = createCodeHighlighter();
    const first = page();
    await highlighter.highlight(first);
    highlighter.dispose();
    const again = page();
    await highlighter.highlight(again);
    expect(toHtml(again)).toBe(toHtml(first));
    highlighter.dispose();
  });
});

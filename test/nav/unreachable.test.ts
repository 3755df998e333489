import { describe, expect, it } from 'vitest';
import { pageFromText } from '../../src/content/discover.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { buildNavTree } from '../../src/nav/nav-tree.js';
import { unreachablePages } from '../../src/nav/unreachable.js';

function problems(files: Record<string, string>): string[] {
  const pages = Object.entries(files).map(([source, text]) => pageFromText(source, source, text, 'content'));
  return unreachablePages(pages, buildNavTree(pages), 'content').map(formatDiagnostic);
}

describe('pages the navigation cannot reach', () => {
  it('are none when every page hangs below the home page, or is hidden', () => {
    expect(
      problems({
        'content/_index.md': '---\ntitle: Home\n---\n',
        'content/a/_index.md': '---\ntitle: A\n---\n',
        'content/a/b.md': '---\ntitle: B\n---\n',
        'content/loose/c.md': '---\ntitle: C (no _index.md: attached to home)\n---\n',
        'content/secret.md': '---\ntitle: Secret\nhidden: true\n---\n',
        'content/internal/_index.md': '---\ntitle: Internal\nhidden: true\n---\n',
        'content/internal/d.md': '---\ntitle: D, inside a hidden section\n---\n',
      }),
    ).toEqual([]);
  });

  it('are every page when there is no home page: one warning says so', () => {
    expect(problems({ 'content/a/_index.md': '---\ntitle: A\n---\n', 'content/a/b.md': '---\ntitle: B\n---\n' })).toEqual([
      'content/_index.md  warning  there is no home page (content/_index.md), so no page is reachable from the navigation  [content:unreachable]',
    ]);
  });
});

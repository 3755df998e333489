import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPage, rereadPage } from '../../src/content/discover.js';
import type { PageRecord } from '../../src/content/page.js';
import { FsTree } from '../../src/versions/fs-tree.js';

const dir = mkdtempSync(path.join(tmpdir(), 'strata-reread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(path.join(dir, 'content'));
const tree = new FsTree(dir, '');
const source = 'content/page.md';
const write = (text: string) => writeFileSync(path.join(dir, source), text);

/** The record discovery makes of `text`, as a render thread gets it: no text, its front matter kept. */
async function discovered(text: string): Promise<PageRecord> {
  write(text);
  const record = (await readPage(tree, source, 'content')) as PageRecord;
  return { ...record, text: '', head: record.text.slice(0, record.bodyOffset) };
}

describe('a page read again in a render thread', () => {
  it('keeps the record discovery made while its front matter is unchanged, with the text as it is now', async () => {
    const record = await discovered('---\ntitle: Upgrade\nweight: 2\n---\n# Upgrade\n\nBefore.\n');
    write('---\ntitle: Upgrade\nweight: 2\n---\n# Upgrade\n\nAfter.\n');
    // A record discovery would not make of this file tells the two ways apart: it stands.
    const again = await rereadPage(tree, { ...record, linkTitle: 'Kept' }, 'content');
    expect(again).toEqual({ ...record, linkTitle: 'Kept', text: '---\ntitle: Upgrade\nweight: 2\n---\n# Upgrade\n\nAfter.\n' });
  });

  it('gives what discovery would give when the file is unchanged', async () => {
    const text = '---\ntitle: Upgrade\ndate: 2024-05-01\n---\nBody.\n';
    const record = await discovered(text);
    expect(await rereadPage(tree, record, 'content')).toEqual({ ...(await readPage(tree, source, 'content')), head: record.head });
    const plain = await discovered('# No front matter\n\nBody.\n');
    expect(plain.head).toBe('');
    expect((await rereadPage(tree, { ...plain, linkTitle: 'Kept' }, 'content'))?.linkTitle).toBe('Kept');
  });

  it('is parsed again when its front matter changed, or the body would start elsewhere', async () => {
    const cases: Array<[string, string]> = [
      ['---\ntitle: Old\n---\nBody.\n', '---\ntitle: New\n---\nBody.\n'],
      ['# Title\n', '---\ntitle: Now with front matter\n---\n# Title\n'],
      ['\n# Title\n', '\n---\ntitle: After a blank line\n---\n'],
      ['---\ntitle: Closed at the end\n---', '---\ntitle: Closed at the end\n---\nA body now.\n'],
      ['{"title": "JSON"}\n', '{"title": "JSON", "weight": 3}\n'],
    ];
    for (const [before, after] of cases) {
      const record = await discovered(before);
      write(after);
      const again = await rereadPage(tree, { ...record, linkTitle: 'Stale' }, 'content');
      expect(again).toEqual(await readPage(tree, source, 'content'));
    }
  });

  it('is parsed again when discovery found problems in it, or it is gone', async () => {
    const record = await discovered('---\nweight: heavy\n---\nBody.\n');
    expect(record.diagnostics).toHaveLength(1);
    expect((await rereadPage(tree, { ...record, linkTitle: 'Stale' }, 'content'))?.linkTitle).not.toBe('Stale');
    rmSync(path.join(dir, source));
    expect(await rereadPage(tree, record, 'content')).toBeUndefined();
  });
});

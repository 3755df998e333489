import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inputStamp } from '../../src/cache/build-stamp.js';
import { emptySnapshot } from '../../src/util/input-snapshot.js';
import { FsTree } from '../../src/versions/fs-tree.js';

/**
 * A folder version's files, listed and fingerprinted once per build: the
 * build stamp's walk of the inputs hands what it found to the trees, which
 * ask the file system only for what that walk did not see.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'strata-fstree-'));
  for (const [file, text] of [
    ['content/_index.md', '# Home\n'],
    ['content/guide/install.md', '# Install\n'],
    ['content/.draft.md', 'hidden\n'],
    ['content/node_modules/pkg/readme.md', '# Vendored\n'],
    ['static/content/version.md', '1.17.0\n'],
  ] as const) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  symlinkSync(path.join(dir, 'content/guide/install.md'), path.join(dir, 'content/guide/linked.md'));
  const past = new Date(Date.now() - 3_600_000);
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) utimesSync(path.join(entry.parentPath, entry.name), past, past);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** What the build stamp's walk of the site leaves. */
function walked() {
  const seen = emptySnapshot();
  expect(inputStamp(dir, { siteDir: dir, output: 'files', cache: true }, undefined, [], [], seen)).toBeDefined();
  return seen;
}

describe('FsTree with the inputs walked already', () => {
  it('lists and fingerprints exactly as it does on its own', async () => {
    const own = new FsTree(dir, '');
    const shared = new FsTree(dir, '', walked());
    expect(await shared.list('content')).toEqual(await own.list('content'));
    expect(await shared.list('content')).toEqual(['content/_index.md', 'content/guide/install.md', 'content/guide/linked.md', 'content/node_modules/pkg/readme.md']);
    for (const file of ['content/_index.md', 'content/guide/linked.md', 'static/content/version.md', 'content/missing.md']) {
      expect(shared.fingerprint(file)).toBe(own.fingerprint(file));
    }
  });

  it('answers from the walk, not from a second look at the disk', async () => {
    const shared = new FsTree(dir, '', walked());
    const before = shared.fingerprint('static/content/version.md');
    // Changed after the walk: this build goes on with what the walk saw (its stamp no longer matches, so the next build looks again).
    writeFileSync(path.join(dir, 'static/content/version.md'), '1.17.1 with more text\n');
    writeFileSync(path.join(dir, 'content/guide/new.md'), '# New\n');
    expect(shared.fingerprint('static/content/version.md')).toBe(before);
    expect(await shared.list('content/guide')).toEqual(['content/guide/install.md', 'content/guide/linked.md']);
    expect(new FsTree(dir, '').fingerprint('static/content/version.md')).not.toBe(before);
  });

  it('still calls a file written just now racy: its fingerprint matches nothing', () => {
    writeFileSync(path.join(dir, 'content/_index.md'), '# Home, edited\n');
    const seen = emptySnapshot();
    inputStamp(dir, { siteDir: dir, output: 'files', cache: true }, undefined, [], [], seen);
    const shared = new FsTree(dir, '', seen);
    expect(shared.fingerprint('content/_index.md')).toMatch(/^racy:/);
    expect(shared.fingerprint('content/_index.md')).not.toBe(shared.fingerprint('content/_index.md'));
  });
});

import * as fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Counts the system realpath calls the tree makes; everything else is the real `node:fs`.
const realpaths = vi.hoisted(() => ({ calls: 0 }));
vi.mock('node:fs', async (original) => {
  const actual = await original<typeof fs>();
  const native = (p: fs.PathLike) => {
    realpaths.calls++;
    return actual.realpathSync.native(p);
  };
  return { ...actual, realpathSync: Object.assign((p: fs.PathLike) => actual.realpathSync(p), { native }) };
});

const { FsTree } = await import('../../src/versions/fs-tree.js');
const { emptySnapshot } = await import('../../src/util/input-snapshot.js');

/**
 * Reads through a tree that belongs to one build (it has the build's
 * snapshot) resolve each folder once, and only the last part of each path
 * after that; they answer exactly what a tree without the snapshot answers,
 * which resolves every path in full.
 */
let base: string;
let dir: string;
beforeEach(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-fstree-reads-'));
  dir = path.join(base, 'site');
  const files: Array<[string, string]> = [
    ['site/content/guide/install.md', '# Install\n'],
    ['site/static/content/version.md', '1.17.0\n'],
    ['outside/secret.md', 'secret\n'],
    ['outside/folder/secret.md', 'secret too\n'],
  ];
  for (let i = 0; i < 20; i++) files.push([`site/content/many/page-${i}.md`, `# Page ${i}\n`]);
  for (const [file, text] of files) {
    fs.mkdirSync(path.dirname(path.join(base, file)), { recursive: true });
    fs.writeFileSync(path.join(base, file), text);
  }
  fs.symlinkSync(path.join(dir, 'content/guide/install.md'), path.join(dir, 'content/guide/linked.md'));
  fs.symlinkSync(path.join(base, 'outside/secret.md'), path.join(dir, 'content/guide/escape.md'));
  fs.symlinkSync(path.join(base, 'outside/folder'), path.join(dir, 'content/elsewhere'));
  fs.symlinkSync(path.join(dir, 'content/guide'), path.join(dir, 'content/alias'));
  execFileSync('mkfifo', [path.join(dir, 'content/guide/pipe.md')]);
});
afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

const PATHS = [
  'content/guide/install.md',
  'content/guide/linked.md',
  'content/guide/escape.md',
  'content/elsewhere/secret.md',
  'content/alias/install.md',
  'content/guide/pipe.md',
  'content/guide/missing.md',
  'content/missing/page.md',
  'content/guide',
  'content',
  '',
  'static/content/version.md',
];

describe('FsTree reads within one build', () => {
  it('answers every read and kind as a tree that resolves each path in full', async () => {
    const careful = new FsTree(dir, '');
    const build = new FsTree(dir, '', emptySnapshot());
    for (const file of PATHS) {
      expect([file, await build.kind(file)]).toEqual([file, await careful.kind(file)]);
      expect([file, (await build.read(file))?.toString()]).toEqual([file, (await careful.read(file))?.toString()]);
    }
    // What they answer, so that "the same" is not "the same mistake".
    expect((await build.read('content/guide/linked.md'))?.toString()).toBe('# Install\n');
    expect((await build.read('content/alias/install.md'))?.toString()).toBe('# Install\n');
    expect(await build.read('content/guide/escape.md')).toBeUndefined();
    expect(await build.kind('content/guide/escape.md')).toBe('outside');
    expect(await build.read('content/elsewhere/secret.md')).toBeUndefined();
    expect(await build.kind('content/elsewhere/secret.md')).toBe('outside');
    expect(await build.read('content/guide/pipe.md')).toBeUndefined();
    expect(await build.kind('content/guide')).toBe('directory');
  });

  it('resolves a folder once, not each page in it', async () => {
    const build = new FsTree(dir, '', emptySnapshot());
    realpaths.calls = 0;
    for (let i = 0; i < 20; i++) expect((await build.read(`content/many/page-${i}.md`))?.toString()).toBe(`# Page ${i}\n`);
    // The folder, and the tree's root once.
    expect(realpaths.calls).toBe(2);

    const careful = new FsTree(dir, '');
    realpaths.calls = 0;
    for (let i = 0; i < 20; i++) await careful.read(`content/many/page-${i}.md`);
    expect(realpaths.calls).toBe(21);
  });

  it('does not carry what it learnt of a folder into the next build', async () => {
    const first = new FsTree(dir, '', emptySnapshot());
    expect((await first.read('content/many/page-1.md'))?.toString()).toBe('# Page 1\n');
    // Between two builds, the folder becomes a link out of the site.
    fs.rmSync(path.join(dir, 'content/many'), { recursive: true });
    fs.symlinkSync(path.join(base, 'outside'), path.join(dir, 'content/many'));
    const next = new FsTree(dir, '', emptySnapshot());
    expect(await next.read('content/many/secret.md')).toBeUndefined();
    expect(await next.kind('content/many/secret.md')).toBe('outside');
  });
});

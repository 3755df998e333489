import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FileEvent } from '../../src/dev/change-queue.js';
import { watchFiles, type Watcher } from '../../src/dev/watch.js';

let dir: string | undefined;
let watcher: Watcher | undefined;
afterEach(async () => {
  await watcher?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  watcher = undefined;
  dir = undefined;
});

async function watching(paths: (dir: string) => string[]): Promise<{ dir: string; events: FileEvent[] }> {
  dir = mkdtempSync(path.join(os.tmpdir(), 'strata-watch-'));
  mkdirSync(path.join(dir, 'content'));
  writeFileSync(path.join(dir, 'content/a.md'), 'a');
  const events: FileEvent[] = [];
  watcher = watchFiles(paths(dir), (e) => events.push(e), (e) => {
    throw e;
  });
  await watcher.ready;
  return { dir, events };
}

describe('watchFiles', () => {
  it('reports the last of two writes closer together than chokidar’s throttle window', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'strata-watch-'));
    const file = path.join(dir, 'a.md');
    writeFileSync(file, 'a');
    const events: FileEvent[] = [];
    watcher = watchFiles([dir], (e) => {
      events.push(e);
      // Written the moment the first change is reported: inside the 50 ms in which chokidar drops a second change.
      if (events.length === 1) writeFileSync(file, 'second, longer');
    }, (e) => {
      throw e;
    });
    await watcher.ready;
    writeFileSync(file, 'first');
    await expect.poll(() => events.length, { timeout: 5000 }).toBe(2);
    expect(events).toEqual([
      { kind: 'change', path: file },
      { kind: 'change', path: file },
    ]);
  });

  it('skips hidden files, and sees a removed folder when it comes back', async () => {
    const { dir, events } = await watching((d) => [path.join(d, 'content')]);
    writeFileSync(path.join(dir, 'content/.a.md.swp'), 'x');
    rmSync(path.join(dir, 'content'), { recursive: true });
    await expect.poll(() => events.some((e) => e.kind === 'unlinkDir' && e.path === path.join(dir, 'content'))).toBe(true);
    mkdirSync(path.join(dir, 'content'));
    writeFileSync(path.join(dir, 'content/b.md'), 'b');
    await expect.poll(() => events.some((e) => e.kind === 'add' && e.path === path.join(dir, 'content/b.md'))).toBe(true);
    expect(events.some((e) => e.path.endsWith('.swp'))).toBe(false);
  });

  it('watches paths that do not exist yet, and follows a new set of paths', async () => {
    const { dir, events } = await watching((d) => [path.join(d, 'strata.config.json')]);
    writeFileSync(path.join(dir, 'strata.config.json'), '{}');
    await expect.poll(() => events.map((e) => e.kind)).toEqual(['add']);
    watcher?.setPaths([path.join(dir, 'content')]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    writeFileSync(path.join(dir, 'content/a.md'), 'changed');
    writeFileSync(path.join(dir, 'strata.config.json'), '{ "title": "x" }');
    await expect.poll(() => events.some((e) => e.path.endsWith('a.md'))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(events.filter((e) => e.path.endsWith('strata.config.json')).map((e) => e.kind)).toEqual(['add']);
  });
});

import { spawnSync } from 'node:child_process';
import { utimesSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lastModified } from '../../src/publish/lastmod.js';
import { FsTree } from '../../src/versions/fs-tree.js';
import { GitTree } from '../../src/versions/git-tree.js';
import { makeSite, type TempSite } from '../support/site.js';

let site: TempSite | undefined;
afterEach(() => site?.cleanup());

function git(cwd: string, args: string[], date?: string): void {
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) };
  const r = spawnSync('git', args, { cwd, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}

describe('lastmod', () => {
  it('is the date of the last commit touching each file, from one git log', async () => {
    site = makeSite({ 'docs/content/a.md': 'a', 'docs/content/b.md': 'b' });
    git(site.dir, ['init', '-q']);
    git(site.dir, ['add', '.']);
    git(site.dir, ['commit', '-qm', 'one'], '2024-01-02T10:00:00Z');
    site.write('docs/content/b.md', 'b2');
    git(site.dir, ['commit', '-qam', 'two'], '2024-03-04T23:30:00-02:00');
    const dates = await lastModified(new FsTree(path.join(site.dir, 'docs'), ''), path.join(site.dir, 'docs'), 'content');
    expect(Object.fromEntries(dates)).toEqual({ 'content/a.md': '2024-01-02', 'content/b.md': '2024-03-05' });
  });

  it('is the file time for files with uncommitted changes and files git does not know', async () => {
    site = makeSite({ 'content/a.md': 'a', 'content/b.md': 'b' });
    git(site.dir, ['init', '-q']);
    git(site.dir, ['add', '.']);
    git(site.dir, ['commit', '-qm', 'one'], '2024-01-02T10:00:00Z');
    site.write('content/b.md', 'edited');
    site.write('content/c.md', 'new');
    for (const f of ['b', 'c']) utimesSync(path.join(site.dir, `content/${f}.md`), new Date('2025-06-07T12:00:00Z'), new Date('2025-06-07T12:00:00Z'));
    const dates = await lastModified(new FsTree(site.dir, ''), site.dir, 'content');
    expect(Object.fromEntries(dates)).toEqual({ 'content/a.md': '2024-01-02', 'content/b.md': '2025-06-07', 'content/c.md': '2025-06-07' });
  });

  it('follows the history of the ref for a version read from git', async () => {
    site = makeSite({ 'content/a.md': 'a' });
    git(site.dir, ['init', '-q']);
    git(site.dir, ['add', '.']);
    git(site.dir, ['commit', '-qm', 'one'], '2024-01-02T10:00:00Z');
    git(site.dir, ['tag', 'v1']);
    site.write('content/a.md', 'a2');
    git(site.dir, ['commit', '-qam', 'two'], '2024-05-06T10:00:00Z');
    const opened = GitTree.open(site.dir, 'v1', '');
    if (!opened.ok) throw new Error(opened.reason);
    expect(Object.fromEntries(await lastModified(opened.tree, site.dir, 'content'))).toEqual({ 'content/a.md': '2024-01-02' });
    opened.tree.close();
  });

  it('is the file time outside a git repository', async () => {
    site = makeSite({ 'content/a.md': 'a' });
    utimesSync(path.join(site.dir, 'content/a.md'), new Date('2023-02-03T04:05:06Z'), new Date('2023-02-03T04:05:06Z'));
    expect(Object.fromEntries(await lastModified(new FsTree(site.dir, ''), site.dir, 'content'))).toEqual({ 'content/a.md': '2023-02-03' });
  });
});

import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { gitLastModified } from '../../src/content/last-modified.js';
import { makeSite, type TempSite } from '../support/site.js';

let site: TempSite | undefined;
afterEach(() => site?.cleanup());

function git(dir: string, args: string[], date?: string): void {
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
  if (date) Object.assign(env, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  execFileSync('git', args, { cwd: dir, env, stdio: 'ignore' });
}

describe('gitLastModified', () => {
  it('dates each file by its last commit, from one git log, relative to the site folder', async () => {
    site = makeSite({ 'docs/content/a.md': 'a', 'docs/content/b.md': 'b', 'other.md': 'x' });
    git(site.dir, ['init', '-q']);
    git(site.dir, ['add', '.']);
    git(site.dir, ['commit', '-qm', 'one'], '2024-01-02T03:04:05+00:00');
    site.write('docs/content/b.md', 'b2');
    site.write('docs/content/new.md', 'not committed');
    git(site.dir, ['commit', '-qam', 'two'], '2024-02-03T04:05:06+00:00');

    const dates = await gitLastModified(`${site.dir}/docs`, { pathspecs: ['content', 'versions'] });
    expect(Object.fromEntries(dates)).toEqual({
      'content/a.md': '2024-01-02T03:04:05+00:00',
      'content/b.md': '2024-02-03T04:05:06+00:00',
    });
  });

  it('stops early once every wanted file is dated', async () => {
    site = makeSite({ 'content/a.md': 'a' });
    git(site.dir, ['init', '-q']);
    git(site.dir, ['add', '.']);
    git(site.dir, ['commit', '-qm', 'one'], '2024-01-02T03:04:05+00:00');
    site.write('content/a.md', 'a2');
    git(site.dir, ['commit', '-qam', 'two'], '2024-03-01T00:00:00+00:00');
    const dates = await gitLastModified(site.dir, { wanted: ['content/a.md'] });
    expect(dates.get('content/a.md')).toBe('2024-03-01T00:00:00+00:00');
  });

  it('gives no dates outside a repository', async () => {
    site = makeSite({ 'content/a.md': 'a' });
    // A folder above any repository: the temp dir is not inside the project's work tree.
    expect((await gitLastModified(site.dir)).size).toBe(0);
  });
});

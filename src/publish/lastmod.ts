import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { FsTree } from '../versions/fs-tree.js';
import { GitTree } from '../versions/git-tree.js';
import type { SourceTree } from '../versions/source-tree.js';

const run = promisify(execFile);

/**
 * When each file of a version's `dir` last changed, as `YYYY-MM-DD` (UTC):
 * the date of the last commit that touched it, read with one `git log` for
 * the whole folder (not one process per page); for files git does not know
 * or that differ from the commit (uncommitted edits), the file's
 * modification time. Versions read from a git ref use that ref's history.
 *
 * The same checkout gives the same dates, so builds stay reproducible; a
 * shallow clone dates every file at its one commit (fetch the history, e.g.
 * `fetch-depth: 0`, for true dates).
 */
export async function lastModified(tree: SourceTree, siteDir: string, dir: string): Promise<Map<string, string>> {
  const dates = new Map<string, string>();
  const files = await tree.list(dir);
  let gitDates = new Map<string, string>();
  let changed = new Set<string>();
  if (tree instanceof GitTree) gitDates = await commitDates(siteDir, tree.commit, dir);
  else if (tree instanceof FsTree) {
    gitDates = await commitDates(tree.root, 'HEAD', dir);
    if (gitDates.size) changed = await changedFiles(tree.root, dir);
  }
  for (const file of files) {
    const fromGit = changed.has(file) ? undefined : gitDates.get(file);
    if (fromGit !== undefined) dates.set(file, fromGit);
    else {
      const mtime = await tree.mtime(file);
      if (mtime !== undefined) dates.set(file, isoDate(mtime));
    }
  }
  return dates;
}

/** Path (relative to `cwd`) → date of the newest commit of `rev` touching it. Empty when git cannot tell. */
async function commitDates(cwd: string, rev: string, dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const stdout = await git(cwd, ['log', rev, '--format=%x01%ct', '--name-only', '-z', '--relative', '--no-renames', '--', dir]);
  if (stdout === undefined) return out;
  let date: string | undefined;
  for (const token of stdout.split('\0')) {
    if (token.startsWith('\x01')) {
      date = isoDate(Number(token.slice(1)) * 1000);
      continue;
    }
    const file = token.replace(/^\n/, '');
    // Newest commits come first; keep the newest date seen.
    const seen = out.get(file);
    if (file && date !== undefined && (seen === undefined || date > seen)) out.set(file, date);
  }
  return out;
}

/** Files that differ from HEAD (staged or not): their commit date would be stale. */
async function changedFiles(cwd: string, dir: string): Promise<Set<string>> {
  const stdout = await git(cwd, ['diff', '--name-only', '-z', '--relative', '--no-renames', 'HEAD', '--', dir]);
  return new Set((stdout ?? '').split('\0').filter(Boolean));
}

async function git(cwd: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } });
    return stdout;
  } catch {
    return undefined;
  }
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

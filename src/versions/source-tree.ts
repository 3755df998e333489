/**
 * A version's files, wherever they live: the working tree, a snapshot folder
 * or a git ref. Every later stage reads through this interface, so a version
 * from git builds exactly like one on disk.
 *
 * Paths are relative, with forward slashes, and never leave the tree:
 * `resolveInside` is the one gate every path goes through.
 */
export interface SourceTree {
  /** Prefix that turns a tree path into a path the user recognises (`versions/1.16.x/`). */
  readonly displayPrefix: string;
  /** Every file below `dir` (recursive), sorted, as tree paths. */
  list(dir: string): Promise<string[]>;
  /**
   * File contents, or `undefined` when there is no such file. With `limit`,
   * the tree may stop after that many bytes: fewer means the whole file.
   */
  read(path: string, limit?: number): Promise<Buffer | undefined>;
  /** What is at `path`, following symlinks only while they stay inside the tree. */
  kind(path: string): Promise<'file' | 'directory' | 'outside' | undefined>;
  /** Modification time in ms since epoch, when the source knows one. */
  mtime(path: string): Promise<number | undefined>;
  /**
   * A cheap token that changes whenever the file's content may have changed
   * (size, time and inode on disk; the blob id in git), or undefined when the
   * file is missing. The build cache trusts a file whose token is unchanged.
   */
  fingerprint(path: string): string | undefined;
}

/**
 * Normalises a user-given path (`static/x`, `/static/x`, `./a/../x`) to a tree
 * path, or `undefined` when it would leave the tree or is not a plain path.
 */
export function resolveInside(path: string, from = ''): string | undefined {
  if (path.includes('\0') || path.includes('\\')) return undefined;
  const joined = path.startsWith('/') ? path : from ? `${from}/${path}` : path;
  const out: string[] = [];
  for (const segment of joined.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(segment);
  }
  return out.join('/');
}

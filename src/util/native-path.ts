import path from 'node:path';

/**
 * `rel`, a `/`-separated path already normalised (no `.`, `..` or empty
 * segments), under `root`, as the file system names it. Joined by hand:
 * `path.join(root, ...rel.split('/'))` was a third of each `stat` by such a
 * path, and a rebuild makes one per page (its source, its output files).
 */
export function underRoot(root: string, rel: string): string {
  if (rel === '') return root;
  return (root.endsWith(path.sep) ? root : root + path.sep) + (path.sep === '/' ? rel : rel.replaceAll('/', path.sep));
}

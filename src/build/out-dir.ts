import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE } from '../publish/manifest.js';

/** A folder the output must keep away from, with the name messages use for it. */
export interface GuardedFolder {
  dir: string;
  /** How the user knows it: `content/`, `the site`, `versions/1.16.x/`. */
  name: string;
}

export interface OutDirGuard {
  /** Folders the output may not be, contain, or lie inside (the site's sources). */
  sources: readonly GuardedFolder[];
  /** Folders the output may not be or contain, though it may lie inside them (the site folder, the working folder). */
  homes: readonly GuardedFolder[];
}

/**
 * Why writing the output to `outDir` would destroy something, or undefined
 * when it is safe. A build swaps its output folder in whole, replacing what
 * was there: so the output may not be the file system root, the site or a
 * folder holding it, one of the site's sources, or an existing folder that is
 * not an earlier Strata output (`--out ~/Documents` would empty it).
 */
export function unsafeOutDir(outDir: string, guard: OutDirGuard): string | undefined {
  const out = path.resolve(outDir);
  if (path.parse(out).root === out) return 'it is the root of the file system';
  for (const folder of [...guard.homes, ...guard.sources]) {
    const dir = path.resolve(folder.dir);
    if (out === dir) return `it is ${folder.name}, which the output would replace`;
    if (isInside(dir, out)) return `it holds ${folder.name}, which the output would replace`;
  }
  for (const folder of guard.sources) {
    if (isInside(out, path.resolve(folder.dir))) return `it is inside ${folder.name}, one of the site's sources`;
  }
  const stat = statSync(out, { throwIfNoEntry: false });
  if (stat && !stat.isDirectory()) return 'it is a file, not a folder';
  if (stat && !isStrataOutput(out)) return `it already holds files that are not a Strata output (no versions.json or */${MANIFEST_FILE}), which the output would replace; empty it or choose another folder`;
  return undefined;
}

/** `child` lies strictly below `parent`. */
function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Empty (dotfiles aside), or what a build or `strata merge` wrote: `versions.json`, or a version folder's manifest. */
function isStrataOutput(dir: string): boolean {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  if (entries.every((e) => e.name.startsWith('.'))) return true;
  if (entries.some((e) => e.name === 'versions.json' && e.isFile())) return true;
  return entries.some((e) => e.isDirectory() && statSync(path.join(dir, e.name, MANIFEST_FILE), { throwIfNoEntry: false })?.isFile());
}

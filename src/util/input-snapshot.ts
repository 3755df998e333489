import type { BigIntStats, Dirent } from 'node:fs';

/**
 * What the build stamp's walk of a build's inputs saw, by absolute path: the
 * entries of each folder it walked and the stat of each file. Discovery and
 * the build cache look here before asking the file system, so a build lists
 * and stats each of its files once. What the walk skipped is not here.
 */
export interface InputSnapshot {
  folders: Map<string, Dirent[]>;
  files: Map<string, BigIntStats>;
}

export function emptySnapshot(): InputSnapshot {
  return { folders: new Map(), files: new Map() };
}

import type { BigIntStats, Dirent } from 'node:fs';

/**
 * What the build stamp's walk of a build's inputs saw, by absolute path: the
 * entries of each folder it walked and the stat of each file. Discovery and
 * the build cache look here before asking the file system, so a build lists
 * and stats each of its files once. What the walk skipped is not here.
 * It lives as long as one build, so nothing in it is trusted by the next.
 */
export interface InputSnapshot {
  folders: Map<string, Dirent[]>;
  files: Map<string, BigIntStats>;
  /** The real path of each folder a page or file was read from, where it is inside its tree (`FsTree`). */
  realFolders: Map<string, string>;
}

export function emptySnapshot(): InputSnapshot {
  return { folders: new Map(), files: new Map(), realFolders: new Map() };
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { CACHE_DIR, MANIFEST } from '../cache/build-cache.js';

/**
 * How far a V8 heap may grow past what survived its last full collection
 * before the next one, in percent, in a build with nothing to reuse. Such a
 * build renders every page on every core: three heaps (the main thread's and
 * two render threads'), each of which V8's default lets grow to several
 * times its live data. Corpus A peaked at 760 MiB with at most 110 MB live on
 * the main thread (while the site loads) and 60 MB on each render thread. At
 * 50 % it peaks at about 490 MiB, for 3 % more time; 20 % gives 435 MiB for
 * 8 % more (bench/README.md). Unlike a heap limit it never fails a build: a
 * larger site's heaps still grow as far as they need. (The render pool also
 * collects loading's garbage before the threads start: about 410 MiB.)
 */
const COLD_HEAP_GROWING_PERCENT = 50;

/** Whether the build will find no cache to reuse: `--no-cache`, or no manifest yet. */
export function buildsCold(siteDir: string, cache: boolean): boolean {
  return !cache || !existsSync(path.resolve(siteDir, CACHE_DIR, MANIFEST));
}

/**
 * Sets the process's heap growth for a cold build, before the site loads and
 * the render threads start. A rebuild from the cache keeps V8's default: it
 * renders little, and a tighter heap only adds collections (about 4 % on a
 * one-page rebuild of corpus B). Returns what puts V8's default back, for
 * after the build: V8 checks its code cache against the flags the code was
 * compiled under (src/cli/code-cache.ts), and one the CLI writes under a
 * changed flag would not serve the next process.
 */
export function limitHeapGrowth(siteDir: string, cache: boolean): () => void {
  if (!buildsCold(siteDir, cache)) return () => {};
  setFlagsFromString(`--heap-growing-percent=${COLD_HEAP_GROWING_PERCENT}`);
  // 0 is V8's default: its own growth heuristics.
  return () => setFlagsFromString('--heap-growing-percent=0');
}

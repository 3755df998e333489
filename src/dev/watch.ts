import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { FileEvent, FileEventKind } from './change-queue.js';

const KINDS: ReadonlySet<string> = new Set<FileEventKind>(['add', 'change', 'unlink', 'addDir', 'unlinkDir']);

/**
 * chokidar drops a second `change` of a path within 50 ms of the first, with
 * no trailing event: the end of a half-written file, or a save right after
 * another, would never be seen. Each change is checked again after that window.
 */
const CHOKIDAR_CHANGE_THROTTLE_MS = 50;
const RECHECK_MS = CHOKIDAR_CHANGE_THROTTLE_MS + 20;

/** The files the dev server watches; the set follows the site as it is reloaded. */
export interface Watcher {
  /** Resolves once the initial scan is done: changes after this are seen. */
  readonly ready: Promise<void>;
  /** Watches exactly these targets from now on (files or folders, which need not exist yet). */
  setPaths(paths: readonly string[]): void;
  close(): Promise<void>;
}

/**
 * chokidar over the site's inputs. Each target (a folder, or a file such as
 * a config) is watched through its nearest existing folder, filtered down to
 * the target, so one that does not exist yet is seen when it appears (chokidar
 * misses the creation of a watched path that does not exist) and one that is
 * removed is seen when it comes back. Hidden files and folders inside targets
 * are skipped, as the source trees skip them (editor swap files, `.git`). A
 * changed file is looked at again once chokidar's throttle window is over, so
 * its last write is always reported.
 */
export function watchFiles(paths: readonly string[], onEvent: (event: FileEvent) => void, onError: (error: unknown) => void): Watcher {
  let targets = new Set(paths.map((p) => path.resolve(p)));
  const watched = rootsOf(targets);
  const watcher: FSWatcher = watch([...watched], { ignoreInitial: true, ignored: (file: string) => ignored(targets, path.resolve(file)) });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  const rechecks = new Map<string, ReturnType<typeof setTimeout>>();
  let closed = false;
  const recheck = (abs: string, seen: string | undefined) => {
    clearTimeout(rechecks.get(abs));
    rechecks.set(
      abs,
      setTimeout(() => {
        rechecks.delete(abs);
        const now = signature(abs);
        if (!closed && now !== undefined && now !== seen) onEvent({ kind: 'change', path: abs });
      }, RECHECK_MS),
    );
  };
  // chokidar's `unwatch` ignores the path and everything below it for good, even
  // when a parent is added later: folders are only ever added, and events are
  // filtered by the current targets instead.
  const follow = (again: boolean) => {
    const next = [...rootsOf(targets)].filter((p) => again || !watched.has(p));
    for (const p of next) watched.add(p);
    if (next.length) watcher.add(next);
  };

  watcher.on('all', (kind: string, file: string) => {
    const abs = path.resolve(file);
    if (!KINDS.has(kind) || ignored(targets, abs)) return;
    // The file as it is now, before anyone reacts to the event: a later write differs from it.
    const seen = kind === 'change' ? signature(abs) : undefined;
    onEvent({ kind: kind as FileEventKind, path: abs });
    if (kind === 'change') recheck(abs, seen);
    // A watched folder went away: watch its nearest existing folder too, to see it come back.
    if (kind === 'unlinkDir' && watched.has(abs)) follow(false);
  });
  watcher.on('error', onError);
  return {
    ready,
    setPaths(next) {
      targets = new Set(next.map((p) => path.resolve(p)));
      // Added again even when watched already: chokidar then looks at what the old targets made it skip.
      follow(true);
    },
    close: () => {
      closed = true;
      for (const timer of rechecks.values()) clearTimeout(timer);
      return watcher.close();
    },
  };
}

/** The folders (or files) given to chokidar: each target's nearest existing self or ancestor, none inside another. */
function rootsOf(targets: ReadonlySet<string>): Set<string> {
  const roots = new Set<string>();
  for (const target of targets) {
    let at = target;
    while (!existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
    roots.add(at);
  }
  return new Set([...roots].filter((root) => ![...roots].some((other) => other !== root && isInside(other, root))));
}

/** Whether chokidar should leave `file` alone: it is neither a target, inside one, nor on the way to one. */
function ignored(targets: ReadonlySet<string>, file: string): boolean {
  if (targets.has(file)) return false;
  for (const target of targets) if (isInside(target, file)) return path.basename(file).startsWith('.');
  for (const target of targets) if (isInside(file, target)) return false;
  return true;
}

function isInside(dir: string, file: string): boolean {
  return file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
}

/** What identifies a version of a file's contents without reading it (one `stat`, a few microseconds). */
function signature(file: string): string | undefined {
  const s = statSync(file, { throwIfNoEntry: false });
  return s && `${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
}

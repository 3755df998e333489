import { randomUUID } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, promises as fs, readFileSync, readSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { resolveInside, type SourceTree } from './source-tree.js';
import { statFingerprint, writtenJustNow } from '../util/file-fingerprint.js';
import type { InputSnapshot } from '../util/input-snapshot.js';
import { underRoot } from '../util/native-path.js';

/** A version that lives in a folder: the working tree or `versions/<name>/`. */
export class FsTree implements SourceTree {
  readonly root: string;
  readonly displayPrefix: string;
  #realRoot: string | undefined;
  /** Folders and files walked already in this build: the build stamp's walk of its inputs. */
  readonly #seen: InputSnapshot | undefined;

  constructor(root: string, displayPrefix: string, seen?: InputSnapshot) {
    this.root = path.resolve(root);
    this.displayPrefix = displayPrefix;
    this.#seen = seen;
  }

  async list(dir: string): Promise<string[]> {
    const rel = resolveInside(dir);
    if (rel === undefined) return [];
    const files: string[] = [];
    await walk(path.join(this.root, rel), rel, files, this.#seen);
    return files.sort();
  }

  // `read` and `kind` use synchronous calls on purpose: discovery reads every
  // page of every version at once, and thousands of concurrent realpath → stat
  // → readFile chains through libuv's thread pool cost twice as much as the
  // same calls in turn (3 × 1,061 pages of the benchmark corpus: ~700 ms
  // against ~350 ms; what `strata dev` waits for before serving).
  async read(treePath: string, limit?: number): Promise<Buffer | undefined> {
    const rel = resolveInside(treePath);
    if (rel === undefined) return undefined;
    const real = this.#inFolder(rel);
    if (real === undefined) return this.#readFollowing(rel);
    let fd: number;
    try {
      // Not following a last symlink (ELOOP), nor waiting on a FIFO: those go the careful way.
      fd = openSync(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ELOOP' ? this.#readFollowing(rel) : undefined;
    }
    try {
      if (!fstatSync(fd).isFile()) return undefined;
      if (limit === undefined) return readFileSync(fd);
      const bytes = Buffer.allocUnsafe(limit);
      let filled = 0;
      for (let n = -1; filled < limit && n !== 0; filled += n) n = readSync(fd, bytes, filled, limit - filled, filled);
      return bytes.subarray(0, filled);
    } catch {
      return undefined;
    } finally {
      closeSync(fd);
    }
  }

  async kind(treePath: string): Promise<'file' | 'directory' | 'outside' | undefined> {
    const rel = resolveInside(treePath);
    if (rel === undefined) return 'outside';
    const real = this.#inFolder(rel);
    const stat = real === undefined ? undefined : lstatSync(real, { throwIfNoEntry: false });
    if (stat === undefined || stat.isSymbolicLink()) return this.#inspect(rel).kind;
    return stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : undefined;
  }

  #readFollowing(rel: string): Buffer | undefined {
    const found = this.#inspect(rel);
    if (found.kind !== 'file') return undefined;
    try {
      return readFileSync(found.real);
    } catch {
      return undefined;
    }
  }

  /**
   * `rel` under the real path of its folder, when this build resolved that
   * folder inside the tree already; `undefined` otherwise. Discovery and the
   * render threads read thousands of pages from a few hundred folders:
   * realpath(3) of each page asked the system about every one of its path's
   * components (about 50,000 `readlink` calls for 3,183 pages). Only the
   * last component is left to check, which `O_NOFOLLOW` and `lstat` do.
   * Folders are remembered for one build only (the snapshot's lifetime):
   * one replaced by a symlink later is resolved again by the next build.
   */
  #inFolder(rel: string): string | undefined {
    const folders = this.#seen?.realFolders;
    if (folders === undefined) return undefined;
    const abs = this.#abs(rel);
    const dir = path.dirname(abs);
    let real = folders.get(dir);
    if (real === undefined) {
      try {
        real = realpathSync.native(dir);
      } catch {
        return undefined;
      }
      if (!this.#contains(real)) return undefined;
      folders.set(dir, real);
    }
    return path.join(real, path.basename(abs));
  }

  /** What is at tree path `rel`, following symlinks only while they stay inside the tree. */
  #inspect(rel: string): { kind: 'file' | 'directory' | 'outside' | undefined; real: string } {
    let real: string;
    try {
      // The system's realpath(3): Node's own resolves a path one `lstat` at a time in JavaScript, at twice the cost.
      real = realpathSync.native(this.#abs(rel));
    } catch {
      return { kind: undefined, real: '' };
    }
    if (!this.#contains(real)) return { kind: 'outside', real };
    const stat = statSync(real, { throwIfNoEntry: false });
    return { kind: stat?.isDirectory() ? 'directory' : stat?.isFile() ? 'file' : undefined, real };
  }

  /** Whether a real (resolved) path is the tree's real root or below it. */
  #contains(real: string): boolean {
    const root = (this.#realRoot ??= realRoot(this.root));
    return real === root || real.startsWith(root + path.sep);
  }

  fingerprint(treePath: string): string | undefined {
    const rel = resolveInside(treePath);
    if (rel === undefined) return undefined;
    const abs = underRoot(this.root, rel);
    const stat = this.#seen?.files.get(abs) ?? statSync(abs, { throwIfNoEntry: false, bigint: true });
    if (!stat?.isFile()) return undefined;
    // A file written just now could change again without its size and time changing: its fingerprint then
    // matches nothing, in this process or a later one, so the build cache reads it (and renders what used it) again.
    if (writtenJustNow(stat.mtimeNs)) return `racy:${randomUUID()}`;
    return statFingerprint(stat);
  }

  async mtime(treePath: string): Promise<number | undefined> {
    const stat = await fs.stat(this.#abs(treePath)).catch(() => undefined);
    return stat?.mtimeMs;
  }

  #abs(treePath: string): string {
    return path.join(this.root, ...treePath.split('/'));
  }
}

function realRoot(root: string): string {
  try {
    return realpathSync.native(root);
  } catch {
    return root;
  }
}

async function walk(abs: string, rel: string, out: string[], seen: InputSnapshot | undefined): Promise<void> {
  let entries: Dirent[] | undefined = seen?.folders.get(abs);
  try {
    entries ??= await fs.readdir(abs, { withFileTypes: true });
  } catch {
    return;
  }
  await Promise.all(
    entries.map(async (entry) => {
      if (entry.name.startsWith('.')) return;
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const childAbs = path.join(abs, entry.name);
      if (entry.isDirectory()) await walk(childAbs, childRel, out, seen);
      else if (entry.isFile()) out.push(childRel);
      else if (entry.isSymbolicLink()) {
        // Followed only if it points at a file; `kind` later refuses ones leaving the tree.
        const stat = seen?.files.get(childAbs) ?? (await fs.stat(childAbs).catch(() => undefined));
        if (stat?.isFile()) out.push(childRel);
      }
    }),
  );
}

import { hash, randomBytes } from 'node:crypto';
import { mkdirSync, promises as fs, readdirSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { underRoot } from '../util/native-path.js';

/** Where a build's files go: a folder swapped in on success, or nowhere (`check`, `--to=ndjson`). */
export interface OutputSink {
  write(file: string, data: string | Uint8Array): Promise<void>;
  /** Set when files may be written straight to disk by whoever makes them (render threads), then reported. */
  readonly direct?: DirectWrites;
  copy(file: string, from: string): Promise<void>;
  /** Makes the output visible; after a failed build `abort` is called instead. */
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/**
 * Files a render thread writes itself, so their bytes never cross to the main
 * thread: it writes them under `folder` (with `writeOutputFile`) and the main
 * thread reports each one, with its `contentHash`, through `written`.
 */
export interface DirectWrites {
  readonly folder: string;
  written(file: string, hash: string): void;
}

/** The absolute path of output file `file` (`/`-separated, relative) under `root`; never outside it. */
export function outputFilePath(root: string, file: string): string {
  const abs = path.join(root, ...file.split('/'));
  if (!abs.startsWith(root + path.sep)) throw new Error(`refusing to write outside the output folder: ${file}`);
  return abs;
}

/** Writes output file `file` under `root`, making its folder first unless `made` says it exists. */
export function writeOutputFile(root: string, file: string, data: string | Uint8Array, made: Set<string>): void {
  const abs = outputFilePath(root, file);
  const dir = path.dirname(abs);
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  // Synchronous on purpose: thousands of small files are written faster this way than through promises.
  writeFileSync(abs, data);
}

/**
 * Writes into a fresh folder beside the target and swaps it in only when the
 * build succeeded: a failed build leaves the last good output untouched, and
 * pages deleted from the source disappear without `--clean`.
 */
export class AtomicDirectory implements OutputSink {
  readonly target: string;
  readonly #staging: string;
  readonly #made = new Set<string>();
  /** Every file written, with its content hash (for the build cache). */
  readonly produced = new Map<string, string>();

  readonly direct: DirectWrites;

  constructor(target: string) {
    this.target = path.resolve(target);
    this.#staging = `${this.target}.tmp-${randomBytes(4).toString('hex')}`;
    this.direct = { folder: this.#staging, written: (file, hash) => this.produced.set(file, hash) };
  }

  /** The folder being filled, for steps that work on files (the search index). */
  get staging(): string {
    return this.#staging;
  }

  async write(file: string, data: string | Uint8Array): Promise<void> {
    this.produced.set(file, contentHash(data));
    writeOutputFile(this.#staging, file, data, this.#made);
  }

  async copy(file: string, from: string): Promise<void> {
    const { readFileSync } = await import('node:fs');
    await this.write(file, readFileSync(from));
  }

  async commit(): Promise<void> {
    await fs.mkdir(this.#staging, { recursive: true });
    const old = `${this.target}.old-${randomBytes(4).toString('hex')}`;
    const hadTarget = await fs
      .rename(this.target, old)
      .then(() => true)
      .catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return false;
        throw e;
      });
    await fs.rename(this.#staging, this.target);
    if (hadTarget) await fs.rm(old, { recursive: true, force: true });
  }

  async abort(): Promise<void> {
    await fs.rm(this.#staging, { recursive: true, force: true });
  }

}

/** Keeps nothing: for `strata check` and `--to=ndjson`. */
export class NullSink implements OutputSink {
  async write(): Promise<void> {}
  async copy(): Promise<void> {}
  async commit(): Promise<void> {}
  async abort(): Promise<void> {}
}

/** Keeps every file in memory, by output path: the dev server serves from it. */
export class MemorySink implements OutputSink {
  readonly files = new Map<string, Buffer>();

  async write(file: string, data: string | Uint8Array): Promise<void> {
    this.files.set(file, typeof data === 'string' ? Buffer.from(data) : Buffer.from(data));
  }

  async copy(file: string, from: string): Promise<void> {
    const { readFile } = await import('node:fs/promises');
    this.files.set(file, await readFile(from));
  }

  async commit(): Promise<void> {}
  async abort(): Promise<void> {}
}

/** What the build cache records of an output file: its content, and how to tell it was not touched since. */
export interface OutputFileRecord {
  hash: string;
  size: number;
  mtimeMs: number;
}

export function contentHash(data: string | Uint8Array): string {
  // One-shot: thousands of small documents, where a Hash object per call costs more than the hashing.
  return hash('sha1', data);
}

/**
 * Applies a build to an existing output in place, for warm builds: a file
 * whose content did not change is not written again (its bytes and times are
 * compared with what the last build recorded), changed files are written to a
 * staging folder and renamed into place only on `commit`, after the build
 * succeeded; files the build no longer makes are removed then. A failed build
 * leaves the output as it was, and nothing is rewritten that need not be.
 */
export class IncrementalDirectory implements OutputSink {
  readonly target: string;
  readonly #staging: string;
  readonly #made = new Set<string>();
  readonly #previous: ReadonlyMap<string, OutputFileRecord>;
  readonly #staged = new Set<string>();
  /** Every file of the new output, with its content hash. */
  readonly produced = new Map<string, string>();
  /** Folders (relative, ending in `/`) whose files other steps own (the search bundle): never removed here. */
  readonly #kept: readonly string[];

  readonly direct: DirectWrites;

  constructor(target: string, previous: ReadonlyMap<string, OutputFileRecord>, kept: readonly string[] = []) {
    this.target = path.resolve(target);
    this.#staging = `${this.target}.tmp-${randomBytes(4).toString('hex')}`;
    this.#previous = previous;
    this.#kept = kept;
    this.direct = { folder: this.#staging, written: (file, hash) => this.#written(file, hash) };
  }

  /** Whether the output still holds `file` as the last build left it. */
  intact(file: string): boolean {
    const record = this.#previous.get(file);
    if (!record) return false;
    // A name the manifest recorded, only stat'ed: joined without `outputFilePath`'s check.
    const stat = statSync(underRoot(this.target, file), { throwIfNoEntry: false });
    return stat !== undefined && stat.isFile() && stat.size === record.size && stat.mtimeMs === record.mtimeMs;
  }

  /** A file the build reuses as it is in the output (a page whose inputs did not change). */
  keep(file: string): void {
    this.produced.set(file, (this.#previous.get(file) as OutputFileRecord).hash);
  }

  async write(file: string, data: string | Uint8Array): Promise<void> {
    const hash = contentHash(data);
    this.produced.set(file, hash);
    if (this.#unchanged(file, hash)) return;
    writeOutputFile(this.#staging, file, data, this.#made);
    this.#staged.add(file);
  }

  /** A file already written to the staging folder: staged, or dropped when the output holds it already. */
  #written(file: string, hash: string): void {
    this.produced.set(file, hash);
    if (this.#unchanged(file, hash)) unlinkSync(outputFilePath(this.#staging, file));
    else this.#staged.add(file);
  }

  #unchanged(file: string, hash: string): boolean {
    return this.#previous.get(file)?.hash === hash && this.intact(file);
  }

  async copy(file: string, from: string): Promise<void> {
    const { readFile } = await import('node:fs/promises');
    await this.write(file, await readFile(from));
  }

  /** Whether this build rewrote `file`. */
  wrote(file: string): boolean {
    return this.#staged.has(file);
  }

  /** How many files this build writes (0: the output is already up to date). */
  get changes(): number {
    return this.#staged.size + [...this.#previous.keys()].filter((f) => !this.produced.has(f)).length;
  }

  async commit(): Promise<void> {
    for (const file of this.#staged) {
      const to = path.join(this.target, ...file.split('/'));
      mkdirSync(path.dirname(to), { recursive: true });
      renameSync(path.join(this.#staging, ...file.split('/')), to);
    }
    for (const file of this.#previous.keys()) {
      if (this.produced.has(file) || this.#kept.some((dir) => file.startsWith(dir))) continue;
      try {
        // A manifest names these files; a path that would leave the output is not followed.
        unlinkSync(outputFilePath(this.target, file));
        removeEmptyParents(this.target, file);
      } catch {
        // Already gone: what the build wants.
      }
    }
    await fs.rm(this.#staging, { recursive: true, force: true });
  }

  async abort(): Promise<void> {
    await fs.rm(this.#staging, { recursive: true, force: true });
  }
}

function removeEmptyParents(root: string, file: string): void {
  const parts = file.split('/');
  for (let i = parts.length - 1; i > 0; i--) {
    const dir = path.join(root, ...parts.slice(0, i));
    try {
      if (readdirSync(dir).length > 0) return;
      rmdirSync(dir);
    } catch {
      return;
    }
  }
}

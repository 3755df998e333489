import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, promises as fs, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where a build's files go: a folder swapped in on success, or nowhere (`check`, `--to=ndjson`). */
export interface OutputSink {
  write(file: string, data: string | Uint8Array): Promise<void>;
  copy(file: string, from: string): Promise<void>;
  /** Makes the output visible; after a failed build `abort` is called instead. */
  commit(): Promise<void>;
  abort(): Promise<void>;
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

  constructor(target: string) {
    this.target = path.resolve(target);
    this.#staging = `${this.target}.tmp-${randomBytes(4).toString('hex')}`;
  }

  /** The folder being filled, for steps that work on files (the search index). */
  get staging(): string {
    return this.#staging;
  }

  // Synchronous on purpose: thousands of small files are written faster this way than through promises.
  async write(file: string, data: string | Uint8Array): Promise<void> {
    writeFileSync(this.#prepare(file), data);
  }

  async copy(file: string, from: string): Promise<void> {
    copyFileSync(from, this.#prepare(file));
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

  #prepare(file: string): string {
    const abs = path.join(this.#staging, ...file.split('/'));
    if (!abs.startsWith(this.#staging + path.sep)) throw new Error(`refusing to write outside the output folder: ${file}`);
    const dir = path.dirname(abs);
    if (!this.#made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.#made.add(dir);
    }
    return abs;
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

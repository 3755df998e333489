/** A file system event, as the watcher reports it (absolute path). */
export interface FileEvent {
  kind: FileEventKind;
  path: string;
}

export type FileEventKind = 'add' | 'change' | 'unlink' | 'addDir' | 'unlinkDir';

export interface ChangeQueueOptions {
  /** Quiet time that ends a burst: events closer together than this are one change. */
  quietMs: number;
  /** A burst that never goes quiet (a long `git checkout`) is processed after this long anyway. */
  maxWaitMs: number;
  /** Handles one coalesced batch; the next batch waits until it settles. */
  process(batch: FileEvent[]): Promise<void>;
  onError(error: unknown): void;
}

/**
 * What two events on one path in one burst amount to. An editor's atomic save
 * (`unlink` + `add`) is a `change`; a temporary file that came and went
 * (`add` + `unlink`) is nothing; a folder removed at any point in the burst
 * stays removed, so the plan treats its contents as gone and reloads.
 */
export function mergeEvents(previous: FileEventKind | undefined, next: FileEventKind): FileEventKind | undefined {
  if (previous === undefined) return next;
  if (previous === 'unlinkDir' || next === 'unlinkDir') return 'unlinkDir';
  if (previous === 'addDir' || next === 'addDir') return 'addDir';
  if (previous === 'add') return next === 'unlink' ? undefined : 'add';
  if (previous === 'unlink') return next === 'unlink' ? 'unlink' : 'change';
  return next === 'unlink' ? 'unlink' : 'change';
}

/**
 * Coalesces bursts of file events (editor saves, `git checkout`) into batches,
 * one event per path, and processes batches one at a time: events that arrive
 * while a batch is processed make the next batch.
 */
export class ChangeQueue {
  readonly #options: ChangeQueueOptions;
  #pending = new Map<string, FileEventKind>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #burstStarted = 0;
  #running: Promise<void> | undefined;
  #closed = false;
  #idle: Array<() => void> = [];

  constructor(options: ChangeQueueOptions) {
    this.#options = options;
  }

  push(event: FileEvent): void {
    if (this.#closed) return;
    const merged = mergeEvents(this.#pending.get(event.path), event.kind);
    // Keep insertion order meaningful: a path that changes again moves to the end.
    this.#pending.delete(event.path);
    if (merged !== undefined) this.#pending.set(event.path, merged);
    if (this.#burstStarted === 0) this.#burstStarted = Date.now();
    this.#schedule();
  }

  /** Resolves once every event pushed so far has been processed. */
  idle(): Promise<void> {
    if (!this.#running && this.#burstStarted === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  close(): void {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#pending.clear();
    this.#burstStarted = 0;
    this.#settle();
  }

  #schedule(): void {
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#running) return; // flushed when the running batch settles
    const waited = Date.now() - this.#burstStarted;
    const delay = Math.max(0, Math.min(this.#options.quietMs, this.#options.maxWaitMs - waited));
    this.#timer = setTimeout(() => this.#flush(), delay);
  }

  #flush(): void {
    this.#timer = undefined;
    if (this.#closed) return;
    const batch = [...this.#pending].map(([path, kind]) => ({ path, kind }));
    this.#pending = new Map();
    this.#burstStarted = 0;
    if (batch.length === 0) {
      this.#settle();
      return;
    }
    this.#running = this.#options
      .process(batch)
      .catch((e: unknown) => this.#options.onError(e))
      .finally(() => {
        this.#running = undefined;
        if (this.#pending.size > 0 && !this.#closed) {
          if (this.#burstStarted === 0) this.#burstStarted = Date.now();
          this.#schedule();
        } else this.#settle();
      });
  }

  #settle(): void {
    if (this.#running || this.#burstStarted !== 0) return;
    const waiting = this.#idle;
    this.#idle = [];
    for (const resolve of waiting) resolve();
  }
}

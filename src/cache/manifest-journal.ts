import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';

/**
 * What one build changed in the cache manifest: entries set (a new value) or
 * gone (null). A one-page edit changes a handful of the manifest's ten
 * thousand entries; writing those alone, instead of the whole manifest, was
 * a tenth of such a rebuild.
 */
export interface ManifestDelta<S, P, F> {
  sources: Record<string, Record<string, S | null>>;
  pages: Record<string, P | null>;
  files: Record<string, F | null>;
}

/** A stored entry: the manifest it applies to (its checksum) and the change. */
interface StoredEntry<S, P, F> {
  base: string;
  delta: ManifestDelta<S, P, F>;
}

/** Each entry starts with a SHA-256 of its body (32 bytes) and the body's length (4). */
const HEADER = 32 + 4;

/**
 * The entries written since the manifest `base` (its checksum, hex) was
 * written whole, oldest first. `stale` when the journal was left by an
 * earlier manifest (a build stopped between writing a whole manifest and
 * removing the journal): those entries are history, not changes to apply.
 * Throws when an entry is damaged, as the manifest does.
 */
export function readJournal<S, P, F>(file: string, base: string): { deltas: Array<ManifestDelta<S, P, F>>; bytes: number; stale: boolean } {
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch {
    return { deltas: [], bytes: 0, stale: false };
  }
  const deltas: Array<ManifestDelta<S, P, F>> = [];
  // Each entry: a SHA-256 of its body, the body's length (4 bytes, little-endian), the body in V8's serialisation.
  for (let at = 0; at < raw.length; ) {
    if (raw.length - at < HEADER) throw new Error('the journal ends inside an entry');
    const length = raw.readUInt32LE(at + 32);
    const body = raw.subarray(at + HEADER, at + HEADER + length);
    if (body.length !== length) throw new Error('the journal ends inside an entry');
    if (!createHash('sha256').update(body).digest().equals(raw.subarray(at, at + 32))) throw new Error('a journal entry does not match its checksum');
    const entry = deserialize(body) as StoredEntry<S, P, F>;
    if (entry.base !== base) return { deltas: [], bytes: raw.length, stale: true };
    deltas.push(entry.delta);
    at += HEADER + length;
  }
  return { deltas, bytes: raw.length, stale: false };
}

/** One build's changes as the journal stores them. */
export function journalEntry<S, P, F>(base: string, delta: ManifestDelta<S, P, F>): Buffer {
  const body = serialize({ base, delta } satisfies StoredEntry<S, P, F>);
  const header = Buffer.alloc(HEADER);
  createHash('sha256').update(body).digest().copy(header);
  header.writeUInt32LE(body.length, 32);
  return Buffer.concat([header, body]);
}

export function appendJournal(file: string, entry: Buffer): void {
  const fd = openSync(file, 'a');
  try {
    writeSync(fd, entry);
  } finally {
    closeSync(fd);
  }
}

/** `delta` applied to a manifest's tables, in place. */
export function applyDelta<S, P, F>(tables: { sources: Record<string, Record<string, S>>; pages: Record<string, P>; files: Record<string, F> }, delta: ManifestDelta<S, P, F>): void {
  for (const [version, changes] of Object.entries(delta.sources)) apply((tables.sources[version] ??= {}), changes);
  apply(tables.pages, delta.pages);
  apply(tables.files, delta.files);
}

function apply<T>(table: Record<string, T>, changes: Record<string, T | null>): void {
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete table[key];
    else table[key] = value;
  }
}

/**
 * What changed from `before` to `after`. Entries a build took over from the
 * last manifest are the same objects, so comparing references finds what it
 * made anew without looking inside.
 */
export function diffTables<S, P, F>(
  before: { sources: Record<string, Record<string, S>>; pages: Record<string, P>; files: Record<string, F> },
  after: { sources: Record<string, Record<string, S>>; pages: Record<string, P>; files: Record<string, F> },
): { delta: ManifestDelta<S, P, F>; changes: number } {
  let changes = 0;
  const diff = <T>(a: Record<string, T>, b: Record<string, T>): Record<string, T | null> => {
    const out: Record<string, T | null> = {};
    for (const key of Object.keys(b)) if (a[key] !== b[key]) out[key] = b[key] as T;
    for (const key of Object.keys(a)) if (!Object.hasOwn(b, key)) out[key] = null;
    changes += Object.keys(out).length;
    return out;
  };
  const sources: ManifestDelta<S, P, F>['sources'] = {};
  for (const version of new Set([...Object.keys(before.sources), ...Object.keys(after.sources)])) {
    const changed = diff(before.sources[version] ?? {}, after.sources[version] ?? {});
    if (Object.keys(changed).length > 0) sources[version] = changed;
  }
  return { delta: { sources, pages: diff(before.pages, after.pages), files: diff(before.files, after.files) }, changes };
}

import { createHash, hash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import path from 'node:path';
import type { PageRecord } from '../content/page.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { OutputFileRecord } from '../build/output.js';
import { underRoot } from '../util/native-path.js';
import type { PageLink } from '../transforms/links.js';
import { errorMessage } from '../util/error-text.js';
import { appendJournal, applyDelta, diffTables, journalEntry, readJournal } from './manifest-journal.js';

/** Where the cache lives, in the site's folder. */
export const CACHE_DIR = '.strata-cache';
export const MANIFEST = 'manifest.bin';
/** What builds changed since the manifest was written whole (`manifest-journal.ts`). */
const JOURNAL = 'manifest.journal';
const FORMAT = 5;
/** The journal grows to a quarter of the manifest; the build after that writes the manifest whole again. */
const JOURNAL_SHARE = 0.25;

/** What a page's render left that later stages need, when the page is not rendered again. */
export interface PageMeta {
  ids: string[];
  links: PageLink[];
  diagnostics: Diagnostic[];
  features: string[];
  /** Tree paths the page read (readfile targets) and their fingerprints then (null: the file was not there). */
  dependencies: Array<[string, string | null]>;
}

export interface CachedPage {
  key: string;
  /** Each document's output path, and the key of the inputs it was laid out from. */
  documents: Array<[string, string]>;
  meta: PageMeta;
}

export interface CachedSource {
  fingerprint: string;
  contentHash: string;
  /** The page record as discovery made it, without its text. */
  record: PageRecord;
}

interface Manifest {
  format: number;
  engine: string;
  outDir: string;
  sources: Record<string, Record<string, CachedSource>>;
  pages: Record<string, CachedPage>;
  files: Record<string, OutputFileRecord>;
}

/**
 * The manifest as stored: plain data as JSON, which V8 reads two to three
 * times faster than its own serialisation. Only page records whose front
 * matter JSON would not give back as it was (YAML and TOML dates, binary)
 * stay in V8's form, in `sources`.
 */
interface StoredManifest {
  format: number;
  engine: string;
  outDir: string;
  sources: Manifest['sources'];
  /** `StoredData` as JSON. */
  json: string;
}

/**
 * Most pages of a version read the same few included files: each
 * `[file, fingerprint]` is stored once, and pages name theirs by index (a
 * third of the JSON otherwise).
 */
interface StoredData {
  sources: Manifest['sources'];
  dependencies: Array<PageMeta['dependencies'][number]>;
  pages: Record<string, StoredPage>;
  files: Array<[string, OutputFileRecord]>;
}

type StoredPage = Omit<CachedPage, 'meta'> & { meta: Omit<PageMeta, 'dependencies'> & { dependencies: number[] } };

/** The manifest as it was read: its checksum (what journal entries name) and the journal behind it. */
interface ReadState {
  base: string;
  baseBytes: number;
  journalBytes: number;
  /** The journal belongs to an earlier manifest: the next save writes the manifest whole. */
  stale: boolean;
}

/**
 * The persistent build cache (`.strata-cache/`): what the last successful
 * build read and wrote, by content keys. A page whose source, included files,
 * version (page list, titles), config, theme and Strata itself are unchanged
 * is neither read, rendered nor written again. The manifest and each entry of
 * its journal carry their own checksum: a damaged or foreign cache is ignored
 * (and replaced), never trusted.
 */
export class BuildCache {
  readonly #dir: string;
  readonly #outDir: string;
  readonly #previous: Manifest | undefined;
  readonly #read: ReadState | undefined;
  readonly #next: Manifest;
  /** Why the cache on disk was not used, when it was there. */
  readonly problem: string | undefined;

  private constructor(dir: string, engine: string, outDir: string, previous: { manifest: Manifest; read: ReadState } | undefined, problem: string | undefined) {
    this.#dir = dir;
    this.#outDir = outDir;
    this.#previous = previous?.manifest;
    this.#read = previous?.read;
    this.problem = problem;
    this.#next = { format: FORMAT, engine, outDir, sources: {}, pages: {}, files: {} };
  }

  static open(siteDir: string, engine: string, outDir: string): BuildCache {
    const dir = path.join(siteDir, CACHE_DIR);
    const file = path.join(dir, MANIFEST);
    if (!existsSync(file)) return new BuildCache(dir, engine, outDir, undefined, undefined);
    let problem: string | undefined;
    let previous: { manifest: Manifest; read: ReadState } | undefined;
    try {
      // A SHA-256 of the rest, then the manifest in V8's serialisation (`StoredManifest`: most of it a JSON string).
      const raw = readFileSync(file);
      const body = raw.subarray(32);
      if (raw.length < 32 || !createHash('sha256').update(body).digest().equals(raw.subarray(0, 32))) problem = 'its checksum does not match (damaged or edited)';
      else {
        const stored = deserialize(body) as StoredManifest;
        // Config, theme, Strata (its cache format too) or the output folder changed: the build starts over, quietly.
        if (stored.format === FORMAT && stored.engine === engine && stored.outDir === outDir) {
          const manifest: Manifest = { format: stored.format, engine, outDir, ...loaded(JSON.parse(stored.json) as StoredData, stored.sources) };
          const base = raw.subarray(0, 32).toString('hex');
          const journal = readJournal<CachedSource, CachedPage, OutputFileRecord>(path.join(dir, JOURNAL), base);
          for (const delta of journal.deltas) applyDelta(manifest, delta);
          previous = { manifest, read: { base, baseBytes: raw.length, journalBytes: journal.bytes, stale: journal.stale } };
        }
      }
    } catch (e) {
      problem = `it cannot be read (${errorMessage(e)})`;
    }
    return new BuildCache(dir, engine, outDir, previous, problem);
  }

  /** A page record from the last build, when the file's fingerprint is unchanged. */
  source(version: string, source: string, fingerprint: string | undefined): CachedSource | undefined {
    const cached = this.#previous?.sources[version]?.[source];
    return cached && fingerprint !== undefined && cached.fingerprint === fingerprint ? cached : undefined;
  }

  rememberSource(version: string, source: string, cached: CachedSource, read: boolean): void {
    if (read) this.readSources = true;
    (this.#next.sources[version] ??= {})[source] = cached;
  }

  /** The hash of a page discovery read without hashing it, from its renderer (`DiscoveryCache.hashes`). */
  hashSource(version: string, source: string, contentHash: string): void {
    const cached = this.#next.sources[version]?.[source];
    if (cached) cached.contentHash = contentHash;
  }

  /** Whether discovery read any page file (a new or changed source). */
  readSources = false;

  page(version: string, url: string): CachedPage | undefined {
    return this.#previous?.pages[`${version}\0${url}`];
  }

  rememberPage(version: string, url: string, page: CachedPage): void {
    this.#next.pages[`${version}\0${url}`] = page;
  }

  /** The output files of the last build, for an incremental write. */
  get files(): ReadonlyMap<string, OutputFileRecord> {
    return new Map(Object.entries(this.#previous?.files ?? {}));
  }

  /** Whether there was a usable cache (a warm build). */
  get warm(): boolean {
    return this.#previous !== undefined;
  }

  /**
   * Records the output as it is now on disk (only `written` files are looked
   * at again; the others kept what the last build recorded), then writes what
   * changed to the journal, or the manifest whole and atomically when there
   * was none to build on or the journal has grown.
   */
  save(produced: ReadonlyMap<string, string>, written: (file: string) => boolean): void {
    const before = this.#previous?.files ?? {};
    for (const [file, hash] of produced) {
      const known = before[file];
      if (known && known.hash === hash && !written(file)) {
        this.#next.files[file] = known;
        continue;
      }
      const stat = statSync(underRoot(this.#outDir, file), { throwIfNoEntry: false });
      if (stat?.isFile()) this.#next.files[file] = { hash, size: stat.size, mtimeMs: stat.mtimeMs };
    }
    mkdirSync(this.#dir, { recursive: true });
    if (this.#previous && this.#read && !this.#read.stale) {
      const { delta, changes } = diffTables(this.#previous, this.#next);
      if (changes === 0) return;
      const entry = journalEntry(this.#read.base, delta);
      if (this.#read.journalBytes + entry.length <= this.#read.baseBytes * JOURNAL_SHARE) {
        appendJournal(path.join(this.#dir, JOURNAL), entry);
        return;
      }
    }
    const { format, engine, outDir } = this.#next;
    const { data, v8Sources } = stored(this.#next);
    const body = serialize({ format, engine, outDir, sources: v8Sources, json: JSON.stringify(data) } satisfies StoredManifest);
    const tmp = path.join(this.#dir, `${MANIFEST}.tmp-${process.pid}`);
    writeFileSync(tmp, Buffer.concat([createHash('sha256').update(body).digest(), body]));
    renameSync(tmp, path.join(this.#dir, MANIFEST));
    // Its entries name the manifest just replaced: left behind (a build stopped here), they are read as stale.
    rmSync(path.join(this.#dir, JOURNAL), { force: true });
  }
}

function stored({ sources, pages, files }: Manifest): { data: StoredData; v8Sources: Manifest['sources'] } {
  const jsonSources: Manifest['sources'] = {};
  const v8Sources: Manifest['sources'] = {};
  for (const [version, records] of Object.entries(sources)) {
    for (const [source, cached] of Object.entries(records)) ((survivesJson(cached) ? jsonSources : v8Sources)[version] ??= {})[source] = cached;
  }
  const dependencies: StoredData['dependencies'] = [];
  const index = new Map<string, number>();
  const indexOf = (dependency: PageMeta['dependencies'][number]): number => {
    const key = JSON.stringify(dependency);
    let i = index.get(key);
    if (i === undefined) index.set(key, (i = dependencies.push(dependency) - 1));
    return i;
  };
  const storedPages: StoredData['pages'] = {};
  for (const [key, page] of Object.entries(pages)) storedPages[key] = { ...page, meta: { ...page.meta, dependencies: page.meta.dependencies.map(indexOf) } };
  return { data: { sources: jsonSources, dependencies, pages: storedPages, files: Object.entries(files) }, v8Sources };
}

function loaded({ sources, dependencies, pages, files }: StoredData, v8Sources: Manifest['sources']): Pick<Manifest, 'sources' | 'pages' | 'files'> {
  for (const [version, records] of Object.entries(v8Sources)) Object.assign((sources[version] ??= {}), records);
  // In place: one object per page less to make (the manifest is read on every build). An index out of
  // range (the checksum rules it out) names a fingerprint no file has, so the page would be rendered again.
  for (const page of Object.values(pages)) {
    const meta = page.meta as Omit<PageMeta, 'dependencies'> & { dependencies: unknown[] };
    meta.dependencies = page.meta.dependencies.map((i) => dependencies[i] ?? ['', '\0unknown']);
  }
  return { sources, pages: pages as unknown as Manifest['pages'], files: Object.fromEntries(files) };
}

/**
 * Whether JSON gives `value` back as it is: plain objects, arrays, strings,
 * finite numbers, booleans and null (a property that is undefined comes back
 * missing, which reads the same).
 */
function survivesJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every((item) => item !== undefined && survivesJson(item));
  if (typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && Object.values(value).every((item) => item === undefined || survivesJson(item));
}

export function sha256(text: string): string {
  return hash('sha256', text);
}

/** A key over values: stable JSON, hashed. */
export function keyOf(...parts: unknown[]): string {
  return sha256(JSON.stringify(parts, (_, value: unknown) => (typeof value === 'function' ? String(value) : value instanceof Map ? [...value] : value instanceof Set ? [...value] : value)));
}

import { createHash, hash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import path from 'node:path';
import type { PageRecord } from '../content/page.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { OutputFileRecord } from '../build/output.js';
import type { PageLink } from '../transforms/links.js';
import { errorMessage } from '../util/error-text.js';

/** Where the cache lives, in the site's folder. */
export const CACHE_DIR = '.strata-cache';
const MANIFEST = 'manifest.bin';
const FORMAT = 3;

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
  /** Output path → key of the inputs its document was laid out from. */
  documents: Record<string, string>;
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
 * The manifest as stored. Page records keep their front matter as parsed
 * (dates and all), which only V8's serialisation brings back as it was; the
 * rest is plain data, and as JSON it reads three times faster than through
 * V8 (which builds a new object shape for each of thousands of objects keyed
 * by output path).
 */
interface StoredManifest {
  format: number;
  engine: string;
  outDir: string;
  sources: Manifest['sources'];
  /** `StoredPages` as JSON. */
  json: string;
}

/**
 * Pages and output files as stored. Most pages of a version read the same
 * few included files: each `[file, fingerprint]` is stored once, and pages
 * name theirs by index (a third of the manifest's JSON otherwise).
 */
interface StoredPages {
  dependencies: Array<PageMeta['dependencies'][number]>;
  pages: Record<string, Omit<CachedPage, 'meta'> & { meta: Omit<PageMeta, 'dependencies'> & { dependencies: number[] } }>;
  files: Array<[string, OutputFileRecord]>;
}

/**
 * The persistent build cache (`.strata-cache/`): what the last successful
 * build read and wrote, by content keys. A page whose source, included files,
 * version (page list, titles), config, theme and Strata itself are unchanged
 * is neither read, rendered nor written again. The manifest carries its own
 * checksum: a damaged or foreign cache is ignored (and replaced), never trusted.
 */
export class BuildCache {
  readonly #dir: string;
  readonly #outDir: string;
  readonly #previous: Manifest | undefined;
  readonly #next: Manifest;
  /** Why the cache on disk was not used, when it was there. */
  readonly problem: string | undefined;

  private constructor(dir: string, engine: string, outDir: string, previous: Manifest | undefined, problem: string | undefined) {
    this.#dir = dir;
    this.#outDir = outDir;
    this.#previous = previous;
    this.problem = problem;
    this.#next = { format: FORMAT, engine, outDir, sources: {}, pages: {}, files: {} };
  }

  static open(siteDir: string, engine: string, outDir: string): BuildCache {
    const dir = path.join(siteDir, CACHE_DIR);
    const file = path.join(dir, MANIFEST);
    if (!existsSync(file)) return new BuildCache(dir, engine, outDir, undefined, undefined);
    let problem: string | undefined;
    let manifest: Manifest | undefined;
    try {
      // A SHA-256 of the rest, then the manifest in V8's serialisation (much faster than JSON at this size).
      const raw = readFileSync(file);
      const body = raw.subarray(32);
      if (raw.length < 32 || !createHash('sha256').update(body).digest().equals(raw.subarray(0, 32))) problem = 'its checksum does not match (damaged or edited)';
      else {
        const stored = deserialize(body) as StoredManifest;
        // Config, theme, Strata (its cache format too) or the output folder changed: the build starts over, quietly.
        if (stored.format === FORMAT && stored.engine === engine && stored.outDir === outDir) {
          manifest = { format: stored.format, engine, outDir, sources: stored.sources, ...loadedPages(JSON.parse(stored.json) as StoredPages) };
        }
      }
    } catch (e) {
      problem = `it cannot be read (${errorMessage(e)})`;
    }
    return new BuildCache(dir, engine, outDir, manifest, problem);
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
   * at again; the others kept what the last build recorded), then writes the
   * manifest atomically.
   */
  save(produced: ReadonlyMap<string, string>, written: (file: string) => boolean): void {
    const before = this.#previous?.files ?? {};
    for (const [file, hash] of produced) {
      const known = before[file];
      if (known && known.hash === hash && !written(file)) {
        this.#next.files[file] = known;
        continue;
      }
      const stat = statSync(path.join(this.#outDir, ...file.split('/')), { throwIfNoEntry: false });
      if (stat?.isFile()) this.#next.files[file] = { hash, size: stat.size, mtimeMs: stat.mtimeMs };
    }
    mkdirSync(this.#dir, { recursive: true });
    const { format, engine, outDir, sources, pages, files } = this.#next;
    const stored: StoredManifest = { format, engine, outDir, sources, json: JSON.stringify(storedPages(pages, files)) };
    const body = serialize(stored);
    const tmp = path.join(this.#dir, `${MANIFEST}.tmp-${process.pid}`);
    writeFileSync(tmp, Buffer.concat([createHash('sha256').update(body).digest(), body]));
    renameSync(tmp, path.join(this.#dir, MANIFEST));
  }
}

function storedPages(pages: Manifest['pages'], files: Manifest['files']): StoredPages {
  const dependencies: StoredPages['dependencies'] = [];
  const index = new Map<string, number>();
  const indexOf = (dependency: PageMeta['dependencies'][number]): number => {
    const key = `${dependency[0]}\0${dependency[1] ?? ''}\0${dependency[1] === null ? 0 : 1}`;
    let i = index.get(key);
    if (i === undefined) index.set(key, (i = dependencies.push(dependency) - 1));
    return i;
  };
  const stored: StoredPages['pages'] = {};
  for (const [key, page] of Object.entries(pages)) stored[key] = { ...page, meta: { ...page.meta, dependencies: page.meta.dependencies.map(indexOf) } };
  return { dependencies, pages: stored, files: Object.entries(files) };
}

function loadedPages({ dependencies, pages, files }: StoredPages): Pick<Manifest, 'pages' | 'files'> {
  const loaded: Manifest['pages'] = {};
  for (const [key, page] of Object.entries(pages)) loaded[key] = { ...page, meta: { ...page.meta, dependencies: page.meta.dependencies.map((i) => dependencies[i] ?? ['', null]) } };
  return { pages: loaded, files: Object.fromEntries(files) };
}

export function sha256(text: string): string {
  return hash('sha256', text);
}

/** A key over values: stable JSON, hashed. */
export function keyOf(...parts: unknown[]): string {
  return sha256(JSON.stringify(parts, (_, value: unknown) => (typeof value === 'function' ? String(value) : value instanceof Map ? [...value] : value instanceof Set ? [...value] : value)));
}

import type { DiscoveryCache } from '../content/discover.js';
import type { PageRecord } from '../content/page.js';
import type { PreparedVersion } from '../build/prepare-version.js';
import type { PageResult } from '../build/render-task.js';
import { versionFolders } from '../build/page-document.js';
import { hash } from 'node:crypto';
import { keyOf, type BuildCache, type PageMeta } from './build-cache.js';

/** Keys of strings that are keys already (hex) or plain names: joined and hashed, no JSON on this hot path. */
function join(...parts: readonly string[]): string {
  return hash('sha1', parts.join('\0'));
}

/** What a reused page gives the rest of the build, and the documents it keeps in the output. */
export interface Reused {
  meta: PageMeta;
  documents: string[];
}

/**
 * Decides, page by page, what the build cache spares: a page is reused when
 * its render key (source, version, config, theme, Strata) and the key of each
 * of its documents (the render, the versions, the theme's assets, its
 * last-updated date) are those of the last build, the files it read have the
 * same fingerprints, and its documents are in the output as the last build
 * left them.
 */
export class PageReuse {
  readonly #cache: BuildCache;
  readonly #versions: readonly PreparedVersion[];
  readonly #base: string;
  readonly #versionKeys: string[];
  readonly #siteKey: string;
  readonly #lastModified: ReadonlyMap<string, string>;
  readonly #intact: (file: string) => boolean;
  /** Fingerprints of included files, looked up once per build (many pages read the same version files). */
  readonly #fingerprints = new Map<string, string | undefined>();
  reused = 0;
  rendered = 0;

  constructor(cache: BuildCache, versions: readonly PreparedVersion[], inputs: { engine: string; theme: string; assets: ReadonlyMap<string, string>; lastModified: ReadonlyMap<string, string>; intact: (file: string) => boolean }) {
    this.#cache = cache;
    this.#versions = versions;
    this.#base = keyOf(inputs.engine, inputs.theme);
    this.#versionKeys = versions.map(versionKey);
    this.#siteKey = keyOf(this.#versionKeys, [...inputs.assets].sort());
    this.#lastModified = inputs.lastModified;
    this.#intact = inputs.intact;
  }

  /** The page's last render, when nothing it depends on changed; undefined means: render it. */
  reuse(version: number, page: number): Reused | undefined {
    const prepared = this.#versions[version] as PreparedVersion;
    const record = prepared.pages[page] as PageRecord;
    const key = this.#renderKey(version, record);
    const cached = this.#cache.page(prepared.version.name, record.url);
    if (!key || !cached || cached.key !== key) return undefined;
    if (cached.meta.dependencies.some(([file, fingerprint]) => (this.#fingerprint(version, file) ?? null) !== fingerprint)) return undefined;
    const documents = this.#documentKeys(version, record, key);
    if (cached.documents.length !== documents.length) return undefined;
    for (const [i, [file, documentKey]] of documents.entries()) {
      const [cachedFile, cachedKey] = cached.documents[i] as [string, string];
      if (cachedFile !== file || cachedKey !== documentKey || !this.#intact(file)) return undefined;
    }
    this.#cache.rememberPage(prepared.version.name, record.url, cached);
    this.reused++;
    return { meta: cached.meta, documents: documents.map(([file]) => file) };
  }

  /** Records a fresh render for the next build. */
  remember(result: PageResult): void {
    const prepared = this.#versions[result.version] as PreparedVersion;
    const record = prepared.pages[result.page] as PageRecord;
    // A page discovery read in part (a cold cache) is hashed by its renderer.
    if (record.contentHash === undefined && result.contentHash !== undefined) {
      record.contentHash = result.contentHash;
      this.#cache.hashSource(prepared.version.name, record.source, result.contentHash);
    }
    const key = this.#renderKey(result.version, record);
    this.rendered++;
    if (!key) return;
    this.#cache.rememberPage(prepared.version.name, record.url, {
      key,
      documents: this.#documentKeys(result.version, record, key),
      meta: {
        ids: result.ids,
        links: result.links,
        diagnostics: result.diagnostics,
        features: result.features,
        dependencies: result.dependencies.map((file) => [file, this.#fingerprint(result.version, file) ?? null]),
      },
    });
  }

  #fingerprint(version: number, file: string): string | undefined {
    const key = `${version}\0${file}`;
    if (!this.#fingerprints.has(key)) this.#fingerprints.set(key, (this.#versions[version] as PreparedVersion).version.tree.fingerprint(file));
    return this.#fingerprints.get(key);
  }

  #renderKey(version: number, record: PageRecord): string | undefined {
    if (record.contentHash === undefined) return undefined;
    return join(this.#base, this.#versionKeys[version] as string, record.source, record.contentHash);
  }

  #documentKeys(version: number, record: PageRecord, key: string): Array<[string, string]> {
    const lastModified = this.#lastModified.get(record.file) ?? '';
    return versionFolders(this.#versions[version] as PreparedVersion).map((folder) => [`${folder}${record.url}index.html`, join(key, this.#siteKey, folder, lastModified)]);
  }
}

/**
 * What every page of a version may depend on besides its own source: the
 * page list with titles, weights, descriptions and aliases (nav, links,
 * `children`), the version's files and data.
 */
function versionKey(prepared: PreparedVersion): string {
  const { version } = prepared;
  return keyOf(
    [version.name, version.label, version.status, version.latest, version.kind],
    // Front matter, not bodies: one page's text never changes another page.
    prepared.pages.map((p) => [p.source, p.url, p.kind, p.parent, p.title, p.linkTitle, p.weight, p.description, p.draft, p.hidden, p.aliases, p.frontMatter.params]),
    prepared.files,
    prepared.data,
  );
}

/** Discovery through the cache, for one version. */
export function discoveryCache(cache: BuildCache, version: string): DiscoveryCache {
  return {
    hashes: cache.warm,
    lookup(source, fingerprint) {
      const hit = cache.source(version, source, fingerprint);
      if (!hit) return undefined;
      cache.rememberSource(version, source, hit, false);
      return { ...hit.record, text: '', contentHash: hit.contentHash };
    },
    remember(source, fingerprint, record) {
      // Neither the text nor its head is kept: a page the cache spares is read whole if it is rendered.
      const { text: _, head: _head, ...rest } = record;
      cache.rememberSource(version, source, { fingerprint, contentHash: record.contentHash ?? '', record: { ...rest, text: '' } }, true);
    },
  };
}

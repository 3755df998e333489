import type { StrataConfig } from '../config/schema.js';
import { prepareVersion, type PreparedVersion } from '../build/prepare-version.js';
import { readPage } from '../content/discover.js';
import type { PageRecord } from '../content/page.js';
import { formatDiagnostic } from '../diagnostics/format.js';
import { rules } from '../diagnostics/rules.js';
import type { SourceTree } from '../versions/source-tree.js';
import type { DevContext } from './context.js';
import type { VersionPlan } from './plan-change.js';
import { invalidate } from './render-entry.js';
import { newEntry, uniquePages, type DevSite, type PageEntry, type VersionState } from './site-state.js';

/** What applying one version's changes did. */
export interface VersionOutcome {
  /** Pages whose inputs changed (they render again). */
  stale: Set<PageEntry>;
  /** Pages that link to a file that changed: their browsers reload although the page is the same. */
  linkers: Set<PageEntry>;
  /** Whether the version's pages and files were discovered again (a page or file added, removed or renamed). */
  rediscovered: boolean;
}

/** Diagnostics that a file or page appearing may resolve. */
const MISSING_TARGET: ReadonlySet<string> = new Set([rules.linkMissingPage, rules.readfileMissing]);

/**
 * Applies the changes in one version's tree with the least work: a page
 * whose text changed but whose place in the site did not (URL, title, weight,
 * aliases…) is re-read and marked stale, alone; files read by `readfile` mark
 * the pages that read them; anything that adds, removes or moves a page or a
 * file discovers the version again (re-reading only the changed files) and
 * marks the pages linking to what moved, and those with a missing target.
 */
export async function applyVersionChanges(ctx: DevContext, site: DevSite, version: VersionState, changes: VersionPlan): Promise<VersionOutcome> {
  const { config } = site.loaded;
  const tree = version.prepared.version.tree;
  const outcome: VersionOutcome = { stale: new Set(), linkers: new Set(), rediscovered: false };
  const bySource = new Map([...version.entries.values()].map((entry) => [entry.record.source, entry]));
  const fresh = new Map<string, PageRecord>();
  let rediscover = false;

  for (const [source, kind] of changes.pages) {
    if (kind !== 'change') {
      rediscover = true;
      continue;
    }
    const record = await readPage(tree, source, config.contentDir);
    const entry = bySource.get(source);
    if (record) fresh.set(source, record);
    if (!record || !entry || !sameShape(entry.record, record) || (record.draft && !site.drafts)) rediscover = true;
  }

  let readerStale = false;
  const movedFiles = new Set<string>();
  for (const [file, kind] of changes.files) {
    readerStale = true;
    for (const url of version.files.dependents(file)) addEntry(outcome.stale, version, url);
    const url = outputUrl(file, config);
    if (url === undefined) continue;
    if (kind === 'change') for (const linker of version.links.dependents(url)) addEntry(outcome.linkers, version, linker);
    else {
      rediscover = true;
      movedFiles.add(url);
    }
  }

  if (rediscover) {
    await rediscoverVersion(ctx, site, version, changes, fresh, movedFiles, outcome.stale);
    outcome.rediscovered = true;
  } else {
    for (const [source, record] of fresh) {
      const entry = bySource.get(source) as PageEntry;
      // One save can come as two events (the file truncated, then written): the second brings the text
      // the page already has, and nothing to render or report again.
      if (record.text === entry.record.text) continue;
      entry.record = record;
      outcome.stale.add(entry);
    }
    if (readerStale) version.env = site.envFor(version.prepared);
  }
  for (const entry of outcome.stale) invalidate(site, entry);
  return outcome;
}

async function rediscoverVersion(
  ctx: DevContext,
  site: DevSite,
  version: VersionState,
  changes: VersionPlan,
  fresh: ReadonlyMap<string, PageRecord>,
  touched: Set<string>,
  stale: Set<PageEntry>,
): Promise<void> {
  const { config } = site.loaded;
  const before = version.prepared;
  const original = before.version;
  // Pages known in memory are not read again: only the files this batch changed.
  const seeds = new Map<string, string>();
  for (const entry of version.entries.values()) if (decodedCleanly(entry.record)) seeds.set(entry.record.source, entry.record.text);
  for (const [source, record] of fresh) {
    if (decodedCleanly(record)) seeds.set(source, record.text);
    else seeds.delete(source);
  }
  const changed = new Set([...changes.pages.keys(), ...changes.files.keys()].filter((file) => !fresh.has(file)));
  const next = await prepareVersion({ ...original, tree: new SeededTree(original.tree, seeds, changed) }, config, site.drafts);
  const prepared: PreparedVersion = { ...next, version: original };

  const entries = new Map<string, PageEntry>();
  for (const record of uniquePages(prepared)) {
    const old = version.entries.get(record.url);
    if (old && old.record.source === record.source) {
      if (!sameShape(old.record, record)) touched.add(record.url);
      if (old.record.text !== record.text) stale.add(old);
      old.record = record;
      entries.set(record.url, old);
    } else {
      const entry = newEntry(version.name, record);
      entries.set(record.url, entry);
      site.stale.add(entry);
      touched.add(record.url);
    }
  }
  for (const [url, old] of version.entries) {
    if (entries.get(url) === old) continue;
    touched.add(url);
    stale.delete(old);
    site.retire(version, old);
  }
  // Links to what appeared, went or moved resolve differently now.
  for (const url of touched) for (const dependent of version.links.dependents(url)) addEntry(stale, { entries }, dependent);
  if (touched.size > 0) for (const entry of entries.values()) if (entry.facts?.diagnostics.some((d) => MISSING_TARGET.has(d.ruleId))) stale.add(entry);

  version.prepared = prepared;
  version.entries = entries;
  version.env = site.envFor(prepared);
  version.outputs.clear();
  version.layoutGeneration++;
  // The switcher and canonical links of every other version read this version's page list.
  if (switcherKey(before) !== switcherKey(prepared)) for (const other of site.versions.values()) if (other !== version) other.layoutGeneration++;
  const known = new Set(before.diagnostics.map(formatDiagnostic));
  ctx.terminal.diagnostics(
    prepared.diagnostics.filter((d) => !known.has(formatDiagnostic(d))),
    site.versions.size > 1 ? version.name : undefined,
  );
}

/**
 * Whether a page keeps its place in the site: same URL, same entry in the
 * navigation, same aliases. When it does, a change to it touches it alone.
 */
export function sameShape(a: PageRecord, b: PageRecord): boolean {
  return (
    a.url === b.url &&
    a.kind === b.kind &&
    a.parent === b.parent &&
    a.title === b.title &&
    a.linkTitle === b.linkTitle &&
    a.weight === b.weight &&
    a.description === b.description &&
    a.draft === b.draft &&
    a.hidden === b.hidden &&
    a.aliases.join('\n') === b.aliases.join('\n')
  );
}

/** The URL a version file is published at (`static/x/y.png` → `/x/y.png`), if it is published. */
function outputUrl(file: string, config: StrataConfig): string | undefined {
  for (const dir of [config.staticDir, config.contentDir]) if (file.startsWith(`${dir}/`)) return `/${file.slice(dir.length + 1)}`;
  return undefined;
}

function addEntry(set: Set<PageEntry>, version: { entries: ReadonlyMap<string, PageEntry> }, url: string): void {
  const entry = version.entries.get(url);
  if (entry) set.add(entry);
}

function decodedCleanly(record: PageRecord): boolean {
  return !record.diagnostics.some((d) => d.ruleId === rules.contentEncoding);
}

function switcherKey(prepared: PreparedVersion): string {
  return `${[...prepared.switcher.pages].sort().join('\n')}\n\n${[...prepared.switcher.aliases].map(([a, b]) => `${a} ${b}`).sort().join('\n')}`;
}

/**
 * A version's tree that answers reads of pages already in memory from their
 * text, so discovering a version again after one page was added costs a
 * folder listing and front matter parsing, not reading every page.
 */
class SeededTree implements SourceTree {
  readonly #inner: SourceTree;
  readonly #seeds: ReadonlyMap<string, string>;
  readonly #changed: ReadonlySet<string>;

  constructor(inner: SourceTree, seeds: ReadonlyMap<string, string>, changed: ReadonlySet<string>) {
    this.#inner = inner;
    this.#seeds = seeds;
    this.#changed = changed;
  }

  get displayPrefix(): string {
    return this.#inner.displayPrefix;
  }

  list(dir: string): Promise<string[]> {
    return this.#inner.list(dir);
  }

  async read(path: string): Promise<Buffer | undefined> {
    const text = this.#changed.has(path) ? undefined : this.#seeds.get(path);
    return text === undefined ? this.#inner.read(path) : Buffer.from(text);
  }

  kind(path: string): Promise<'file' | 'directory' | 'outside' | undefined> {
    return this.#inner.kind(path);
  }

  mtime(path: string): Promise<number | undefined> {
    return this.#inner.mtime(path);
  }

  fingerprint(path: string): string | undefined {
    return this.#inner.fingerprint(path);
  }
}

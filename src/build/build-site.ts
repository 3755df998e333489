import path from 'node:path';
import { CONFIG_FILES, loadConfig } from '../config/load.js';
import { gitLastModified } from '../content/last-modified.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { rules } from '../diagnostics/rules.js';
import { SitePublisher } from '../publish/site-publisher.js';
import { indexDirectory, SEARCH_BUNDLE } from '../search/search-index.js';
import { VERSIONS_DIR } from '../versions/resolve-versions.js';
import type { BuildProgress } from './build-progress.js';
import { renderAll } from './build-version.js';
import { loadSite, siteLayoutInfo, type LoadedSite } from './load-site.js';
import { existsSync } from 'node:fs';
import { BuildCache, CACHE_DIR, keyOf } from '../cache/build-cache.js';
import { filesBelow, filesKey, fingerprints, strataKey } from '../cache/keys.js';
import { emptySnapshot } from '../util/input-snapshot.js';
import { inputStamp, stampable, writeStamp, type WalkedInputs } from '../cache/build-stamp.js';
import type { VersionConfig } from '../config/schema.js';
import { discoveryCache, PageReuse } from '../cache/page-reuse.js';
import { HUGO_CONFIG_FILES } from '../config/hugo-config.js';
import { unsafeOutDir } from './out-dir.js';
import { AtomicDirectory, IncrementalDirectory, NullSink, type OutputSink } from './output.js';
import { LATEST_FOLDER } from './page-document.js';
import { createRenderPool, type RenderPool } from './render-pool.js';

export type { BuildProgress } from './build-progress.js';

export interface BuildOptions {
  siteDir: string;
  /** Overrides the config's `outDir`. */
  outDir?: string;
  /** A config file to use instead of the site's own (`docs.toml`); relative to `siteDir`. */
  configFile?: string;
  /** Overrides the config's `baseUrl`. */
  baseUrl?: string;
  /** `files` writes the site; `none` builds it in memory and checks it (`strata check`); `ndjson` hands each page body to `onPage`. */
  output: 'files' | 'none' | 'ndjson';
  onPage?: (page: PageLine) => void;
  drafts?: boolean;
  /**
   * Build only this version (`--version`): its folders, the assets and 404.html,
   * for `strata merge`. Every version is still discovered, so the switcher and
   * the checks know them all.
   */
  version?: string;
  /** Report errors as warnings and write the output anyway (`--warn-only`), for sites migrating to Strata. */
  warnOnly?: boolean;
  onProgress?: (event: BuildProgress) => void;
  /** Render threads; 0 renders on the main thread. Default: one per core for large sites. */
  threads?: number;
  /** Parse markdown block by block through a cache (default). Only tests turn it off, to compare. */
  blockCache?: boolean;
  /** Use and update the build cache in `.strata-cache/`. The CLI turns it on unless `--no-cache`. */
  cache?: boolean;
}

/** One line of `strata build --to=ndjson`. */
export interface PageLine {
  version: string;
  url: string;
  source: string;
  title: string;
  html: string;
}

export interface BuildSummary {
  outDir: string;
  versions: Array<{ name: string; pages: number; latest: boolean; ms: number; errors: number; warnings: number }>;
  pages: number;
  ms: number;
  diagnostics: Diagnostic[];
  /** Whether the output was written (no errors, `files` mode). */
  written: boolean;
  /** Render threads used (0: the main thread). */
  threads: number;
  /** Pages the build cache spared, and pages rendered. */
  cache: { reused: number; rendered: number; files: number } | undefined;
}

/**
 * The one place that knows the order of the stages: config → versions →
 * discover → render → check → layout → publish files → check the output →
 * write. Every problem becomes a diagnostic; the output is swapped in only
 * when there are no errors.
 */
export async function buildSite(options: BuildOptions, walked?: WalkedInputs): Promise<BuildSummary> {
  const started = performance.now();
  const timings = stageTimer();
  const siteDir = path.resolve(options.siteDir);
  const configFiles = configFileCandidates(siteDir, options);
  const configBefore = stampable(options) ? fingerprints(configFiles) : '';
  const loadedConfig = await loadConfig(siteDir, options.configFile);
  const outDir = path.resolve(siteDir, options.outDir ?? loadedConfig.config.outDir);
  const engine = options.cache === true && options.output === 'files' ? engineKey(siteDir, configFiles, options) : '';
  // Everything the build reads, taken before it reads it (the config aside, checked unchanged since it was read),
  // or as the stamp check took it just before. The walk's stats then spare discovery and the cache a second stat of each file.
  const taken = stampable(options) ? takeInputStamp(siteDir, options, outDir, loadedConfig.config.versions, walked) : undefined;
  const stamp = taken && { input: taken.input, roots: taken.roots, refs: taken.refs };
  const seen = taken?.seen ?? emptySnapshot();
  if (stamp && fingerprints(configFiles) !== configBefore) stamp.input = undefined;
  // The build cache serves full builds that write files (not `--version`, `--warn-only`, checks or ndjson).
  const cache =
    options.cache === true && options.output === 'files' && options.version === undefined && !options.warnOnly
      ? BuildCache.open(siteDir, engine, outDir)
      : undefined;
  const { site, diagnostics } = await loadSite({
    siteDir,
    ...(options.configFile === undefined ? {} : { configFile: options.configFile }),
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    drafts: options.drafts ?? false,
    config: loadedConfig,
    seen,
    ...(cache ? { discoveryCache: (version: string) => discoveryCache(cache, version) } : {}),
    // Pages are rendered from a second read (a thread's, or the main thread's when the site is small).
    headsOnly: true,
  });
  if (cache?.problem) diagnostics.push({ severity: 'warning', ruleId: rules.cacheIgnored, message: `the build cache in ${CACHE_DIR}/ was ignored: ${cache.problem}; it is rebuilt`, file: `${CACHE_DIR}/` });
  if (site && options.blockCache === false) site.config.markdown = { ...site.config.markdown, blockCache: false };
  const summary: BuildSummary = { outDir, versions: [], pages: 0, ms: 0, diagnostics, written: false, threads: 0, cache: undefined };
  const finish = () => {
    summary.ms = performance.now() - started;
    return summary;
  };
  timings.mark('load');
  if (!site) return finish();
  const refused = options.output === 'files' ? refuseOutDir(site, outDir, options.outDir === undefined) : undefined;
  if (refused) {
    diagnostics.push(refused);
    site.close();
    return finish();
  }
  const only = options.version === undefined ? undefined : site.versions.findIndex((v) => v.version.name === options.version);
  if (only === -1) {
    const names = site.versions.map((v) => v.version.name).join(', ');
    diagnostics.push({ severity: 'error', ruleId: rules.versionInvalid, message: `--version ${options.version}: the site has no such version (it has ${names})` });
    site.close();
    return finish();
  }
  const built = only === undefined ? site.versions : [site.versions[only] as (typeof site.versions)[number]];

  const layOut = options.output !== 'ndjson';
  const publisher = new SitePublisher(site, { siteDir, outDir, ...(only === undefined ? {} : { only: built[0] as (typeof built)[number] }) });
  // "Last updated" dates: one `git log` for the whole site, running while the theme's assets are written.
  const lastModified = layOut ? gitLastModified(siteDir, { pathspecs: [site.config.contentDir, VERSIONS_DIR] }) : undefined;
  // A warm build changes the output in place; otherwise a new output is swapped in whole.
  const incremental = cache?.warm && existsSync(outDir) ? new IncrementalDirectory(outDir, cache.files, [`${SEARCH_BUNDLE}/`]) : undefined;
  const atomic = options.output === 'files' && !incremental ? new AtomicDirectory(outDir) : undefined;
  const directory = incremental ?? atomic;
  const output: OutputSink = directory ?? new NullSink();
  const sink = layOut ? publisher.wrap(output) : output;
  let pool: RenderPool | undefined;
  let closing: Promise<void> | undefined;
  try {
    const layout = await siteLayoutInfo(site, sink);
    layout.lastModified = await lastModified;
    timings.mark('assets and git dates');
    pool = createRenderPool(site, layout, {
      ...(options.threads === undefined ? {} : { threads: options.threads }),
      ...(options.configFile === undefined ? {} : { configFile: options.configFile }),
      ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    });
    const progress = trackProgress(site.versions, built, options.onProgress);
    const reuse = cache
      ? new PageReuse(cache, site.versions, {
          engine,
          theme: themeKey(site),
          assets: layout.assets,
          lastModified: layout.lastModified ?? new Map(),
          intact: (file) => incremental?.intact(file) ?? false,
        })
      : undefined;
    const bodies: PageLine[] = [];
    const outcomes = await renderAll({
      site: layout,
      versions: site.versions,
      ...(only === undefined ? {} : { build: new Set([only]) }),
      pool,
      // Documents come scanned from their thread: they skip the publisher's own scan.
      sink: output,
      write: layOut,
      bodies: options.output === 'ndjson',
      onDocument: (file, scan) => publisher.addScanned(file, scan),
      ...(reuse ? { reuse } : {}),
      onKept: (file) => {
        incremental?.keep(file);
        publisher.addKept(file);
      },
      onResult: (r) => {
        progress.page(r.version);
        if (r.body === undefined) return;
        const prepared = site.versions[r.version] as (typeof site.versions)[number];
        const page = prepared.pages[r.page];
        if (page) bodies.push({ version: prepared.version.name, url: page.url, source: page.file, title: page.title, html: r.body });
      },
      versionSink: sink,
    });
    summary.threads = pool.threads;
    // The threads go now, not after the checks: their heaps and the main thread's last work made the build's peak.
    closing = pool.close();
    pool = undefined;
    timings.mark(`render and write pages (${summary.threads} threads)`);
    // Threads finish pages in any order; lines come out in version, then page order.
    const rank = new Map(site.versions.map((v, i) => [v.version.name, i]));
    bodies.sort((a, b) => (rank.get(a.version) ?? 0) - (rank.get(b.version) ?? 0) || a.source.localeCompare(b.source));
    for (const line of bodies) options.onPage?.(line);

    for (const prepared of built) {
      const i = site.versions.indexOf(prepared);
      const outcome = outcomes[i] as (typeof outcomes)[number];
      const name = prepared.version.name;
      diagnostics.push(...[...outcome.diagnostics, ...publisher.versionChecks(prepared)].map((d) => ({ ...d, version: name })));
      if (layOut) for (const file of await publisher.versionFiles(prepared)) await sink.write(file.path, file.data);
      summary.versions.push({ name, pages: outcome.pages, latest: prepared.version.latest, ms: progress.ms(i), errors: 0, warnings: 0 });
      summary.pages += outcome.pages;
    }
    if (options.output === 'files') diagnostics.push(...(await site.features.write(new Set(outcomes.flatMap((o) => [...o.features])), sink)));
    if (layOut) {
      for (const file of publisher.siteFiles(layout)) await sink.write(file.path, file.data);
      timings.mark('version and site files');
      diagnostics.push(...publisher.finish(diagnostics));
      timings.mark('output check');
    }
    if (options.warnOnly) {
      for (const [i, d] of diagnostics.entries()) if (d.severity === 'error') diagnostics[i] = { ...d, severity: 'warning' };
    }
    // The search index, from the written pages in path order (as `strata merge` does, so both give the same index).
    // Each version is indexed under its own folder; `latest/` repeats the latest one.
    // A version built alone (`--version`) is indexed when `strata merge` puts the site together.
    const searchable = site.config.search && only === undefined && !hasErrors(diagnostics);
    const indexSearch = async (dir: string) => diagnostics.push(...(await indexDirectory(dir, { exclude: (file) => file.startsWith(`${LATEST_FOLDER}/`) })).diagnostics);
    if (atomic && searchable) await indexSearch(atomic.staging);
    timings.mark('search index');
    if (hasErrors(diagnostics)) await output.abort();
    else {
      await output.commit();
      timings.mark('swap in');
      // In place: pages changed, so the index is made again from the whole output (Pagefind cannot patch one).
      if (incremental && searchable && (incremental.changes > 0 || !existsSync(path.join(outDir, SEARCH_BUNDLE)))) await indexSearch(outDir);
      timings.mark('search index (in place)');
      // Nothing rendered, read or written: the manifest on disk already says all there is to say.
      const unchanged = incremental && incremental.changes === 0 && reuse?.rendered === 0 && !cache?.readSources;
      if (cache && directory && !hasErrors(diagnostics) && !unchanged) cache.save(directory.produced, (file) => incremental?.wrote(file) ?? true);
      summary.cache = reuse ? { reused: reuse.reused, rendered: reuse.rendered, files: incremental?.changes ?? directory?.produced.size ?? 0 } : undefined;
      summary.written = options.output === 'files';
    }
  } catch (e) {
    await output.abort();
    throw e;
  } finally {
    await (closing ?? pool?.close());
    site.close();
  }
  for (const row of summary.versions) {
    for (const d of diagnostics) if (d.version === row.name) row[d.severity === 'error' ? 'errors' : 'warnings']++;
  }
  timings.print();
  // With one version, naming it on every message adds nothing.
  if (site.versions.length === 1) for (const [i, d] of diagnostics.entries()) diagnostics[i] = withoutVersion(d);
  finish();
  if (stamp && summary.written) writeStamp(siteDir, stamp.input, stamp.roots, stamp.refs, summary);
  return summary;
}

/**
 * Progress per version while pages come back from the threads (all versions
 * of a page at once), and the time each version took to finish.
 */
function trackProgress(all: readonly { pages: readonly unknown[]; version: { name: string } }[], built: readonly unknown[], onProgress: ((event: BuildProgress) => void) | undefined) {
  const started = performance.now();
  const done = all.map(() => 0);
  const finished = all.map(() => 0);
  all.forEach((v) => {
    if (built.includes(v)) onProgress?.({ type: 'version-start', version: v.version.name, pages: v.pages.length });
  });
  return {
    page(i: number) {
      const v = all[i] as (typeof all)[number];
      done[i] = (done[i] as number) + 1;
      onProgress?.({ type: 'pages', version: v.version.name, done: done[i] as number, pages: v.pages.length });
      if (done[i] === v.pages.length) {
        finished[i] = performance.now() - started;
        onProgress?.({ type: 'version-done', version: v.version.name, pages: v.pages.length, ms: finished[i] as number });
      }
    },
    ms: (i: number) => (finished[i] as number) || performance.now() - started,
  };
}

/** `STRATA_TIMINGS=1` prints how long each stage took (stderr), for profiling builds. */
function stageTimer() {
  const on = process.env.STRATA_TIMINGS === '1';
  const rows: Array<[string, number, number]> = [];
  let last = performance.now();
  let cpu = process.cpuUsage();
  return {
    mark(stage: string) {
      if (!on) return;
      const now = performance.now();
      const used = process.cpuUsage(cpu);
      rows.push([stage, now - last, (used.user + used.system) / 1000]);
      last = now;
      cpu = process.cpuUsage();
    },
    print() {
      if (!on) return;
      for (const [stage, wall, main] of rows) process.stderr.write(`${stage.padEnd(40)} ${String(Math.round(wall)).padStart(7)} ms wall ${String(Math.round(main)).padStart(7)} ms main-thread CPU\n`);
    },
  };
}

/** The files a site's config may be read from. */
function configFileCandidates(siteDir: string, options: BuildOptions): string[] {
  const names = [...CONFIG_FILES, ...HUGO_CONFIG_FILES, ...(options.configFile ? [options.configFile] : [])];
  return names.map((f) => path.resolve(siteDir, f));
}

/** What every cached render depends on and discovery can know: Strata, the config file, the build's options. */
function engineKey(siteDir: string, configFiles: readonly string[], options: BuildOptions): string {
  return keyOf(strataKey(), filesKey(configFiles.filter((f) => existsSync(f))), options.baseUrl ?? null, options.drafts ?? false, options.blockCache ?? true);
}

/** The input stamp, with the folders and git refs it covers (versions kept outside the site, versions from git). */
function takeInputStamp(siteDir: string, options: BuildOptions, outDir: string, versions: readonly VersionConfig[], walked: WalkedInputs | undefined) {
  const inside = (dir: string) => dir === siteDir || dir.startsWith(siteDir + path.sep);
  const roots = versions.flatMap((v) => (v.path === undefined || inside(path.resolve(siteDir, v.path)) ? [] : [path.resolve(siteDir, v.path)]));
  const refs = versions.flatMap((v) => (v.ref === undefined ? [] : [v.ref]));
  // The stamp check's walk serves when it covered the same folders, refs and output (the config kept them).
  if (walked && walked.outDir === outDir && sameList(walked.roots, roots) && sameList(walked.refs, refs)) return { ...walked, roots, refs };
  const seen = emptySnapshot();
  return { input: inputStamp(siteDir, options, outDir, roots, refs, seen), roots, refs, seen };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** The theme's files and the shortcode modules: layouts and assets, site and theme shortcodes. */
function themeKey(site: LoadedSite): string {
  return filesKey([...site.theme.files, ...filesBelow([path.join(site.theme.dir, 'shortcodes'), path.join(site.siteDir, 'shortcodes')])]);
}

/** An output folder whose swap-in would destroy the site's sources, the site, or files that are not an earlier output. */
function refuseOutDir(site: LoadedSite, outDir: string, fromConfig: boolean): Diagnostic | undefined {
  const { siteDir, config } = site;
  const named = (dir: string) => ({ dir: path.resolve(siteDir, dir), name: `${dir}/` });
  const sources = [config.contentDir, config.staticDir, VERSIONS_DIR, 'themes', 'layouts', 'shortcodes', 'data', '.git', 'node_modules'].map(named);
  for (const prepared of site.versions) {
    const origin = prepared.version.origin;
    if (origin.kind === 'folder') sources.push({ dir: origin.path, name: `the folder of version ${prepared.version.name}` });
  }
  const reason = unsafeOutDir(outDir, { sources, homes: [{ dir: siteDir, name: 'the site folder' }] });
  if (!reason) return undefined;
  const rel = path.relative(siteDir, outDir);
  const shown = rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? outDir : `${rel.split(path.sep).join('/')}/`;
  return {
    severity: 'error',
    ruleId: rules.outputUnsafe,
    message: `refusing to write the output to \`${shown}\`: ${reason}`,
    ...(fromConfig && site.configFile ? { file: site.configFile } : {}),
  };
}

function withoutVersion(d: Diagnostic): Diagnostic {
  const { version: _, ...rest } = d;
  return rest;
}

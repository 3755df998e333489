import path from 'node:path';
import { loadConfig } from '../config/load.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { renderAll } from './build-version.js';
import { createRenderPool, type RenderPool } from './render-pool.js';
import { loadSite, siteLayoutInfo } from './load-site.js';
import { AtomicDirectory, NullSink, type OutputSink } from './output.js';
import { gitLastModified } from '../content/last-modified.js';
import { SearchIndexSink } from '../search/search-index.js';
import { VERSIONS_DIR } from '../versions/resolve-versions.js';
import { LATEST_FOLDER } from './page-document.js';
import { rootFiles } from './site-files.js';

export interface BuildOptions {
  siteDir: string;
  /** Overrides the config's `outDir`. */
  outDir?: string;
  /** A config file to use instead of the site's own (`docs.toml`); relative to `siteDir`. */
  configFile?: string;
  /** Overrides the config's `baseUrl`. */
  baseUrl?: string;
  /** `files` writes the site; `none` only checks; `ndjson` hands each page body to `onPage`. */
  output: 'files' | 'none' | 'ndjson';
  onPage?: (page: PageLine) => void;
  drafts?: boolean;
  /** Render threads; 0 renders on the main thread. Default: one per core for large sites. */
  threads?: number;
  /** Parse markdown block by block through a cache (default). Only tests turn it off, to compare. */
  blockCache?: boolean;
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
  versions: Array<{ name: string; pages: number; latest: boolean }>;
  pages: number;
  ms: number;
  diagnostics: Diagnostic[];
  /** Whether the output was written (no errors, `files` mode). */
  written: boolean;
  /** Render threads used (0: the main thread). */
  threads: number;
}

/**
 * The one place that knows the order of the stages: config → versions →
 * discover → render → check → layout → write. Every problem becomes a
 * diagnostic; the output is swapped in only when there are no errors.
 */
export async function buildSite(options: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const siteDir = path.resolve(options.siteDir);
  const { site, diagnostics } = await loadSite({
    siteDir,
    ...(options.configFile === undefined ? {} : { configFile: options.configFile }),
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    drafts: options.drafts ?? false,
  });
  if (site && options.blockCache === false) site.config.markdown = { ...site.config.markdown, blockCache: false };
  const config = site?.config ?? (await loadConfig(siteDir, options.configFile)).config;
  const outDir = path.resolve(siteDir, options.outDir ?? config.outDir);
  const summary: BuildSummary = { outDir, versions: [], pages: 0, ms: 0, diagnostics, written: false, threads: 0 };
  const finish = () => {
    summary.ms = performance.now() - started;
    return summary;
  };
  if (!site) return finish();

  // "Last updated" dates: one `git log` for the whole site, running while the theme's assets are written.
  const lastModified = options.output === 'files' ? gitLastModified(siteDir, { pathspecs: [site.config.contentDir, VERSIONS_DIR] }) : undefined;
  // Each version is indexed under its own folder; `latest/` repeats the latest one.
  const search = options.output === 'files' ? new SearchIndexSink(new AtomicDirectory(outDir), { exclude: (file) => file.startsWith(`${LATEST_FOLDER}/`) }) : undefined;
  const sink: OutputSink = search ?? new NullSink();
  let pool: RenderPool | undefined;
  try {
    const layout = await siteLayoutInfo(site, sink);
    layout.lastModified = await lastModified;
    pool = createRenderPool(site, layout, {
      ...(options.threads === undefined ? {} : { threads: options.threads }),
      ...(options.configFile === undefined ? {} : { configFile: options.configFile }),
      ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    });
    const bodies: PageLine[] = [];
    const outcomes = await renderAll({
      site: layout,
      versions: site.versions,
      pool,
      sink,
      write: options.output === 'files',
      bodies: options.output === 'ndjson',
      onResult: (r) => {
        if (r.body === undefined) return;
        const prepared = site.versions[r.version] as (typeof site.versions)[number];
        const page = prepared.pages[r.page];
        if (page) bodies.push({ version: prepared.version.name, url: page.url, source: page.file, title: page.title, html: r.body });
      },
    });
    // Threads finish pages in any order; lines come out in version, then page order.
    const rank = new Map(site.versions.map((v, i) => [v.version.name, i]));
    bodies.sort((a, b) => (rank.get(a.version) ?? 0) - (rank.get(b.version) ?? 0) || a.source.localeCompare(b.source));
    for (const line of bodies) options.onPage?.(line);
    const several = site.versions.length > 1;
    site.versions.forEach((prepared, i) => {
      const outcome = outcomes[i] as (typeof outcomes)[number];
      diagnostics.push(...outcome.diagnostics.map((d) => (several ? { ...d, version: prepared.version.name } : d)));
      summary.versions.push({ name: prepared.version.name, pages: outcome.pages, latest: prepared.version.latest });
      summary.pages += outcome.pages;
    });
    if (options.output === 'files') diagnostics.push(...(await site.features.write(new Set(outcomes.flatMap((o) => [...o.features])), sink)));
    summary.threads = pool.threads;
    if (search && !hasErrors(diagnostics)) diagnostics.push(...(await search.finish()).diagnostics);
    if (hasErrors(diagnostics)) await sink.abort();
    else {
      for (const file of rootFiles(site.versions)) await sink.write(file.path, file.data);
      await sink.commit();
      summary.written = options.output === 'files';
    }
  } catch (e) {
    await sink.abort();
    throw e;
  } finally {
    await pool?.close();
    site.close();
  }
  return finish();
}

import path from 'node:path';
import { loadConfig } from '../config/load.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { buildVersion } from './build-version.js';
import { loadSite, siteLayoutInfo } from './load-site.js';
import { AtomicDirectory, NullSink, type OutputSink } from './output.js';
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
  const config = site?.config ?? (await loadConfig(siteDir, options.configFile)).config;
  const outDir = path.resolve(siteDir, options.outDir ?? config.outDir);
  const summary: BuildSummary = { outDir, versions: [], pages: 0, ms: 0, diagnostics, written: false };
  const finish = () => {
    summary.ms = performance.now() - started;
    return summary;
  };
  if (!site) return finish();

  const sink: OutputSink = options.output === 'files' ? new AtomicDirectory(outDir) : new NullSink();
  try {
    const layout = await siteLayoutInfo(site, sink);
    const several = site.versions.length > 1;
    for (const version of site.versions) {
      const built = await buildVersion(version, {
        config: site.config,
        registry: site.registry,
        site: layout,
        all: site.versions,
        sink,
        write: options.output === 'files',
        onPage: options.output === 'ndjson' ? (r, html) => options.onPage?.({ version: version.version.name, url: r.page.url, source: r.page.file, title: r.page.title, html }) : undefined,
      });
      diagnostics.push(...built.diagnostics.map((d) => (several ? { ...d, version: version.version.name } : d)));
      summary.versions.push({ name: version.version.name, pages: built.pages, latest: version.version.latest });
      summary.pages += built.pages;
      if (options.output === 'files') diagnostics.push(...(await site.features.write(built.features, sink)));
    }
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
    site.close();
  }
  return finish();
}

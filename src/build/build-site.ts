import path from 'node:path';
import { loadConfig } from '../config/load.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { rules } from '../diagnostics/rules.js';
import { SitePublisher } from '../publish/site-publisher.js';
import { countingSink, type BuildProgress } from './build-progress.js';
import { buildVersion } from './build-version.js';
import { loadSite, siteLayoutInfo } from './load-site.js';
import { AtomicDirectory, NullSink, type OutputSink } from './output.js';
import { versionFolders } from './page-document.js';

export type { BuildProgress } from './build-progress.js';

export interface BuildOptions {
  siteDir: string;
  /** Overrides the config's `outDir`. */
  outDir?: string;
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
}

/**
 * The one place that knows the order of the stages: config → versions →
 * discover → render → check → layout → publish files → check the output →
 * write. Every problem becomes a diagnostic; the output is swapped in only
 * when there are no errors.
 */
export async function buildSite(options: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const siteDir = path.resolve(options.siteDir);
  const { site, diagnostics } = await loadSite({ siteDir, ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }), drafts: options.drafts ?? false });
  const config = site?.config ?? (await loadConfig(siteDir)).config;
  const outDir = path.resolve(siteDir, options.outDir ?? config.outDir);
  const summary: BuildSummary = { outDir, versions: [], pages: 0, ms: 0, diagnostics, written: false };
  const finish = () => {
    summary.ms = performance.now() - started;
    return summary;
  };
  if (!site) return finish();
  const only = options.version === undefined ? undefined : site.versions.find((v) => v.version.name === options.version);
  if (options.version !== undefined && !only) {
    const names = site.versions.map((v) => v.version.name).join(', ');
    diagnostics.push({ severity: 'error', ruleId: rules.versionInvalid, message: `--version ${options.version}: the site has no such version (it has ${names})` });
    site.close();
    return finish();
  }

  const built = only ? [only] : site.versions;
  const layOut = options.output !== 'ndjson';
  const publisher = new SitePublisher(site, { siteDir, outDir, ...(only ? { only } : {}) });
  const output: OutputSink = options.output === 'files' ? new AtomicDirectory(outDir) : new NullSink();
  const sink = layOut ? publisher.wrap(output) : output;
  try {
    const layout = await siteLayoutInfo(site, sink);
    for (const version of built) {
      const name = version.version.name;
      const versionStarted = performance.now();
      const progress = options.onProgress;
      progress?.({ type: 'version-start', version: name, pages: version.pages.length });
      const result = await buildVersion(version, {
        config: site.config,
        site: layout,
        all: site.versions,
        sink: progress ? countingSink(sink, versionFolders(version), version.pages.length, (done) => progress({ type: 'pages', version: name, done, pages: version.pages.length })) : sink,
        write: layOut,
        onPage: options.output === 'ndjson' ? (r, html) => options.onPage?.({ version: name, url: r.page.url, source: r.page.file, title: r.page.title, html }) : undefined,
      });
      diagnostics.push(...[...result.diagnostics, ...publisher.versionChecks(version)].map((d) => ({ ...d, version: name })));
      if (layOut) for (const file of await publisher.versionFiles(version)) await sink.write(file.path, file.data);
      const ms = performance.now() - versionStarted;
      summary.versions.push({ name, pages: result.pages, latest: version.version.latest, ms, errors: 0, warnings: 0 });
      summary.pages += result.pages;
      progress?.({ type: 'version-done', version: name, pages: result.pages, ms });
    }
    if (layOut) {
      for (const file of publisher.siteFiles(layout)) await sink.write(file.path, file.data);
      diagnostics.push(...publisher.finish(diagnostics));
    }
    if (options.warnOnly) {
      for (const [i, d] of diagnostics.entries()) if (d.severity === 'error') diagnostics[i] = { ...d, severity: 'warning' };
    }
    if (hasErrors(diagnostics)) await output.abort();
    else {
      await output.commit();
      summary.written = options.output === 'files';
    }
  } catch (e) {
    await output.abort();
    throw e;
  } finally {
    site.close();
  }
  for (const row of summary.versions) {
    for (const d of diagnostics) if (d.version === row.name) row[d.severity === 'error' ? 'errors' : 'warnings']++;
  }
  // With one version, naming it on every message adds nothing.
  if (site.versions.length === 1) for (const [i, d] of diagnostics.entries()) diagnostics[i] = withoutVersion(d);
  return finish();
}

function withoutVersion(d: Diagnostic): Diagnostic {
  const { version: _, ...rest } = d;
  return rest;
}

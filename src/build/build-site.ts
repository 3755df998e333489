import path from 'node:path';
import { loadConfig } from '../config/load.js';
import type { StrataConfig } from '../config/schema.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadTheme, type Theme } from '../theme/load-theme.js';
import { GitTree } from '../versions/git-tree.js';
import { resolveVersions } from '../versions/resolve-versions.js';
import { buildVersion, LATEST_FOLDER } from './build-version.js';
import type { SiteLayoutInfo } from './layout-page.js';
import { AtomicDirectory, NullSink, type OutputSink } from './output.js';
import { prepareVersion, type PreparedVersion } from './prepare-version.js';
import { writeAssets } from './site-assets.js';
import { redirectPage, versionsJson } from './site-files.js';

export interface BuildOptions {
  siteDir: string;
  /** Overrides the config's `outDir`. */
  outDir?: string;
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
  const { config, file: configFile, diagnostics } = await loadConfig(siteDir);
  if (options.baseUrl !== undefined) config.baseUrl = options.baseUrl;
  const outDir = path.resolve(siteDir, options.outDir ?? config.outDir);
  const summary: BuildSummary = { outDir, versions: [], pages: 0, ms: 0, diagnostics, written: false };
  const finish = () => {
    summary.ms = performance.now() - started;
    return summary;
  };
  if (hasErrors(diagnostics)) return finish();

  const { theme, diagnostics: themeDiagnostics } = await loadTheme(siteDir, config.theme);
  diagnostics.push(...themeDiagnostics);
  const { versions, diagnostics: versionDiagnostics } = await resolveVersions(siteDir, config, configFile);
  diagnostics.push(...versionDiagnostics);
  if (!theme || hasErrors(diagnostics)) return finish();

  const sink: OutputSink = options.output === 'files' ? new AtomicDirectory(outDir) : new NullSink();
  try {
    const prepared = await Promise.all(versions.map((version) => prepareVersion(version, config, options.drafts ?? false)));
    const site = await siteLayoutInfo(config, theme, sink);
    const several = versions.length > 1;
    for (const version of prepared) {
      const built = await buildVersion(version, {
        config,
        site,
        all: prepared,
        sink,
        write: options.output === 'files',
        onPage: options.output === 'ndjson' ? (r, html) => options.onPage?.({ version: version.version.name, url: r.page.url, source: r.page.file, title: r.page.title, html }) : undefined,
      });
      diagnostics.push(...built.diagnostics.map((d) => (several ? { ...d, version: version.version.name } : d)));
      summary.versions.push({ name: version.version.name, pages: built.pages, latest: version.version.latest });
      summary.pages += built.pages;
    }
    if (hasErrors(diagnostics)) await sink.abort();
    else {
      await writeSiteFiles(prepared, sink);
      await sink.commit();
      summary.written = options.output === 'files';
    }
  } catch (e) {
    await sink.abort();
    throw e;
  } finally {
    for (const version of versions) if (version.tree instanceof GitTree) version.tree.close();
  }
  return finish();
}

/** Files at the root of the output: where readers land, and what the switcher reads at runtime. */
async function writeSiteFiles(prepared: readonly PreparedVersion[], sink: OutputSink): Promise<void> {
  const latest = prepared.find((p) => p.version.latest);
  await sink.write('index.html', redirectPage(latest ? `${LATEST_FOLDER}/` : `${prepared[0]?.version.name ?? ''}/`));
  await sink.write('versions.json', versionsJson(prepared));
}

async function siteLayoutInfo(config: StrataConfig, theme: Theme, sink: OutputSink): Promise<SiteLayoutInfo> {
  const assets = await writeAssets(theme, sink);
  const base = config.baseUrl.endsWith('/') ? config.baseUrl : `${config.baseUrl}/`;
  return {
    title: config.title,
    description: config.description,
    editUrl: config.editUrl,
    assets,
    theme,
    urlOf: (outputPath) => base + outputPath.replace(/^\//, ''),
  };
}

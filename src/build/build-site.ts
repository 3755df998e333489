import { createHash } from 'node:crypto';
import path from 'node:path';
import { loadConfig } from '../config/load.js';
import type { StrataConfig } from '../config/schema.js';
import { discoverPages } from '../content/discover.js';
import { gitLastModified } from '../content/last-modified.js';
import type { PageRecord } from '../content/page.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { checkAnchors } from '../links/check-anchors.js';
import { PageIndex } from '../links/page-index.js';
import { createMarkdownRenderer } from '../markdown/processor.js';
import { buildNavTree, readingOrder } from '../nav/nav-tree.js';
import { SearchIndexSink } from '../search/search-index.js';
import { builtinShortcodes, ShortcodeRegistry } from '../shortcodes/registry.js';
import { loadTheme, type Theme } from '../theme/load-theme.js';
import { createCodeHighlighter, type CodeHighlighter } from '../transforms/highlight-code.js';
import { FsTree } from '../versions/fs-tree.js';
import type { SourceTree } from '../versions/source-tree.js';
import { createFileReader } from './file-reader.js';
import { layoutPage, type SiteLayoutInfo, type VersionLayoutInfo } from './layout-page.js';
import { AtomicDirectory, NullSink, type OutputSink } from './output.js';
import { renderPage, type RenderedPage, type VersionEnv } from './render-page.js';

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
  versions: Array<{ name: string; pages: number }>;
  pages: number;
  ms: number;
  diagnostics: Diagnostic[];
  /** Whether the output was written (no errors, `files` mode). */
  written: boolean;
}

/** A version ready to build: its name and where its files are. */
export interface VersionSource {
  name: string;
  label: string;
  status: 'maintained' | 'unmaintained' | 'prerelease';
  tree: SourceTree;
}

/**
 * The one place that knows the order of the stages: config → versions →
 * discover → render → check → layout → write. Every problem becomes a
 * diagnostic; the output is swapped in only when there are no errors.
 */
export async function buildSite(options: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const siteDir = path.resolve(options.siteDir);
  const { config, diagnostics } = await loadConfig(siteDir);
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
  if (!theme || hasErrors(diagnostics)) return finish();

  const versions: VersionSource[] = [
    { name: config.version.name, label: config.version.label ?? config.version.name, status: config.version.status ?? 'maintained', tree: new FsTree(siteDir, '') },
  ];
  // "Last updated" dates: one `git log` for the whole site, running while the theme's assets are written.
  const lastModified = options.output === 'files' ? gitLastModified(siteDir, { pathspecs: [config.contentDir, 'versions'] }) : undefined;
  const sink: OutputSink = options.output === 'files' ? new SearchIndexSink(new AtomicDirectory(outDir)) : new NullSink();
  try {
    const site = await siteLayoutInfo(config, theme, sink);
    site.lastModified = await lastModified;
    const highlighter = createCodeHighlighter();
    for (const version of versions) {
      const built = await buildVersion(version, config, site, sink, options, highlighter);
      diagnostics.push(...built.diagnostics.map((d) => (versions.length > 1 ? { ...d, version: version.name } : d)));
      summary.versions.push({ name: version.name, pages: built.pages });
      summary.pages += built.pages;
    }
    const latest = versions[0] as VersionSource;
    await sink.write('index.html', redirectPage(`${latest.name}/`));
    if (sink instanceof SearchIndexSink && !hasErrors(diagnostics)) diagnostics.push(...(await sink.finish()).diagnostics);
    if (hasErrors(diagnostics)) await sink.abort();
    else {
      await sink.commit();
      summary.written = options.output === 'files';
    }
  } catch (e) {
    await sink.abort();
    throw e;
  }
  return finish();
}

async function buildVersion(
  version: VersionSource,
  config: StrataConfig,
  site: SiteLayoutInfo,
  sink: OutputSink,
  options: BuildOptions,
  highlighter: CodeHighlighter,
): Promise<{ pages: number; diagnostics: Diagnostic[] }> {
  const { tree } = version;
  const discovery = await discoverPages(tree, { contentDir: config.contentDir, drafts: options.drafts ?? false });
  const diagnostics = [...discovery.diagnostics];
  const staticFiles = await tree.list(config.staticDir);
  const index = new PageIndex();
  for (const page of discovery.pages) index.addPage(page.url, page.source, page.aliases);
  for (const file of staticFiles) index.addFile(file.slice(config.staticDir.length));
  for (const asset of discovery.assets) index.addFile(asset.slice(config.contentDir.length));

  const env: VersionEnv = {
    version: { name: version.name, label: version.label },
    index,
    registry: new ShortcodeRegistry(builtinShortcodes),
    markdown: createMarkdownRenderer(config.markdown),
    readFile: createFileReader(tree, config.contentDir),
    markdownified: new Map(),
    highlighter,
  };
  const rendered: RenderedPage[] = [];
  for (const page of discovery.pages) {
    const result = await renderPage(page, env);
    rendered.push(result);
    diagnostics.push(...result.diagnostics);
  }
  diagnostics.push(...checkAnchors(rendered.map((r) => ({ url: r.page.url, file: r.page.file, ids: r.ids, links: r.links }))));

  if (options.output === 'ndjson') {
    const { toHtml } = await import('hast-util-to-html');
    for (const r of rendered) options.onPage?.({ version: version.name, url: r.page.url, source: r.page.file, title: r.page.title, html: toHtml(r.body) });
  }
  if (options.output !== 'files' || hasErrors(diagnostics)) return { pages: rendered.length, diagnostics };

  const nav = buildNavTree(discovery.pages);
  const info: VersionLayoutInfo = {
    name: version.name,
    label: version.label,
    status: version.status,
    latest: true,
    alias: undefined,
    folder: version.name,
    nav,
    order: readingOrder(nav),
    byUrl: new Map(discovery.pages.map((p: PageRecord) => [p.url, p])),
  };
  for (const r of rendered) {
    const html = layoutPage(r, info, site, { versions: [], canonical: undefined, noindex: false });
    await sink.write(`${info.folder}${r.page.url}index.html`, html);
  }
  for (const file of [...staticFiles, ...discovery.assets]) {
    const bytes = await tree.read(file);
    const dir = file.startsWith(config.staticDir + '/') ? config.staticDir : config.contentDir;
    if (bytes) await sink.write(`${info.folder}${file.slice(dir.length)}`, bytes);
  }
  return { pages: rendered.length, diagnostics };
}

/** Theme assets get content-hashed names, so they can be cached forever. */
async function siteLayoutInfo(config: StrataConfig, theme: Theme, sink: OutputSink): Promise<SiteLayoutInfo> {
  const assets = new Map<string, string>();
  for (const [name, bytes] of theme.assets) {
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
    const hashed = `assets/${name.replace(/(\.[^.]+)$/, `.${hash}$1`)}`;
    assets.set(name, hashed);
    await sink.write(hashed, bytes);
  }
  const absoluteBase = /^https?:\/\//.test(config.baseUrl) ? config.baseUrl.replace(/\/?$/, '/') : undefined;
  return { title: config.title, description: config.description, editUrl: config.editUrl, assets, theme, absoluteBase };
}

/** A page that sends readers on: meta refresh for static hosts, canonical for crawlers. */
export function redirectPage(target: string): string {
  const escaped = target.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Redirecting…</title><meta http-equiv="refresh" content="0; url=${escaped}"><link rel="canonical" href="${escaped}"><meta name="robots" content="noindex"></head><body><p>Redirecting to <a href="${escaped}">${escaped}</a>…</p></body></html>\n`;
}

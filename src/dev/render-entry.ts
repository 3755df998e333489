import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { pageDocument } from '../build/page-document.js';
import { renderPage, type RenderedPage } from '../build/render-page.js';
import type { PageRecord } from '../content/page.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../diagnostics/format.js';
import { rules } from '../diagnostics/rules.js';
import { checkAnchors, type AnchorSource } from '../links/check-anchors.js';
import { resolveInside } from '../versions/source-tree.js';
import type { DevContext } from './context.js';
import { finishDocument, plainPage } from './documents.js';
import { overlayHtml, type SourceLookup } from './overlay.js';
import type { DevSite, PageDocument, PageEntry, VersionState } from './site-state.js';
import { errorFirstLine } from '../util/error-text.js';

/** A render that keeps being overtaken by changes is used anyway after this many tries. */
const MAX_ATTEMPTS = 4;
/** Files larger than this are not read to show source lines in the overlay. */
const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

/** The page's inputs changed: its render, documents and kept tree are out of date. */
export function invalidate(site: DevSite, entry: PageEntry): void {
  entry.generation++;
  entry.rendering = undefined;
  entry.rendered = undefined;
  entry.document = undefined;
  if (!site.unrendered.has(entry)) site.stale.add(entry);
}

/** The page rendered from its current inputs, rendering it now if needed (one render at a time per page). */
export async function renderedOf(ctx: DevContext, site: DevSite, version: VersionState, entry: PageEntry): Promise<RenderedPage> {
  let last: RenderedPage | undefined;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (entry.rendered) return entry.rendered;
    if (last && version.entries.get(entry.url) !== entry) return last; // the page is gone; what we have will do
    last = await (entry.rendering ?? startRender(ctx, site, version, entry));
  }
  return entry.rendered ?? (last as RenderedPage);
}

/** The page laid out with its overlay and the live-reload client, rendering it first if needed. */
export async function documentOf(ctx: DevContext, site: DevSite, version: VersionState, entry: PageEntry): Promise<PageDocument> {
  const cached = entry.document;
  if (cached && cached.layout === version.layoutGeneration) return cached;
  const rendered = await renderedOf(ctx, site, version, entry);
  const generation = entry.generation;
  const layout = version.layoutGeneration;
  const diagnostics: Diagnostic[] = [...rendered.diagnostics, ...entry.anchors, ...versionErrors(version), ...site.errors, ...site.themeErrors, ...ctx.failure];
  let html: string;
  try {
    html = pageDocument(rendered, version.prepared, site.all(), site.layout);
  } catch (e) {
    // A layout is the site's own code: its failure is shown like any other problem.
    diagnostics.push({ severity: 'error', ruleId: rules.configInvalid, message: `the theme could not lay out this page: ${errorFirstLine(e)}`, file: entry.record.file });
    html = plainPage(entry.record.title, []).replace('</main>', `${toHtml(rendered.body)}</main>`);
  }
  const overlay = overlayHtml(diagnostics, sourceLookup(ctx, entry.record));
  const document: PageDocument = { ...finishDocument(html, overlay, ctx.basePath), layout };
  if (entry.generation === generation && version.layoutGeneration === layout && version.entries.get(entry.url) === entry) entry.document = document;
  return document;
}

function startRender(ctx: DevContext, site: DevSite, version: VersionState, entry: PageEntry): Promise<RenderedPage> {
  const { generation, record } = entry;
  const { epoch } = site;
  const { env } = version;
  const promise: Promise<RenderedPage> = (async () => {
    let rendered: RenderedPage;
    try {
      rendered = await renderPage(record, env);
    } catch (e) {
      rendered = failedRender(record, e);
    }
    // Inputs changed while rendering, or a change batch started (files it read may have changed): render again.
    if (entry.generation !== generation || site.epoch !== epoch || version.entries.get(entry.url) !== entry) return rendered;
    commit(ctx, site, version, entry, rendered);
    return rendered;
  })();
  entry.rendering = promise;
  void promise.finally(() => {
    if (entry.rendering === promise) entry.rendering = undefined;
  });
  return promise;
}

/** Records a finished render: facts, dependencies, anchors; prints its diagnostics when its inputs are new. */
function commit(ctx: DevContext, site: DevSite, version: VersionState, entry: PageEntry, rendered: RenderedPage): void {
  entry.rendered = rendered;
  // The same inputs rendered again only to be laid out again: nothing new to record or print.
  if (entry.factsGeneration === entry.generation) return;
  entry.facts = { ids: rendered.ids, links: rendered.links, diagnostics: rendered.diagnostics };
  entry.factsGeneration = entry.generation;
  site.unrendered.delete(entry);
  site.stale.delete(entry);
  version.files.set(entry.url, dependencyKeys(rendered.dependencies, site.loaded.config.contentDir));
  version.links.set(entry.url, rendered.links.map((link) => link.url));
  ctx.terminal.diagnostics(rendered.diagnostics, labelOf(site, version));
  updateAnchors(ctx, site, version, entry);
  // This page's ids may have changed: check the links of pages pointing into it.
  for (const url of version.links.dependents(entry.url)) {
    const other = version.entries.get(url);
    if (other && other !== entry && other.facts) updateAnchors(ctx, site, version, other);
  }
}

/**
 * Checks a page's links to anchors against the pages it points into that are
 * rendered already; the others are checked when they render. Documents are
 * dropped when the result changes, since the overlay shows it.
 */
function updateAnchors(ctx: DevContext, site: DevSite, version: VersionState, entry: PageEntry): void {
  const facts = entry.facts;
  if (!facts) return;
  const sources = new Map<string, AnchorSource>([[entry.url, { url: entry.url, file: entry.record.file, ids: facts.ids, links: facts.links }]]);
  for (const link of facts.links) {
    if (link.kind !== 'page' || !link.fragment || sources.has(link.url)) continue;
    const target = version.entries.get(link.url);
    if (target?.facts) sources.set(target.url, { url: target.url, file: target.record.file, ids: target.facts.ids, links: [] });
  }
  const found = checkAnchors([...sources.values()]);
  const before = new Set(entry.anchors.map(formatDiagnostic));
  if (found.length === before.size && found.every((d) => before.has(formatDiagnostic(d)))) return;
  entry.anchors = found;
  entry.document = undefined;
  ctx.terminal.diagnostics(
    found.filter((d) => !before.has(formatDiagnostic(d))),
    labelOf(site, version),
  );
}

/**
 * The keys a page's `readfile`s are known by: the tree path found, and for a
 * missing target the paths it was looked for at, so the page renders again
 * when the file appears there.
 */
export function dependencyKeys(dependencies: readonly string[], contentDir: string): string[] {
  const keys = new Set<string>();
  for (const dependency of dependencies) {
    for (const key of [resolveInside(dependency), resolveInside(dependency, contentDir)]) if (key) keys.add(key);
  }
  return [...keys];
}

function versionErrors(version: VersionState): Diagnostic[] {
  return version.prepared.diagnostics.filter((d) => d.severity === 'error');
}

function labelOf(site: DevSite, version: VersionState): string | undefined {
  return site.versions.size > 1 ? version.name : undefined;
}

/** The overlay's source lines: the page's own text as rendered, other files from disk. */
function sourceLookup(ctx: DevContext, record: PageRecord): SourceLookup {
  return (file) => {
    if (file === record.file) return record.text;
    try {
      const abs = path.resolve(ctx.siteDir, file);
      if (statSync(abs).size > MAX_SOURCE_BYTES) return undefined;
      return readFileSync(abs, 'utf8');
    } catch {
      return undefined;
    }
  };
}

/** A render that threw (a bug, or a site plugin that failed): an empty page with the reason. */
function failedRender(record: PageRecord, e: unknown): RenderedPage {
  return {
    page: record,
    body: { type: 'root', children: [] },
    features: [],
    headings: [],
    ids: new Set(),
    links: [],
    diagnostics: [...record.diagnostics, { severity: 'error', ruleId: rules.internal, message: `rendering failed: ${errorFirstLine(e)}`, file: record.file }],
    dependencies: [],
  };
}

import { serializeHtml } from '../html/serialize.js';
import { fragmentLinks } from '../links/check-anchors.js';
import { contentHash, writeOutputFile } from './output.js';
import { rereadPage } from '../content/discover.js';
import type { PageRecord } from '../content/page.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { StrataConfig } from '../config/schema.js';
import { emptyScan, scanElement, type TreeScan } from '../publish/html-scan.js';
import type { PageLink } from '../transforms/links.js';
import type { SiteLayoutInfo } from './layout-page.js';
import { pageDocumentTree, versionFolders } from './page-document.js';
import type { PreparedVersion } from './prepare-version.js';
import { renderPage, type RenderedPage, type TocEntry, type VersionEnv } from './render-page.js';
import { createVersionEnv, type RenderTools } from './version-env.js';

/**
 * One unit of work: a page path in every version that has it. Rendering all
 * versions of a page together, in one thread, lets the block cache reuse
 * every paragraph the versions share.
 */
export interface PageTask {
  entries: Array<{ version: number; page: number }>;
  /** Also return the body alone (`--to=ndjson`). */
  body: boolean;
  /** Lay out and return whole documents (not for `strata check`-like runs). */
  documents: boolean;
  /** The output folder to write documents into here (`OutputSink.direct`), so only their hashes go back. */
  writeTo?: string;
  /** Hash the pages discovery did not hash, as they are read (`PageResult.contentHash`), for the build cache. */
  hash?: boolean;
}

/** What comes back from a page: its documents, and what the checks and the cache need. Plain data. */
export interface PageResult {
  version: number;
  page: number;
  /**
   * Output path → document, for each folder of the version (`1.17.x/…`, `latest/…`), scanned for the output check.
   * A document is its UTF-8 bytes (what a render thread can hand over without a copy), or, when the task
   * wrote it (`writeTo`), the content hash of what it wrote.
   */
  documents: Array<{ path: string; scan: TreeScan } & ({ data: Uint8Array } | { hash: string })>;
  body: string | undefined;
  ids: string[];
  /** The page's links into a page's `#fragment`: all the anchor check needs, and all the build cache keeps. */
  links: PageLink[];
  headings: TocEntry[];
  diagnostics: Diagnostic[];
  features: string[];
  dependencies: string[];
  /** The hash of the page's bytes as read for this render, when the task asked and discovery had none. */
  contentHash?: string;
}

/** What a thread needs to render any page of the site. */
export interface RenderContext {
  config: StrataConfig;
  tools: RenderTools;
  layout: SiteLayoutInfo;
  versions: PreparedVersion[];
  /** Page texts were dropped after discovery to save memory: read them again. */
  reread: boolean;
  envs: Map<number, VersionEnv>;
  /** Output folders this thread made already (`writeTo`). */
  made: Set<string>;
}

const utf8 = new TextEncoder();

/** The page's document, laid out and serialised once, for each folder of its version (`latest/` is a copy). */
function documentsOf(rendered: RenderedPage, prepared: PreparedVersion, ctx: RenderContext, writeTo: string | undefined): PageResult['documents'] {
  const tree = pageDocumentTree(rendered, prepared, ctx.versions, ctx.layout);
  // Scanned here, from the tree as it is serialised, so the main thread's output check only looks the targets up.
  const scan = emptyScan(rendered.page.file);
  const data = utf8.encode(serializeHtml(tree, (element) => scanElement(element, scan)));
  const paths = versionFolders(prepared).map((folder) => `${folder}${rendered.page.url}index.html`);
  if (writeTo === undefined) return paths.map((path) => ({ path, data, scan }));
  const hash = contentHash(data);
  for (const path of paths) writeOutputFile(writeTo, path, data, ctx.made);
  return paths.map((path) => ({ path, hash, scan }));
}

export async function runPageTask(task: PageTask, ctx: RenderContext): Promise<PageResult[]> {
  const results: PageResult[] = [];
  for (const entry of task.entries) {
    const prepared = ctx.versions[entry.version] as PreparedVersion;
    let env = ctx.envs.get(entry.version);
    if (!env) {
      env = createVersionEnv(prepared, ctx.config, ctx.tools);
      ctx.envs.set(entry.version, env);
    }
    const record = prepared.pages[entry.page] as PageRecord;
    // Texts are read again where discovery let go of them (render threads), or never read them (the build cache).
    const hash = task.hash === true && record.contentHash === undefined;
    const page = ctx.reread || record.text === '' ? ((await rereadPage(prepared.version.tree, record, ctx.config.contentDir, { hash })) ?? record) : record;
    // Discovery decided the page's place; a re-read file keeps it (only its text is new).
    const rendered = await renderPage({ ...page, url: record.url, parent: record.parent, aliases: record.aliases }, env);
    results.push({
      version: entry.version,
      page: entry.page,
      documents: task.documents ? documentsOf({ ...rendered, page: record }, prepared, ctx, task.writeTo) : [],
      body: task.body ? serializeHtml(rendered.body) : undefined,
      ids: [...rendered.ids],
      links: fragmentLinks(rendered.links),
      headings: rendered.headings,
      diagnostics: rendered.diagnostics,
      features: rendered.features,
      dependencies: rendered.dependencies,
      ...(hash && page.contentHash !== undefined ? { contentHash: page.contentHash } : {}),
    });
  }
  return results;
}

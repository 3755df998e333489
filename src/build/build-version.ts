import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { checkAnchors, type AnchorSource } from '../links/check-anchors.js';
import type { SiteLayoutInfo } from './layout-page.js';
import type { OutputSink } from './output.js';
import { versionFolders } from './page-document.js';
import type { PreparedVersion } from './prepare-version.js';
import type { RenderPool } from './render-pool.js';
import type { PageReuse } from '../cache/page-reuse.js';
import type { TreeScan } from '../publish/html-scan.js';
import type { PageResult, PageTask } from './render-task.js';
import { versionFiles } from './version-files.js';
import { StringPool } from '../util/string-pool.js';

/** What the build learns of each version while its pages come back from the render threads. */
export interface VersionOutcome {
  pages: number;
  diagnostics: Diagnostic[];
  features: Set<string>;
}

export interface RenderAllOptions {
  site: SiteLayoutInfo;
  /** Every version of the site (the switcher lists them all). */
  versions: readonly PreparedVersion[];
  /** The versions to build (`--version` builds one); default: all. */
  build?: ReadonlySet<number>;
  pool: RenderPool;
  sink: OutputSink;
  /** Lay out and write whole documents. */
  write: boolean;
  /** Also get each page's body alone (`--to=ndjson`). */
  bodies: boolean;
  onResult?: (result: PageResult) => void;
  /** Takes each document's scan for the output check; the document is then written straight to `sink`. */
  onDocument?: (path: string, scan: TreeScan) => void;
  /** Where a version's other files go (static files, redirects), when not `sink`. */
  versionSink?: OutputSink;
  /** The build cache: pages it spares are not rendered; their documents stay in the output. */
  reuse?: PageReuse;
  /** Takes the documents of a reused page (kept in the output as they are). */
  onKept?: (path: string) => void;
}

/**
 * Stages 2–7 for every page of every version. Pages are handed out a few
 * paths at a time (all versions of a page together, so shared paragraphs are
 * parsed once); the main thread only writes what comes back and keeps each
 * page's ids and links for the anchor check, so memory stays flat.
 */
export async function renderAll(options: RenderAllOptions): Promise<VersionOutcome[]> {
  const { versions, pool, sink } = options;
  const outcomes = versions.map((v, i) => ({
    pages: !options.build || options.build.has(i) ? v.pages.length : 0,
    diagnostics: !options.build || options.build.has(i) ? [...v.diagnostics] : [],
    features: new Set<string>(),
    anchors: [] as AnchorSource[],
  }));
  // Every task is queued at once; results are taken in task order, so what is written (and indexed
  // for search) comes in the same order on every run, whichever thread finishes first.
  // Ids arrive from the render threads as new strings each time; versions repeat them.
  const strings = new StringPool();
  const reuse = options.reuse;
  const spared = (version: number, page: number): boolean => {
    const reused = reuse?.reuse(version, page);
    if (!reused) return false;
    const outcome = outcomes[version] as (typeof outcomes)[number];
    const record = (versions[version] as PreparedVersion).pages[page];
    outcome.diagnostics.push(...reused.meta.diagnostics);
    outcome.anchors.push({ url: record?.url ?? '', file: record?.file ?? '', ids: new Set(reused.meta.ids), links: reused.meta.links });
    for (const feature of reused.meta.features) outcome.features.add(feature);
    for (const document of reused.documents) options.onKept?.(document);
    options.onResult?.({ version, page, documents: [], body: undefined, headings: [], ...reused.meta, dependencies: [] });
    return true;
  };
  // Render threads write documents straight to the output when it is a folder: their bytes never reach this thread.
  const writeTo = options.write ? sink.direct?.folder : undefined;
  const tasks = pageTasks(versions, options.build, { body: options.bodies, documents: options.write, hash: reuse !== undefined, ...(writeTo === undefined ? {} : { writeTo }) })
    .map((task) => ({ ...task, entries: task.entries.filter((e) => !spared(e.version, e.page)) }))
    .filter((task) => task.entries.length > 0);
  pool.start(tasks.reduce((n, task) => n + task.entries.length, 0));
  const running: Array<Promise<PageResult[]> | undefined> = tasks.map((task) => pool.run(task));
  running.forEach((p) => p?.catch(() => undefined));
  for (let i = 0; i < running.length; i++) {
    const next = running[i] as Promise<PageResult[]>;
    // A settled promise keeps its value: let go of each task's results once taken, or they all stay until the end.
    running[i] = undefined;
    for (const result of await next) {
      const outcome = outcomes[result.version] as (typeof outcomes)[number];
      const page = (versions[result.version] as PreparedVersion).pages[result.page];
      outcome.diagnostics.push(...result.diagnostics);
      outcome.anchors.push({ url: page?.url ?? '', file: page?.file ?? '', ids: new Set(result.ids.map((id) => strings.get(id))), links: result.links });
      for (const feature of result.features) outcome.features.add(feature);
      for (const document of result.documents) {
        options.onDocument?.(document.path, document.scan);
        if ('data' in document) await sink.write(document.path, document.data);
        else sink.direct?.written(document.path, document.hash);
      }
      reuse?.remember(result);
      options.onResult?.(result);
    }
  }
  for (const outcome of outcomes) outcome.diagnostics.push(...checkAnchors(outcome.anchors));
  if (options.write) for (const [i, prepared] of versions.entries()) if (!options.build || options.build.has(i)) await writeVersionFiles(prepared, options.site, options.versionSink ?? sink);
  return outcomes.map(({ pages, diagnostics, features }) => ({ pages, diagnostics, features }));
}

/**
 * How many pages a task holds at least (whole paths: every version of a page
 * goes to one thread). A task is a round trip to a thread: the thread waits
 * for its next one while this thread takes the results, and each message has
 * a fixed cost. Tasks of one path (three pages on the benchmark's corpora)
 * made cold builds 8–9 % slower than tasks of eight (5 interleaved runs on
 * corpus B, 4 on A); tasks of 4 to 16 paths measured alike. Whole paths keep
 * the versions of a page in one thread's block cache.
 */
const TASK_PAGES = 16;

/** Page paths, every version of each together, in a stable order, grouped into tasks of `TASK_PAGES` or a few more. */
export function pageTasks(versions: readonly PreparedVersion[], build: ReadonlySet<number> | undefined, shape: Omit<PageTask, 'entries'>): PageTask[] {
  const byUrl = new Map<string, PageTask['entries']>();
  versions.forEach((prepared, version) =>
    build && !build.has(version) ? undefined : prepared.pages.forEach((page, i) => {
      let entries = byUrl.get(page.url);
      if (!entries) byUrl.set(page.url, (entries = []));
      entries.push({ version, page: i });
    }),
  );
  const tasks: PageTask[] = [];
  let entries: PageTask['entries'] = [];
  for (const group of byUrl.values()) {
    entries.push(...group);
    if (entries.length >= TASK_PAGES) {
      tasks.push({ ...shape, entries });
      entries = [];
    }
  }
  if (entries.length) tasks.push({ ...shape, entries });
  return tasks;
}

async function writeVersionFiles(prepared: PreparedVersion, site: SiteLayoutInfo, sink: OutputSink): Promise<void> {
  for (const folder of versionFolders(prepared)) {
    for (const file of versionFiles(prepared, site, folder)) {
      const data = 'data' in file ? file.data : await prepared.version.tree.read(file.source);
      if (data !== undefined) await sink.write(file.path, data);
    }
  }
}

import { availableParallelism } from 'node:os';
import { headOf } from '../content/page.js';
import { collectGarbage } from '../util/collect-garbage.js';
import type { Version, VersionOrigin } from '../versions/resolve-versions.js';
import type { LoadedSite } from './load-site.js';
import type { SiteLayoutInfo } from './layout-page.js';
import type { DiscoveredVersion } from './prepare-version.js';
import type { PageResult, PageTask } from './render-task.js';

/** What a render thread is started with: plain data only. */
export interface WorkerData {
  siteDir: string;
  configFile: string | undefined;
  baseUrl: string | undefined;
  assets: Array<[string, string]>;
  lastModified: Array<[string, string]>;
  versions: Array<{ version: Omit<Version, 'tree'> & { origin: VersionOrigin; displayPrefix: string }; discovered: DiscoveredVersion }>;
}

export interface RenderPool {
  /** Threads in use (0: the main thread); known once `start` was called. */
  readonly threads: number;
  /** Sizes the pool for this many page renders (threads only pay off for many). Called once, before `run`. */
  start(renders: number): void;
  run(task: PageTask): Promise<PageResult[]>;
  close(): Promise<void>;
}

/** Below this many page renders, starting threads costs more than it saves. */
const THREAD_THRESHOLD = 400;

export interface PoolOptions {
  /** Render threads; 0 renders on the main thread. Default: one per core when the site is large enough. */
  threads?: number;
  configFile?: string;
  baseUrl?: string;
}

/**
 * Where pages are rendered: worker threads (tinypool) sized to the cores for
 * large sites, or the main thread for small ones. Both run the same
 * `runPageTask`, so the output is the same byte for byte.
 */
export function createRenderPool(site: LoadedSite, layout: SiteLayoutInfo, options: PoolOptions = {}): RenderPool {
  let executor: { run(task: PageTask): Promise<PageResult[]>; close(): Promise<void> } | undefined;
  const pool = {
    threads: 0,
    start(renders: number) {
      pool.threads = options.threads ?? (renders >= THREAD_THRESHOLD ? Math.max(1, Math.min(availableParallelism(), 8)) : 0);
      // Nothing to render (the build cache spared every page): nothing is loaded, no thread started.
      if (renders > 0) executor = pool.threads === 0 ? inProcess(site, layout) : threads(site, layout, options, pool.threads);
    },
    run(task: PageTask) {
      if (!executor) throw new Error('the render pool was not started');
      return executor.run(task);
    },
    close: async () => executor?.close(),
  };
  return pool;
}

/** Rendering on the main thread; its modules (the whole markdown stack) are loaded only now. */
function inProcess(site: LoadedSite, layout: SiteLayoutInfo) {
  const ready = (async () => {
    const [{ runPageTask }, { createRenderTools }] = await Promise.all([import('./render-task.js'), import('./version-env.js')]);
    const ctx = { config: site.config, tools: createRenderTools(site.config, site.registry), layout, versions: site.versions, reread: false, envs: new Map(), made: new Set<string>() };
    return { render: (task: PageTask) => runPageTask(task, ctx), close: () => ctx.tools.highlighter.dispose() };
  })();
  return { run: async (task: PageTask) => (await ready).render(task), close: async () => (await ready).close() };
}

function threads(site: LoadedSite, layout: SiteLayoutInfo, options: PoolOptions, count: number) {
  // Texts are kept by no thread: the render threads read the pages they render, and this one only plans and writes.
  // Front matter is kept: threads tell by it whether a page changed since, and this one finds places in it.
  for (const prepared of site.versions) {
    for (const page of prepared.pages) {
      // Copied: a slice would keep the page's whole text alive.
      page.head ??= Buffer.from(headOf(page)).toString();
      page.text = '';
    }
  }
  const workerData: WorkerData = {
    siteDir: site.siteDir,
    configFile: options.configFile,
    baseUrl: options.baseUrl,
    assets: [...layout.assets],
    lastModified: [...(layout.lastModified ?? [])],
    versions: site.versions.map((prepared) => {
      const { tree, ...version } = prepared.version;
      return {
        version: { ...version, displayPrefix: tree.displayPrefix },
        // Copies of the records as they are now: tinypool clones them when the threads start.
        discovered: { pages: prepared.pages.map((p) => ({ ...p })), files: prepared.files, data: prepared.data, diagnostics: [] },
      };
    }),
  };
  // Loaded only when threads are started: a small rebuild renders on the main thread.
  const ready = import('tinypool').then(({ default: Tinypool }) => {
    const tinypool = new Tinypool({
      // The compiled, bundled worker (scripts/bundle.mjs), also when Strata itself runs from its TypeScript sources (tests).
      filename: new URL('../../lib/bundle/render-worker.js', import.meta.url).href,
      minThreads: count,
      maxThreads: count,
      workerData,
      idleTimeout: 60_000,
      // Rendering allocates many short-lived trees, collected young. 24 MB (8 MB semi-spaces) rather than 48: the
      // larger one committed about 20 MB more per thread, for no time measured since the allocations were cut
      // (cold peaks 402 → 364 MiB on A, 314 → 270 on B; time within the noise, nine and five interleaved runs).
      resourceLimits: { maxYoungGenerationSizeMb: 24 },
    });
    // They, and the rest of loading's garbage (100 MB for corpus A), go before the threads' heaps grow beside this
    // one: V8 would keep them until this heap next filled up, at the build's peak (480 → 400 MiB on A, no slower).
    // Collected once the threads are starting: they load their code meanwhile, on the other cores.
    collectGarbage();
    return tinypool;
  });
  return { run: async (task: PageTask) => (await ready).run(task) as Promise<PageResult[]>, close: async () => (await ready).destroy() };
}

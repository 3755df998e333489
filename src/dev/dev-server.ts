import { createServer } from 'node:http';
import path from 'node:path';
import { ChangeQueue } from './change-queue.js';
import type { DevContext } from './context.js';
import { LiveReload } from './live-reload.js';
import { listen } from './listen.js';
import { loadDevSite, watchedPaths } from './load-dev-site.js';
import { openBrowser } from './open-browser.js';
import { processBatch, refreshClient } from './rebuild.js';
import { devRequestHandler } from './server.js';
import { clock, Terminal } from './terminal.js';
import { Warmer } from './warm.js';
import { watchFiles, type Watcher } from './watch.js';
import { errorMessage, errorStack } from '../util/error-text.js';

export interface DevServerOptions {
  siteDir: string;
  /** Default 4000; the next free port is used when it is taken; 0 for any free port. */
  port?: number;
  /** Default 127.0.0.1: only this machine can connect. */
  host?: string;
  /** Overrides the config's `baseUrl`. */
  baseUrl?: string;
  /** Serve pages marked `draft: true` too. Default true: authors preview what they write. */
  drafts?: boolean;
  /** Open the site in the default browser once it is served. */
  open?: boolean;
  /**
   * Quiet time that ends a burst of file events (ms). Default 25: chokidar
   * already folds an editor's atomic save into one event, and every
   * millisecond here is added to every save's way to the browser.
   */
  quietMs?: number;
  /** Background rendering starts after this long without requests or saves (ms). Default 1000. */
  idleMs?: number;
  /** Render pages nobody asked for in the background. Default true. */
  warm?: boolean;
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
}

export interface DevServer {
  /** `http://127.0.0.1:4000/base/` */
  readonly url: string;
  readonly port: number;
  /** Resolves once the watcher has scanned the site: changes from then on are seen. */
  readonly watching: Promise<void>;
  /** Resolves once every file change seen so far has been processed and browsers told. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * `strata dev`: loads the site (discovery only, no rendering), serves it from
 * memory at the URLs of the build, renders pages when first requested and the
 * rest in the background, watches every input, re-renders what a change
 * touches and reloads the browsers that show it once that is done.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const started = performance.now();
  const siteDir = path.resolve(options.siteDir);
  const terminal = new Terminal(options.stdout ?? process.stdout, options.stderr ?? process.stderr);
  const ctx: DevContext = {
    siteDir,
    drafts: options.drafts ?? true,
    baseUrl: options.baseUrl,
    basePath: '/',
    terminal,
    live: new LiveReload(),
    site: undefined,
    failure: [],
    lastActivity: Date.now(),
  };
  let closed = false;
  let watcher: Watcher | undefined;
  await loadDevSite(ctx);

  const warmer = new Warmer(ctx, {
    idleMs: options.idleMs ?? 1000,
    onDone: (site, ms) => terminal.line(`${clock()}  every page rendered (${site.pageCount()} pages, ${(ms / 1000).toFixed(1)} s in the background)`),
  });
  const kick = () => {
    if (options.warm !== false) warmer.kick();
  };
  const server = createServer(
    devRequestHandler(ctx, {
      onConnect: (client) => {
        client.send('hello', {});
        void refreshClient(ctx, client);
      },
      onServed: () => startWatchingSoon(),
    }),
  );
  const host = options.host ?? '127.0.0.1';
  const asked = options.port ?? 4000;
  const port = await listen(server, host, asked);
  if (asked !== 0 && port !== asked) terminal.line(`strata dev: port ${asked} is in use, using ${port}`);
  const urlOf = () => `http://${urlHost(host)}:${port}${ctx.basePath}`;
  let url = urlOf();
  terminal.line(describeStart(ctx, performance.now() - started));
  terminal.line(`  ${url}`);

  // After the site is loaded again: its inputs, and maybe its base path, changed.
  function onSiteLoaded(): void {
    watcher?.setPaths(watchedPaths(ctx));
    if (urlOf() !== url) {
      url = urlOf();
      terminal.line(`strata dev: the base path changed; now serving ${url}`);
    }
  }
  const queue = new ChangeQueue({
    quietMs: options.quietMs ?? 25,
    maxWaitMs: 1000,
    process: async (events) => {
      await processBatch(ctx, events, onSiteLoaded);
      kick();
    },
    onError: (e) => terminal.problem(`strata dev: internal error while applying a change: ${errorStack(e)}`),
  });
  // The watcher's first scan lists every folder and file of every version, as
  // much work as rendering a few pages: it starts once the first page is
  // served (or after a second without one), so that page comes first.
  let watchingStarted: () => void = () => {};
  const watching = new Promise<void>((resolve) => (watchingStarted = resolve));
  const watchTimer = setTimeout(startWatching, 1000);
  function startWatching(): void {
    clearTimeout(watchTimer);
    if (watcher || closed) return;
    watcher = watchFiles(
      watchedPaths(ctx),
      (event) => {
        ctx.lastActivity = Date.now();
        queue.push(event);
      },
      (e) => terminal.problem(`strata dev: cannot watch: ${errorMessage(e)}`),
    );
    void watcher.ready.then(() => {
      terminal.line('strata dev: watching for changes (Ctrl+C to stop)');
      watchingStarted();
    });
  }
  function startWatchingSoon(): void {
    if (!watcher) setImmediate(startWatching);
  }
  kick();
  if (options.open) openBrowser(url);

  return {
    get url() {
      return url;
    },
    port,
    watching,
    settled: () => queue.idle(),
    async close() {
      closed = true;
      clearTimeout(watchTimer);
      warmer.close();
      queue.close();
      await watcher?.close();
      ctx.live.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      ctx.site?.close();
    },
  };
}

function describeStart(ctx: DevContext, ms: number): string {
  const site = ctx.site;
  if (!site) return `strata dev: the site could not be loaded (see the errors above); every page shows them until a change fixes them`;
  const versions = [...site.versions.keys()];
  return (
    `strata dev: ${site.loaded.config.title}: ${site.pageCount()} pages in ${versions.length} version${versions.length === 1 ? '' : 's'} (${versions.join(', ')}), ` +
    `ready in ${Math.round(ms)} ms; pages render when first requested${ctx.drafts ? ', drafts included' : ''}`
  );
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

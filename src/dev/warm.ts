import type { DevContext } from './context.js';
import { refreshClients } from './rebuild.js';
import { documentOf, renderedOf } from './render-entry.js';
import type { DevSite, PageEntry } from './site-state.js';
import { errorStack } from '../util/error-text.js';

export interface WarmOptions {
  /** Background rendering waits until nobody has asked or saved anything for this long (ms). */
  idleMs: number;
  /** Called when there is nothing left to render. */
  onDone?(site: DevSite, ms: number): void;
}

/**
 * Renders the pages nobody asked for yet, in the background: stale pages
 * (their inputs changed) first, then the rest in site order. One page at a
 * time, yielding to the event loop between pages so that requests and changes
 * go first, and only while browsers and the author are quiet. This is what
 * reports every page's problems and checks anchors across pages, as a build
 * would, without making anyone wait for it.
 */
export class Warmer {
  readonly #ctx: DevContext;
  readonly #options: WarmOptions;
  #running = false;
  #closed = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #started: number | undefined;

  constructor(ctx: DevContext, options: WarmOptions) {
    this.#ctx = ctx;
    this.#options = options;
  }

  /** Starts rendering again if there is something to render. */
  kick(): void {
    if (this.#closed || this.#running) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#running = true;
    void this.#loop().finally(() => {
      this.#running = false;
    });
  }

  close(): void {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
  }

  async #loop(): Promise<void> {
    const ctx = this.#ctx;
    while (!this.#closed) {
      const site = ctx.site;
      if (!site) return;
      const quietFor = Date.now() - ctx.lastActivity;
      if (quietFor < this.#options.idleMs) {
        this.#later(this.#options.idleMs - quietFor);
        return;
      }
      const entry = first(site.stale) ?? first(site.unrendered);
      if (!entry) {
        if (this.#started !== undefined) this.#options.onDone?.(site, performance.now() - this.#started);
        this.#started = undefined;
        return;
      }
      this.#started ??= performance.now();
      await this.#render(site, entry);
      // A page rendered here can change what browsers show: anchors it broke or fixed on pages linking to it.
      if (ctx.live.clients.length > 0 && Date.now() - ctx.lastActivity >= this.#options.idleMs) await refreshClients(ctx);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async #render(site: DevSite, entry: PageEntry): Promise<void> {
    const version = site.versions.get(entry.version);
    if (!version || version.entries.get(entry.url) !== entry) {
      site.stale.delete(entry);
      site.unrendered.delete(entry);
      return;
    }
    try {
      await renderedOf(this.#ctx, site, version, entry);
      // Let file events and requests in; when someone is busy again, the document can be made when asked for.
      await new Promise((resolve) => setImmediate(resolve));
      if (Date.now() - this.#ctx.lastActivity >= this.#options.idleMs) await documentOf(this.#ctx, site, version, entry);
    } catch (e) {
      this.#ctx.terminal.problem(`strata dev: internal error while rendering ${entry.record.file}: ${errorStack(e)}`);
    }
    // Rendered trees are large: only pages a browser shows keep theirs.
    if (!site.viewed.has(entry)) entry.rendered = undefined;
    // Done unless its inputs changed meanwhile (then it is taken again).
    if (entry.factsGeneration === entry.generation) {
      site.stale.delete(entry);
      site.unrendered.delete(entry);
    }
  }

  #later(ms: number): void {
    if (this.#closed) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.kick(), ms);
    this.#timer.unref();
  }
}

function first<T>(set: ReadonlySet<T>): T | undefined {
  for (const item of set) return item;
  return undefined;
}

import path from 'node:path';
import { applyVersionChanges } from './apply-change.js';
import type { FileEvent } from './change-queue.js';
import type { DevContext } from './context.js';
import type { LiveClient } from './live-reload.js';
import { loadDevSite, reloadTheme, siteShape } from './load-dev-site.js';
import { planChange } from './plan-change.js';
import { resolveRequest } from './request-path.js';
import { notFound, respond, type DevResponse } from './respond.js';
import type { PageEntry } from './site-state.js';
import { clock } from './terminal.js';
import { errorStack } from '../util/error-text.js';

/** What one batch did, for the terminal and the caller. */
export interface BatchOutcome {
  /** Whether the whole site was loaded again. */
  reloaded: boolean;
  /** Pages to render again (browsers' pages first, the rest in the background). */
  stale: number;
  /** Browsers told to reload, or to swap stylesheets. */
  reloads: number;
  swaps: number;
}

/**
 * One coalesced batch of file changes: plan the smallest action, apply it,
 * render what each connected browser shows, and only then tell that browser
 * to reload (or swap its stylesheets). Everything else that went stale is
 * left to background rendering.
 */
export async function processBatch(ctx: DevContext, events: readonly FileEvent[], onSiteLoaded: () => void): Promise<BatchOutcome | undefined> {
  const started = performance.now();
  ctx.lastActivity = Date.now();
  const outcome: BatchOutcome = { reloaded: false, stale: 0, reloads: 0, swaps: 0 };
  const site = ctx.site;
  if (site) site.epoch++;
  const plan = planChange(events, siteShape(ctx, site));
  let css: Array<[string, string]> | undefined;
  const force = new Set<PageEntry>();

  if (!site || plan.reload) {
    ctx.terminal.line(`${clock()}  ${plan.reload ?? 'a change'}: loading the site again`);
    outcome.reloaded = await loadDevSite(ctx);
    if (outcome.reloaded) onSiteLoaded();
  } else {
    for (const [name, changes] of plan.versions) {
      const version = site.versions.get(name);
      if (!version) continue;
      const applied = await applyVersionChanges(ctx, site, version, changes);
      outcome.stale += applied.stale.size;
      for (const entry of applied.linkers) force.add(entry);
    }
    if (plan.layouts || plan.assets.length > 0) css = await reloadTheme(ctx, site, plan.layouts);
    if (plan.versions.size === 0 && !plan.layouts && plan.assets.length === 0) return undefined;
  }

  const told = await refreshClients(ctx, css, force);
  outcome.reloads = css ? 0 : told;
  outcome.swaps = css ? told : 0;
  ctx.terminal.line(`${clock()}  ${describeEvents(ctx, events)} → ${describeOutcome(outcome, Boolean(css))} in ${Math.round(performance.now() - started)} ms`);
  return outcome;
}

/**
 * Brings every connected browser up to date: renders the page it shows and
 * sends `reload` when the page's stamp differs from the one it loaded (or
 * `css` when only stylesheets changed). Returns how many were told.
 */
export async function refreshClients(ctx: DevContext, css?: Array<[string, string]>, force: ReadonlySet<PageEntry> = new Set()): Promise<number> {
  const told = await Promise.all(ctx.live.clients.map((client) => refreshClient(ctx, client, css, force)));
  return told.filter(Boolean).length;
}

/** One browser: see `refreshClients`. Also used when a browser connects, in case its page changed since it loaded. */
export async function refreshClient(ctx: DevContext, client: LiveClient, css?: Array<[string, string]>, force: ReadonlySet<PageEntry> = new Set()): Promise<boolean> {
  const target = resolveRequest(client.page, ctx.basePath);
  let response: DevResponse | undefined;
  let forced = false;
  try {
    if (target.kind === 'output') {
      const found = ctx.site?.lookup(target.path);
      forced = found?.kind === 'page' && force.has(found.entry);
      response = await respond(ctx, target.path);
    } else if (target.kind === 'not-found') response = notFound(ctx, ctx.site, client.page);
  } catch (e) {
    ctx.terminal.problem(`strata dev: internal error while refreshing ${client.page}: ${errorStack(e)}`);
    return false;
  }
  if (!response?.stamp || (response.stamp === client.stamp && !forced)) return false;
  client.stamp = response.stamp;
  if (css) client.send('css', { replace: css });
  else client.send('reload', {});
  return true;
}

function describeEvents(ctx: DevContext, events: readonly FileEvent[]): string {
  const names = events.map((e) => `${path.relative(ctx.siteDir, e.path).split(path.sep).join('/') || '.'}${e.kind === 'unlink' || e.kind === 'unlinkDir' ? ' (removed)' : e.kind === 'add' || e.kind === 'addDir' ? ' (added)' : ''}`);
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
}

function describeOutcome(outcome: BatchOutcome, css: boolean): string {
  const parts: string[] = [];
  if (outcome.reloaded) parts.push('site loaded again');
  else if (outcome.stale > 0) parts.push(`${outcome.stale} page${outcome.stale === 1 ? '' : 's'} to render again`);
  if (css) parts.push(`stylesheet swapped in ${outcome.swaps} browser${outcome.swaps === 1 ? '' : 's'}`);
  else parts.push(`${outcome.reloads} browser${outcome.reloads === 1 ? '' : 's'} reloaded`);
  return parts.join(', ');
}

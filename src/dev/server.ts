import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DevContext } from './context.js';
import { CLIENT_SCRIPT, CLIENT_SCRIPT_URL, EVENTS_ENDPOINT } from './documents.js';
import type { LiveClient } from './live-reload.js';
import { resolveRequest } from './request-path.js';
import { contentType, notFound, respond, type DevResponse } from './respond.js';
import { DevSearch } from './search.js';
import { SEARCH_BUNDLE } from '../search/search-index.js';
import { errorStack } from '../util/error-text.js';

export interface ServerHooks {
  /** A browser connected for live reload. */
  onConnect(client: LiveClient): void;
  /** A response was sent. */
  onServed(): void;
}

/**
 * The dev server's request handler: confines every URL to the site's output
 * (anything else is the site's 404 page), serves pages rendered on demand and
 * files from memory or the version's tree, and the live-reload endpoint and
 * client. Nothing is cached by the browser: what it shows is always current.
 */
export function devRequestHandler(ctx: DevContext, hooks: ServerHooks): (req: IncomingMessage, res: ServerResponse) => void {
  let client: Promise<Buffer> | undefined;
  const clientScript = () => (client ??= readFile(CLIENT_SCRIPT_URL));
  const search = new DevSearch();
  return (req, res) => {
    handle(ctx, hooks, clientScript, search, req, res).catch((e: unknown) => {
      ctx.terminal.problem(`strata dev: internal error for ${req.url ?? '?'}: ${errorStack(e)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal error in strata dev; see the terminal.\n');
    });
  };
}

async function handle(ctx: DevContext, hooks: ServerHooks, clientScript: () => Promise<Buffer>, search: DevSearch, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    res.end('Method not allowed\n');
    return;
  }
  const target = resolveRequest(req.url, ctx.basePath);
  if (target.kind === 'dev' && target.name === EVENTS_ENDPOINT) {
    const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const page = params.get('page');
    hooks.onConnect(ctx.live.connect(req, res, page?.startsWith('/') ? page : ctx.basePath, params.get('stamp') ?? ''));
    return;
  }
  ctx.lastActivity = Date.now();
  let response: DevResponse;
  switch (target.kind) {
    case 'redirect':
      response = { status: 302, type: 'text/plain; charset=utf-8', body: '', location: target.location };
      break;
    case 'dev':
      if (target.name === CLIENT_SCRIPT) {
        const script = await clientScript().catch(() => undefined);
        response = script ? { status: 200, type: 'text/javascript; charset=utf-8', body: script } : notFound(ctx, ctx.site, req.url ?? '');
      } else response = notFound(ctx, ctx.site, req.url ?? '');
      break;
    case 'output':
      if (target.path.startsWith(`${SEARCH_BUNDLE}/`)) {
        const bytes = await search.file(ctx, target.path.slice(SEARCH_BUNDLE.length + 1));
        response = bytes ? { status: 200, type: contentType(target.path), body: bytes } : notFound(ctx, ctx.site, target.path);
      } else response = await respond(ctx, target.path);
      break;
    default:
      response = notFound(ctx, ctx.site, (req.url ?? '').split(/[?#]/)[0] ?? '');
  }
  send(req, res, response);
  hooks.onServed();
}

function send(req: IncomingMessage, res: ServerResponse, response: DevResponse): void {
  const body = typeof response.body === 'string' ? Buffer.from(response.body) : response.body;
  res.writeHead(response.status, {
    'content-type': response.type,
    'content-length': body.length,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...(response.location ? { location: response.location } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

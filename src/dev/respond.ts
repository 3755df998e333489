import path from 'node:path';
import type { DevContext } from './context.js';
import { finishDocument, plainPage } from './documents.js';
import { overlayHtml } from './overlay.js';
import { documentOf } from './render-entry.js';
import type { DevSite } from './site-state.js';

/** What the server sends for an output path, before HTTP. */
export interface DevResponse {
  status: number;
  type: string;
  body: Buffer | string;
  /** HTML documents carrying the live-reload client: the stamp they carry. */
  stamp?: string;
  location?: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.yaml': 'text/plain; charset=utf-8',
  '.yml': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
};

export const HTML_TYPE = 'text/html; charset=utf-8';

export function contentType(file: string): string {
  if (file === '' || file.endsWith('/')) return HTML_TYPE;
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The response for an output path (`latest/a/`, `assets/x.css`): a page
 * rendered on demand, a generated or static file, a redirect that adds a
 * slash, or the site's 404 page.
 */
export async function respond(ctx: DevContext, outputPath: string): Promise<DevResponse> {
  const site = ctx.site;
  if (!site) return failurePage(ctx);
  const found = site.lookup(outputPath);
  switch (found?.kind) {
    case 'page': {
      const document = await documentOf(ctx, site, found.version, found.entry);
      site.touch(found.entry);
      return { status: 200, type: HTML_TYPE, body: document.html, stamp: document.stamp };
    }
    case 'data':
      return { status: 200, type: contentType(outputPath), body: typeof found.data === 'string' ? found.data : Buffer.from(found.data) };
    case 'source': {
      const bytes = await found.version.prepared.version.tree.read(found.source);
      if (bytes) return { status: 200, type: contentType(found.source), body: bytes };
      break;
    }
    case 'slash':
      return { status: 301, type: HTML_TYPE, body: '', location: `${ctx.basePath}${encodePath(outputPath)}/` };
  }
  return notFound(ctx, site, outputPath);
}

/** The site's `404.html` when the build makes one, else a plain page; status 404 either way. */
export function notFound(ctx: DevContext, site: DevSite | undefined, requested: string): DevResponse {
  const custom = site?.lookup('404.html');
  const html =
    custom?.kind === 'data'
      ? Buffer.from(custom.data).toString('utf8')
      : plainPage('Page not found', [`Nothing is published at ${ctx.basePath}${requested}.`, { text: 'Go to the documentation home', href: ctx.basePath }]);
  const overlay = overlayHtml([...(site?.errors ?? []), ...(site?.themeErrors ?? []), ...ctx.failure], () => undefined);
  const document = finishDocument(html, overlay, ctx.basePath);
  return { status: 404, type: HTML_TYPE, body: document.html, stamp: document.stamp };
}

/** Every page while the site cannot be loaded: the reasons, and a reload once a change fixes them. */
function failurePage(ctx: DevContext): DevResponse {
  const html = plainPage('The site could not be loaded', ['Strata found errors in the configuration or the versions of this site. Fix them and save: this page reloads by itself.']);
  const document = finishDocument(html, overlayHtml(ctx.failure, () => undefined), ctx.basePath);
  return { status: 500, type: HTML_TYPE, body: document.html, stamp: document.stamp };
}

function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

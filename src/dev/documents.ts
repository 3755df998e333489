import { createHash } from 'node:crypto';
import { DEV_PREFIX } from './request-path.js';
import { escapeHtml } from './overlay.js';

/** The browser side of the dev server, compiled from src/client/dev-client.ts. */
export const CLIENT_SCRIPT = 'dev-client.js';
export const CLIENT_SCRIPT_URL = new URL('../../lib/client/dev-client.js', import.meta.url);
export const EVENTS_ENDPOINT = 'events';

/** A served HTML document with its stamp (what the browser reports back when it connects for live reload). */
export interface FinishedDocument {
  html: Buffer;
  stamp: string;
}

/**
 * Adds the dev extras to a document: the error overlay and the live-reload
 * client, before `</body>`. The client is an external script (no inline
 * code a theme's CSP or markup could break), a module like Strata's other
 * scripts, and carries the document's stamp.
 */
export function finishDocument(html: string, overlay: string, basePath: string): FinishedDocument {
  const withOverlay = overlay ? beforeBodyEnd(html, overlay) : html;
  const stamp = createHash('sha1').update(withOverlay).digest('hex').slice(0, 16);
  const base = escapeHtml(basePath + DEV_PREFIX);
  const script = `<script type="module" src="${base}${CLIENT_SCRIPT}" data-strata-dev data-events="${base}${EVENTS_ENDPOINT}" data-stamp="${stamp}"></script>`;
  return { html: Buffer.from(beforeBodyEnd(withOverlay, script)), stamp };
}

function beforeBodyEnd(html: string, insert: string): string {
  const at = html.toLowerCase().lastIndexOf('</body>');
  return at === -1 ? `${html}${insert}` : html.slice(0, at) + insert + html.slice(at);
}

/** A plain page, for when the site has no page to show (404) or none at all (the site failed to load). */
export function plainPage(title: string, paragraphs: ReadonlyArray<string | { text: string; href: string }>): string {
  const body = paragraphs.map((p) => (typeof p === 'string' ? `<p>${escapeHtml(p)}</p>` : `<p><a href="${escapeHtml(p.href)}">${escapeHtml(p.text)}</a></p>`)).join('');
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>` +
    `<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}h1{font-size:1.6rem}</style></head>` +
    `<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>\n`
  );
}

import { LATEST_FOLDER } from './page-document.js';
import type { PreparedVersion } from './prepare-version.js';

/** Files at the root of the output: where readers land, and what the switcher reads at runtime. */
export function rootFiles(prepared: readonly PreparedVersion[]): Array<{ path: string; data: string }> {
  const latest = prepared.find((p) => p.version.latest);
  return [
    { path: 'index.html', data: redirectPage(latest ? `${LATEST_FOLDER}/` : `${prepared[0]?.version.name ?? ''}/`) },
    { path: 'versions.json', data: versionsJson(prepared) },
  ];
}

/** `versions.json` in mike's format (`version`, `title`, `aliases`), plus each version's status. */
export function versionsJson(versions: readonly PreparedVersion[]): string {
  const entries = versions.map(({ version }) => ({
    version: version.name,
    title: version.label,
    aliases: version.latest ? ['latest'] : [],
    status: version.status,
  }));
  return `${JSON.stringify(entries, null, 2)}\n`;
}

/** `<version>/strata-pages.json`: the page list the browser switcher uses for versions it learns at runtime. */
export function pagesJson(prepared: PreparedVersion): string {
  return `${JSON.stringify({ pages: [...prepared.switcher.pages].sort(), aliases: Object.fromEntries([...prepared.switcher.aliases].sort()) })}\n`;
}

/** A page that sends readers on: meta refresh for static hosts, canonical for crawlers. */
export function redirectPage(target: string, canonical = target): string {
  const to = escapeAttribute(target);
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Redirecting…</title>` +
    `<meta http-equiv="refresh" content="0; url=${to}"><link rel="canonical" href="${escapeAttribute(canonical)}"><meta name="robots" content="noindex">` +
    `</head><body><p>Redirecting to <a href="${to}">${escapeText(target)}</a>…</p></body></html>\n`
  );
}

function escapeAttribute(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

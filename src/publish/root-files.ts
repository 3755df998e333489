import { redirectPage } from '../build/site-files.js';
import { parseBaseUrl } from './base-url.js';
import type { SiteManifest, VersionManifest } from './manifest.js';
import { redirectsFile } from './redirects-file.js';
import { robotsTxt } from './robots.js';
import { sitemapIndexXml } from './sitemap.js';

/** The folder the latest version is copied to, under stable URLs. */
const LATEST = 'latest';

/**
 * Files at the root of the output that depend on which versions the site
 * has: where readers land (`index.html`), what the switcher reads at runtime
 * (`versions.json`), the sitemap index, `robots.txt`, `_redirects` and
 * `.nojekyll` (GitHub Pages would otherwise skip folders starting with `_`).
 * Made from the versions' manifests only, so `strata merge` makes exactly what
 * a full build makes.
 */
export function siteRootFiles(site: SiteManifest, versions: readonly VersionManifest[]): Array<{ path: string; data: string }> {
  const byName = new Map(versions.map((v) => [v.version, v]));
  const ordered = site.versions.map((v) => byName.get(v.name)).filter((v): v is VersionManifest => v !== undefined);
  const latest = site.versions.find((v) => v.latest);
  const parsed = parseBaseUrl(site.baseUrl);
  const base = parsed.ok ? parsed.base : { href: site.baseUrl, path: site.baseUrl, origin: undefined };
  const files = [
    { path: '.nojekyll', data: '' },
    { path: 'index.html', data: redirectPage(latest ? `${LATEST}/` : `${site.versions[0]?.name ?? ''}/`) },
    { path: 'versions.json', data: versionsJson(site) },
  ];
  const sitemaps = ordered.flatMap((v) => v.sitemaps);
  const index = sitemaps.length && base.origin ? `${base.href}sitemap.xml` : undefined;
  if (index) files.push({ path: 'sitemap.xml', data: sitemapIndexXml(sitemaps.map((s) => ({ loc: base.href + encodeURI(s.path), lastmod: s.lastmod }))) });
  files.push({ path: 'robots.txt', data: robotsTxt(index) });
  if (site.redirectsFile) files.push({ path: '_redirects', data: redirectsFile(base.path, ordered.flatMap((v) => v.redirects)) });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** `versions.json` in mike's format (`version`, `title`, `aliases`), plus each version's status. */
export function versionsJson(site: SiteManifest): string {
  const entries = site.versions.map((v) => ({ version: v.name, title: v.label, aliases: v.latest ? [LATEST] : [], status: v.status }));
  return `${JSON.stringify(entries, null, 2)}\n`;
}

/**
 * Sitemaps in the sitemaps.org 0.9 format: one per version, and an index at
 * the root listing them. Locations must be absolute URLs, so sitemaps are
 * written only when the base URL names a host.
 */

/** The protocol's limit of URLs per sitemap file. */
export const SITEMAP_LIMIT = 50_000;

export interface SitemapUrl {
  /** Absolute URL, percent-encoded. */
  loc: string;
  /** `YYYY-MM-DD`, when known. */
  lastmod: string | undefined;
}

export function sitemapXml(urls: readonly SitemapUrl[]): string {
  const entries = urls.map((u) => `  <url><loc>${escapeXml(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>\n`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}</urlset>\n`;
}

export function sitemapIndexXml(sitemaps: readonly SitemapUrl[]): string {
  const entries = sitemaps.map((s) => `  <sitemap><loc>${escapeXml(s.loc)}</loc>${s.lastmod ? `<lastmod>${s.lastmod}</lastmod>` : ''}</sitemap>\n`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}</sitemapindex>\n`;
}

/** `sitemap.xml`, then `sitemap-2.xml`, … for a version with more URLs than one file may hold. */
export function chunkSitemap(folder: string, urls: readonly SitemapUrl[]): Array<{ path: string; urls: SitemapUrl[] }> {
  const out: Array<{ path: string; urls: SitemapUrl[] }> = [];
  for (let i = 0; i < urls.length; i += SITEMAP_LIMIT) {
    const n = i / SITEMAP_LIMIT + 1;
    out.push({ path: `${folder}/${n === 1 ? 'sitemap.xml' : `sitemap-${n}.xml`}`, urls: urls.slice(i, i + SITEMAP_LIMIT) });
  }
  return out;
}

/** The newest of some `YYYY-MM-DD` dates. */
export function newest(dates: Iterable<string | undefined>): string | undefined {
  let best: string | undefined;
  for (const d of dates) if (d !== undefined && (best === undefined || d > best)) best = d;
  return best;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

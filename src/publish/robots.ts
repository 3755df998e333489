/**
 * `robots.txt`: everything may be crawled (unmaintained versions carry
 * `noindex` in their pages instead, which crawlers only see when allowed in),
 * and where the sitemap index is. Crawlers read it only at the root of a host;
 * under a base path, copy its `Sitemap:` line into the host's own robots.txt.
 */
export function robotsTxt(sitemapIndex: string | undefined): string {
  return `User-agent: *\nDisallow:\n${sitemapIndex ? `\nSitemap: ${sitemapIndex}\n` : ''}`;
}

import type { StrataConfig } from '../config/schema.js';
import { LATEST_FOLDER, versionFolders } from '../build/page-document.js';
import type { PreparedVersion } from '../build/prepare-version.js';
import { switchTarget } from '../versions/switcher-targets.js';
import { publicUrl, type BaseUrl } from './base-url.js';
import { lastModified } from './lastmod.js';
import { MANIFEST_FILE, serializeManifest, type SiteManifest, type SitemapEntry, type VersionManifest } from './manifest.js';
import { chunkSitemap, newest, sitemapXml, type SitemapUrl } from './sitemap.js';

export interface PublishContext {
  siteDir: string;
  config: StrataConfig;
  base: BaseUrl;
  site: SiteManifest;
  /** Every version of the site, newest first. */
  all: readonly PreparedVersion[];
}

/** What the whole site shares, from the config and every version it defines. */
export function siteManifest(base: BaseUrl, config: StrataConfig, all: readonly PreparedVersion[]): SiteManifest {
  return {
    baseUrl: base.href,
    redirectsFile: config.redirectsFile,
    versions: all.map(({ version }) => ({ name: version.name, label: version.label, status: version.status, latest: version.latest })),
  };
}

/**
 * The files a version adds for publishing: its sitemap(s) and its manifest
 * (`<version>/strata-version.json`), which `strata merge` reads.
 *
 * A version's sitemap lists the pages whose canonical URL is in that version:
 * every page of the latest version (under `latest/`), and the pages of other
 * versions that the latest version does not have. So each URL of the site
 * appears once, as its canonical form. Unmaintained versions have none (their
 * pages are `noindex`); without a host in the base URL there are none at all.
 */
export async function versionPublishFiles(prepared: PreparedVersion, ctx: PublishContext): Promise<{ files: Array<{ path: string; data: string }>; manifest: VersionManifest }> {
  const { version } = prepared;
  const files: Array<{ path: string; data: string }> = [];
  const sitemaps: SitemapEntry[] = [];
  if (ctx.base.origin !== undefined && version.status !== 'unmaintained') {
    const latest = ctx.all.find((v) => v.version.latest);
    const folder = version.latest ? LATEST_FOLDER : version.name;
    const pages = version.latest || !latest ? prepared.pages : prepared.pages.filter((p) => !switchTarget(p.url, p.aliases, latest.switcher).samePage);
    if (pages.length) {
      const dates = await lastModified(version.tree, ctx.siteDir, ctx.config.contentDir);
      const urls: SitemapUrl[] = [...pages]
        .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
        .map((p) => ({ loc: publicUrl(ctx.base, `${folder}${p.url}`), lastmod: dates.get(p.source) }));
      for (const chunk of chunkSitemap(folder, urls)) {
        files.push({ path: chunk.path, data: sitemapXml(chunk.urls) });
        sitemaps.push({ path: chunk.path, lastmod: newest(chunk.urls.map((u) => u.lastmod)) });
      }
    }
  }
  const redirects: Array<[string, string]> = [];
  for (const folder of versionFolders(prepared)) {
    for (const [alias, target] of prepared.switcher.aliases) if (!prepared.byUrl.has(alias)) redirects.push([`/${folder}${alias}`, `/${folder}${target}`]);
  }
  redirects.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const manifest: VersionManifest = { site: ctx.site, version: version.name, folders: versionFolders(prepared), sitemaps, redirects };
  files.push({ path: `${version.name}/${MANIFEST_FILE}`, data: serializeManifest(manifest) });
  return { files, manifest };
}

import { relativeUrl } from '../links/urls.js';
import type { SiteLayoutInfo } from './layout-page.js';
import type { PreparedVersion } from './prepare-version.js';
import { pagesJson, redirectPage } from './site-files.js';

/** A file of the output other than a page: read from the version's tree, or generated. */
export type OutputFile = { path: string; source: string } | { path: string; data: string };

/**
 * Everything a version folder holds besides its pages: static files and
 * content assets, the page list for the switcher, and a redirect page at each
 * old URL (front matter `aliases`) of a page.
 */
export function versionFiles(prepared: PreparedVersion, site: SiteLayoutInfo, folder: string): OutputFile[] {
  const out: OutputFile[] = prepared.files.map((file) => ({ path: `${folder}/${file.output}`, source: file.source }));
  out.push({ path: `${folder}/strata-pages.json`, data: pagesJson(prepared) });
  for (const [alias, target] of prepared.switcher.aliases) {
    if (prepared.byUrl.has(alias)) continue;
    out.push({ path: `${folder}${alias}index.html`, data: redirectPage(relativeUrl(alias, target), site.urlOf(`/${folder}${target}`)) });
  }
  return out;
}

import type { VersionLink } from '../theme/contract.js';
import { switchTarget } from '../versions/switcher-targets.js';
import type { Root } from 'hast';
import { serializeHtml } from '../html/serialize.js';
import { layoutTree, type SiteLayoutInfo, type VersionLayoutInfo } from './layout-page.js';
import type { PreparedVersion } from './prepare-version.js';
import type { RenderedPage } from './render-page.js';

/** The output folder of the latest version's second copy, under stable URLs. */
export const LATEST_FOLDER = 'latest';

/** Where a version is written: its own folder, and `latest/` too for the latest one. */
export function versionFolders(prepared: PreparedVersion): string[] {
  return prepared.version.latest ? [prepared.version.name, LATEST_FOLDER] : [prepared.version.name];
}

/** A rendered page laid out as a whole document for one of its version's output folders. */
export function pageDocument(rendered: RenderedPage, prepared: PreparedVersion, all: readonly PreparedVersion[], site: SiteLayoutInfo, folder: string): string {
  return serializeHtml(pageDocumentTree(rendered, prepared, all, site, folder));
}

/** The same document as a tree, before serialisation. */
export function pageDocumentTree(rendered: RenderedPage, prepared: PreparedVersion, all: readonly PreparedVersion[], site: SiteLayoutInfo, folder: string): Root {
  const { page } = rendered;
  const { version } = prepared;
  return layoutTree(rendered, versionLayoutInfo(prepared, folder), site, {
    versions: versionLinks(page.url, page.aliases, prepared, all, folder === LATEST_FOLDER),
    canonical: canonicalPath(page.url, page.aliases, all.find((v) => v.version.latest)),
    noindex: version.status === 'unmaintained',
  });
}

/** What the layout stage knows of a version, for one of its output folders. */
export function versionLayoutInfo(prepared: PreparedVersion, folder: string): VersionLayoutInfo {
  const { version } = prepared;
  return {
    name: version.name,
    label: version.label,
    status: version.status,
    latest: version.latest,
    alias: folder === LATEST_FOLDER ? LATEST_FOLDER : undefined,
    folder,
    nav: prepared.nav,
    order: prepared.order,
    orderIndex: prepared.orderIndex,
    byUrl: prepared.byUrl,
    navByUrl: prepared.navByUrl,
    navParent: prepared.navParent,
  };
}

/** The switcher's entries for one page: every version, linking to the same page or its fallback there. */
function versionLinks(url: string, aliases: readonly string[], own: PreparedVersion, all: readonly PreparedVersion[], inLatestFolder: boolean): Array<Omit<VersionLink, 'href'> & { target: string }> {
  return all.map((other) => {
    const { version } = other;
    const found = other === own ? { url, samePage: true } : switchTarget(url, aliases, other.switcher);
    const folder = version.latest ? LATEST_FOLDER : version.name;
    return {
      name: version.name,
      label: version.label,
      status: version.status,
      latest: version.latest,
      current: other === own,
      samePage: found.samePage,
      // Inside `latest/` the current entry stays in `latest/`; elsewhere the latest version is reached through `latest/` too.
      target: `/${other === own && !inLatestFolder ? version.name : folder}${found.url}`,
    };
  });
}

/** The page under `latest/` when it exists there (by path or alias); undefined means the page itself. */
function canonicalPath(url: string, aliases: readonly string[], latest: PreparedVersion | undefined): string | undefined {
  if (!latest) return undefined;
  const found = switchTarget(url, aliases, latest.switcher);
  return found.samePage ? `/${LATEST_FOLDER}${found.url}` : undefined;
}

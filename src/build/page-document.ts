import { switchTarget } from '../versions/switcher-targets.js';
import type { Root } from 'hast';
import { serializeHtml } from '../html/serialize.js';
import { layoutTree, type LayoutExtras, type SiteLayoutInfo, type VersionLayoutInfo } from './layout-page.js';
import type { PreparedVersion } from './prepare-version.js';
import type { RenderedPage } from './render-page.js';

/** The output folder of the latest version's second copy, under stable URLs. */
export const LATEST_FOLDER = 'latest';

/** Where a version is written: its own folder, and `latest/` too for the latest one. */
export function versionFolders(prepared: PreparedVersion): string[] {
  return prepared.version.latest ? [prepared.version.name, LATEST_FOLDER] : [prepared.version.name];
}

/**
 * A rendered page laid out as a whole document. It is the same in each of
 * its version's output folders (`1.17.x/` and `latest/`): every link in it is
 * relative, and the switcher's entry for the page itself leads to the page
 * itself. So `latest/` is a plain copy, laid out once.
 */
export function pageDocument(rendered: RenderedPage, prepared: PreparedVersion, all: readonly PreparedVersion[], site: SiteLayoutInfo): string {
  return serializeHtml(pageDocumentTree(rendered, prepared, all, site));
}

/** The same document as a tree, before serialisation. */
export function pageDocumentTree(rendered: RenderedPage, prepared: PreparedVersion, all: readonly PreparedVersion[], site: SiteLayoutInfo): Root {
  const { page } = rendered;
  const { version } = prepared;
  return layoutTree(rendered, versionLayoutInfo(prepared), site, {
    versions: versionLinks(page.url, page.aliases, prepared, all),
    canonical: canonicalPath(page.url, page.aliases, all.find((v) => v.version.latest)),
    noindex: version.status === 'unmaintained',
  });
}

/** What the layout stage knows of a version. */
export function versionLayoutInfo(prepared: PreparedVersion): VersionLayoutInfo {
  const { version } = prepared;
  return {
    name: version.name,
    label: version.label,
    status: version.status,
    latest: version.latest,
    alias: version.latest ? LATEST_FOLDER : undefined,
    nav: prepared.nav,
    order: prepared.order,
    orderIndex: prepared.orderIndex,
    byUrl: prepared.byUrl,
    navByUrl: prepared.navByUrl,
    navParent: prepared.navParent,
  };
}

/** The switcher's entries for one page: every version, linking to the same page or its fallback there. */
function versionLinks(url: string, aliases: readonly string[], own: PreparedVersion, all: readonly PreparedVersion[]): LayoutExtras['versions'] {
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
      // The page itself stays in whichever folder it is read from; the latest version is reached through `latest/`.
      target: other === own ? undefined : `/${folder}${found.url}`,
    };
  });
}

/** The page under `latest/` when it exists there (by path or alias); undefined means the page itself. */
function canonicalPath(url: string, aliases: readonly string[], latest: PreparedVersion | undefined): string | undefined {
  if (!latest) return undefined;
  const found = switchTarget(url, aliases, latest.switcher);
  return found.samePage ? `/${LATEST_FOLDER}${found.url}` : undefined;
}

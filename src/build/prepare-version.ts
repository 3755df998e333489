import type { StrataConfig } from '../config/schema.js';
import { loadDataFiles } from '../content/data-files.js';
import { discoverPages, outsideRoot, type DiscoverOptions } from '../content/discover.js';
import type { PageRecord } from '../content/page.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { PageIndex } from '../links/page-index.js';
import { buildNavTree, readingOrder, type NavNode } from '../nav/nav-tree.js';
import type { ShortcodeSite } from '../shortcodes/definition.js';
import type { Version } from '../versions/resolve-versions.js';
import type { VersionPages } from '../versions/switcher-targets.js';

/** What discovery reads from a version's tree: plain data, cheap to send to a worker thread. */
export interface DiscoveredVersion {
  pages: PageRecord[];
  /** Files copied as they are: tree path → output path inside the version folder. */
  files: Array<{ source: string; output: string }>;
  /** The version's `data/` files, for shortcodes. */
  data: ShortcodeSite['data'];
  diagnostics: Diagnostic[];
}

/** A version after discovery, with what is derived from it: everything known before any page is rendered. */
export interface PreparedVersion extends DiscoveredVersion {
  version: Version;
  byUrl: Map<string, PageRecord>;
  index: PageIndex;
  nav: NavNode | undefined;
  order: PageRecord[];
  orderIndex: Map<string, number>;
  navByUrl: Map<string, NavNode>;
  navParent: Map<string, NavNode>;
  switcher: VersionPages;
}

/** What a build adds to a version's discovery: the last build's records, and decoding front matter only. */
export type VersionDiscovery = Pick<DiscoverOptions, 'cache' | 'headsOnly'>;

/** Stage 1 for one version: reads its pages (front matter), files and data. */
export async function discoverVersion(version: Version, config: StrataConfig, drafts: boolean, options: VersionDiscovery = {}): Promise<DiscoveredVersion> {
  const { tree } = version;
  const discovery = await discoverPages(tree, { contentDir: config.contentDir, drafts, ignoreFiles: config.ignoreFiles, ...options });
  const data = await loadDataFiles(tree);
  const listed = [
    ...(await tree.list(config.staticDir)).map((source) => ({ source, output: source.slice(config.staticDir.length + 1) })),
    ...discovery.assets.map((source) => ({ source, output: source.slice(config.contentDir.length + 1) })),
  ];
  const outside = await Promise.all(listed.map(async (file) => (await tree.kind(file.source)) === 'outside'));
  const files = listed.filter((_, i) => !outside[i]);
  const skipped = listed.filter((_, i) => outside[i]).map((file) => outsideRoot(tree.displayPrefix + file.source));
  return { pages: discovery.pages, files, data: data.data, diagnostics: [...discovery.diagnostics, ...skipped, ...data.diagnostics] };
}

/** Nav, link index and switcher data of a discovered version. Pure, so a worker rebuilds it from the same data. */
export function deriveVersion(version: Version, discovered: DiscoveredVersion): PreparedVersion {
  const { pages, files } = discovered;
  const index = new PageIndex();
  for (const page of pages) index.addPage(page.url, page.source, page.aliases);
  for (const file of files) index.addFile(`/${file.output}`);
  const nav = buildNavTree(pages);
  const order = readingOrder(nav);
  const navByUrl = new Map<string, NavNode>();
  const navParent = new Map<string, NavNode>();
  const indexNav = (node: NavNode): void => {
    navByUrl.set(node.page.url, node);
    for (const child of node.children) navParent.set(child.page.url, node);
    node.children.forEach(indexNav);
  };
  if (nav) indexNav(nav);
  const aliases = new Map<string, string>();
  for (const page of pages) for (const alias of page.aliases) if (!aliases.has(alias)) aliases.set(alias, page.url);
  return {
    ...discovered,
    version,
    byUrl: new Map(pages.map((p) => [p.url, p])),
    index,
    nav,
    order,
    orderIndex: new Map(order.map((p, i) => [p.url, i])),
    navByUrl,
    navParent,
    switcher: { name: version.name, pages: new Set(pages.map((p) => p.url)), aliases },
  };
}

export async function prepareVersion(version: Version, config: StrataConfig, drafts: boolean, options: VersionDiscovery = {}): Promise<PreparedVersion> {
  return deriveVersion(version, await discoverVersion(version, config, drafts, options));
}

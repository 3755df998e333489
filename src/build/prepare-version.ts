import type { StrataConfig } from '../config/schema.js';
import { discoverPages } from '../content/discover.js';
import type { PageRecord } from '../content/page.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { PageIndex } from '../links/page-index.js';
import { buildNavTree, readingOrder, type NavNode } from '../nav/nav-tree.js';
import { loadDataFiles } from '../content/data-files.js';
import type { ShortcodeSite } from '../shortcodes/definition.js';
import type { Version } from '../versions/resolve-versions.js';
import type { VersionPages } from '../versions/switcher-targets.js';

/** A version after discovery: everything known before any page is rendered. */
export interface PreparedVersion {
  version: Version;
  pages: PageRecord[];
  byUrl: Map<string, PageRecord>;
  index: PageIndex;
  /** Files copied as they are: tree path → output path inside the version folder. */
  files: Array<{ source: string; output: string }>;
  nav: NavNode | undefined;
  order: PageRecord[];
  orderIndex: Map<string, number>;
  navByUrl: Map<string, NavNode>;
  switcher: VersionPages;
  /** The version's `data/` files, for shortcodes. */
  data: ShortcodeSite['data'];
  diagnostics: Diagnostic[];
}

/** Stage 1 for one version: its pages, files, nav and link index. Cheap: no rendering. */
export async function prepareVersion(version: Version, config: StrataConfig, drafts: boolean): Promise<PreparedVersion> {
  const { tree } = version;
  const discovery = await discoverPages(tree, { contentDir: config.contentDir, drafts, ignoreFiles: config.ignoreFiles });
  const data = await loadDataFiles(tree);
  const files = [
    ...(await tree.list(config.staticDir)).map((source) => ({ source, output: source.slice(config.staticDir.length + 1) })),
    ...discovery.assets.map((source) => ({ source, output: source.slice(config.contentDir.length + 1) })),
  ];
  const index = new PageIndex();
  for (const page of discovery.pages) index.addPage(page.url, page.source, page.aliases);
  for (const file of files) index.addFile(`/${file.output}`);
  const nav = buildNavTree(discovery.pages);
  const order = readingOrder(nav);
  const navByUrl = new Map<string, NavNode>();
  const indexNav = (node: NavNode): void => {
    navByUrl.set(node.page.url, node);
    node.children.forEach(indexNav);
  };
  if (nav) indexNav(nav);
  const aliases = new Map<string, string>();
  for (const page of discovery.pages) for (const alias of page.aliases) if (!aliases.has(alias)) aliases.set(alias, page.url);
  return {
    version,
    pages: discovery.pages,
    byUrl: new Map(discovery.pages.map((p) => [p.url, p])),
    index,
    files,
    nav,
    order,
    orderIndex: new Map(order.map((p, i) => [p.url, i])),
    navByUrl,
    switcher: { name: version.name, pages: new Set(discovery.pages.map((p) => p.url)), aliases },
    data: data.data,
    diagnostics: [...discovery.diagnostics, ...data.diagnostics],
  };
}

import type { ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { PageRecord } from '../content/page.js';
import { relativeUrl } from '../links/urls.js';
import { ancestorsOf, type NavNode } from '../nav/nav-tree.js';
import type { LayoutContext, NavItem, VersionLink } from '../theme/contract.js';
import type { Theme } from '../theme/load-theme.js';
import type { RenderedPage } from './render-page.js';

/** What the layout stage knows about the version a page belongs to. */
export interface VersionLayoutInfo {
  name: string;
  label: string;
  status: VersionLink['status'];
  latest: boolean;
  /** Set when laying out the `latest/` copy. */
  alias: string | undefined;
  /** Folder of this version in the output (`1.17.x` or `latest`). */
  folder: string;
  nav: NavNode | undefined;
  order: PageRecord[];
  byUrl: ReadonlyMap<string, PageRecord>;
}

export interface SiteLayoutInfo {
  title: string;
  description: string;
  editUrl: string | undefined;
  /** Theme asset name → hashed output path under the output root (`assets/style.1a2b3c4d.css`). */
  assets: ReadonlyMap<string, string>;
  theme: Theme;
  /** Absolute base URL, when the site has one (for canonical links). */
  absoluteBase: string | undefined;
  /** Date of the last commit of each source file (`content/a.md` → ISO 8601), when the site is in git. */
  lastModified?: ReadonlyMap<string, string>;
}

export interface LayoutExtras {
  versions: VersionLink[];
  canonical: string | undefined;
  noindex: boolean;
}

/** Stage 6: the theme wraps a rendered body in a whole document; the result is serialised once. */
export function layoutPage(rendered: RenderedPage, version: VersionLayoutInfo, site: SiteLayoutInfo, extras: LayoutExtras): string {
  const { page } = rendered;
  const pageUrl = page.url;
  // Relative path from this page's folder to the output root: one `../` per URL segment, plus the version folder.
  const root = '../'.repeat(pageUrl.split('/').filter(Boolean).length + 1);
  const href = (url: string) => relativeUrl(pageUrl, url);
  // Ancestors come from the tree (a page's folder), not from its URL, which `url` front matter can change;
  // pages left out of the tree (hidden) fall back to the sections their URL sits in.
  const trail = version.nav ? pathTo(version.nav, pageUrl) : [];
  const ancestors = trail.length ? trail.slice(0, -1).map((n) => n.page) : ancestorsOf(pageUrl, version.byUrl);
  const open = new Set(ancestors.map((p) => p.url));
  const toItem = (node: NavNode): NavItem => navItem(node, pageUrl, href, open);
  const navRoot = version.nav ? toItem(version.nav) : undefined;
  const index = version.order.findIndex((p) => p.url === pageUrl);
  const item = (p: PageRecord | undefined) => (p ? navItem({ page: p, children: [] }, pageUrl, href, open) : undefined);
  const layouts = site.theme.layouts;

  const ctx: LayoutContext = {
    h,
    site: { title: site.title, description: site.description, editUrl: site.editUrl },
    version: { name: version.name, label: version.label, status: version.status, latest: version.latest, alias: version.alias },
    page: {
      url: pageUrl,
      title: page.title,
      description: page.description,
      kind: page.kind,
      params: page.frontMatter.params,
      source: page.source,
      editUrl: site.editUrl ? editLink(site.editUrl, page.file) : undefined,
      lastUpdated: site.lastModified?.get(page.file),
    },
    content: rendered.body,
    toc: rendered.headings.filter((e) => e.depth === 2 || e.depth === 3),
    nav: navRoot ? [{ ...navRoot, children: [] }, ...navRoot.children] : [],
    breadcrumbs: ancestors.map((p) => item(p) as NavItem),
    children: findNode(navRoot, pageUrl)?.children ?? [],
    previous: index > 0 ? item(version.order[index - 1]) : undefined,
    next: index !== -1 ? item(version.order[index + 1]) : undefined,
    versions: extras.versions,
    href,
    asset: (name) => {
      const hashed = site.assets.get(name);
      return hashed === undefined ? `${root}assets/${name}` : root + hashed;
    },
    root,
    canonical: extras.canonical,
    noindex: extras.noindex,
    partial: (name, props) => {
      const layout = layouts.get(name);
      if (!layout) throw new Error(`layout \`${name}\` not found`);
      const out = layout(ctx, props);
      return isRoot(out) ? (out.children as ElementContent[]) : out;
    },
  };
  const layout = layouts.get('page');
  if (!layout) throw new Error('the theme has no page layout');
  const out = layout(ctx);
  const tree: Root = isRoot(out) ? out : { type: 'root', children: Array.isArray(out) ? out : [out] };
  return toHtml(tree, { allowDangerousHtml: false });
}

/** `https://github.com/org/docs/edit/main` + `content/a b.md` → `…/main/content/a%20b.md`. */
function editLink(prefix: string, file: string): string {
  return prefix.replace(/\/?$/, '/') + file.split('/').map(encodeURIComponent).join('/');
}

function navItem(node: NavNode, pageUrl: string, href: (url: string) => string, open: ReadonlySet<string>): NavItem {
  const { page } = node;
  return {
    title: page.linkTitle,
    url: page.url,
    href: href(page.url),
    kind: page.kind,
    description: page.description,
    current: page.url === pageUrl,
    open: page.url !== pageUrl && open.has(page.url),
    children: node.children.map((c) => navItem(c, pageUrl, href, open)),
  };
}

/** The nodes from the root down to the page at `url` (inclusive), or none when it is not in the tree. */
function pathTo(node: NavNode, url: string): NavNode[] {
  if (node.page.url === url) return [node];
  for (const child of node.children) {
    const found = pathTo(child, url);
    if (found.length) return [node, ...found];
  }
  return [];
}

function findNode(item: NavItem | undefined, url: string): NavItem | undefined {
  if (!item) return undefined;
  if (item.url === url) return item;
  for (const child of item.children) {
    const found = findNode(child, url);
    if (found) return found;
  }
  return undefined;
}

function isRoot(value: unknown): value is Root {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && (value as { type?: string }).type === 'root';
}

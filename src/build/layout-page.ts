import type { ElementContent, Root } from 'hast';
import { h } from '../html/h.js';
import { serializeHtml } from '../html/serialize.js';
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
  /** `latest` for the latest version (its folder has a copy there). */
  alias: string | undefined;
  nav: NavNode | undefined;
  order: PageRecord[];
  /** Position of each page in `order`, by URL. */
  orderIndex: ReadonlyMap<string, number>;
  byUrl: ReadonlyMap<string, PageRecord>;
  navByUrl: ReadonlyMap<string, NavNode>;
  /** Each page's section in the nav tree, by URL. */
  navParent: ReadonlyMap<string, NavNode>;
}

export interface SiteLayoutInfo {
  title: string;
  description: string;
  editUrl: string | undefined;
  /** Theme asset name → hashed output path under the output root (`assets/style.1a2b3c4d.css`). */
  assets: ReadonlyMap<string, string>;
  theme: Theme;
  /** Whether the site has a search index. */
  search: boolean;
  /** Date of the last commit of each source file (`content/a.md` → ISO 8601), when the site is in git. */
  lastModified?: ReadonlyMap<string, string>;
  /** The public URL of an output path (`/latest/a/` → `https://docs.example.com/gloo/latest/a/`), for canonical links. */
  urlOf(outputPath: string): string;
}

export interface LayoutExtras {
  /** Switcher entries; `target` is an output path (`/1.16.x/a/`), made relative here; undefined for the page itself. */
  versions: Array<Omit<VersionLink, 'href'> & { target: string | undefined }>;
  /** Output path of the canonical page, when it is not this one. */
  canonical: string | undefined;
  noindex: boolean;
}

/** Stage 6: the theme wraps a rendered body in a whole document; the result is serialised once. */
export function layoutPage(rendered: RenderedPage, version: VersionLayoutInfo, site: SiteLayoutInfo, extras: LayoutExtras): string {
  return serializeHtml(layoutTree(rendered, version, site, extras));
}

/** The whole document as a tree, before it is serialised (the render threads scan it for the output check). */
export function layoutTree(rendered: RenderedPage, version: VersionLayoutInfo, site: SiteLayoutInfo, extras: LayoutExtras): Root {
  const { page } = rendered;
  const pageUrl = page.url;
  // Relative path from this page's folder to the output root: one `../` per URL segment, plus the version folder.
  const root = '../'.repeat(pageUrl.split('/').filter(Boolean).length + 1);
  const href = (url: string) => relativeUrl(pageUrl, url);
  // Ancestors come from the tree (a page's folder), not from its URL, which `url` front matter can change;
  // pages left out of the tree (hidden) fall back to the sections their URL sits in.
  const ancestors = version.navByUrl.has(pageUrl) ? trailOf(pageUrl, version) : ancestorsOf(pageUrl, version.byUrl);
  const open = new Set(ancestors.map((p) => p.url));
  const navRoot = version.nav ? navItem(version.nav, pageUrl, href, open, undefined, version.navByUrl.size <= FULL_NAV_LIMIT) : undefined;
  const index = version.orderIndex.get(pageUrl) ?? -1;
  const item = (p: PageRecord | undefined) => (p ? navItem({ page: p, children: [] }, pageUrl, href, open) : undefined);
  const own = version.navByUrl.get(pageUrl);
  const layouts = site.theme.layouts;

  const ctx: LayoutContext = {
    h,
    site: { title: site.title, description: site.description, editUrl: site.editUrl, search: site.search },
    version: { name: version.name, label: version.label, status: version.status, latest: version.latest, alias: version.alias },
    page: {
      url: pageUrl,
      title: page.title,
      description: page.description,
      kind: page.kind,
      params: page.frontMatter.params,
      source: page.source,
      aliases: page.aliases,
      features: rendered.features,
      editUrl: site.editUrl ? editLink(site.editUrl, page.file) : undefined,
      lastUpdated: site.lastModified?.get(page.file),
    },
    content: rendered.body,
    toc: rendered.headings.filter((e) => e.depth === 2 || e.depth === 3),
    nav: navRoot ? [{ ...navRoot, children: [] }, ...navRoot.children] : [],
    breadcrumbs: ancestors.map((p) => item(p) as NavItem),
    children: own ? own.children.map((c) => navItem({ page: c.page, children: [] }, pageUrl, href, open, c.children.length > 0)) : [],
    previous: index > 0 ? item(version.order[index - 1]) : undefined,
    next: index !== -1 ? item(version.order[index + 1]) : undefined,
    versions: extras.versions.map(({ target, ...v }) => ({ ...v, href: target === undefined ? href(pageUrl) : root + target.slice(1) })),
    href,
    asset: (name) => {
      const hashed = site.assets.get(name);
      return hashed === undefined ? `${root}assets/${name}` : root + hashed;
    },
    root,
    canonical: site.urlOf(extras.canonical ?? `/${version.name}${pageUrl}`),
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
  return isRoot(out) ? out : { type: 'root', children: Array.isArray(out) ? out : [out] };
}

/** Versions with up to this many pages get the whole nav tree in every page (collapsible without a page load). */
const FULL_NAV_LIMIT = 300;

/**
 * The nav as one page sees it. Up to FULL_NAV_LIMIT pages, the whole tree.
 * Above, it is pruned as MkDocs Material's `navigation.prune` does: the
 * home's children, and the children of the sections on the way to the page
 * (and of the page itself); other sections stay collapsed with `hasChildren`
 * set, so each page holds O(depth × siblings) items, not the whole site.
 */
function navItem(
  node: NavNode,
  pageUrl: string,
  href: (url: string) => string,
  ancestors: ReadonlySet<string>,
  hasChildren = node.children.length > 0,
  full = true,
): NavItem {
  const { page } = node;
  const current = page.url === pageUrl;
  const open = !current && ancestors.has(page.url);
  const expanded = full || current || open || page.kind === 'home';
  return {
    title: page.linkTitle,
    url: page.url,
    href: href(page.url),
    kind: page.kind,
    description: page.description,
    current,
    open,
    hasChildren,
    children: expanded ? node.children.map((c) => navItem(c, pageUrl, href, ancestors, undefined, full)) : [],
  };
}

/** The sections above a page in the nav tree, from the home down. */
function trailOf(url: string, version: VersionLayoutInfo): PageRecord[] {
  const out: PageRecord[] = [];
  for (let at = version.navParent.get(url); at; at = version.navParent.get(at.page.url)) out.unshift(at.page);
  return out;
}

/** `https://github.com/org/docs/edit/main` + `content/a b.md` → `…/main/content/a%20b.md`. */
function editLink(prefix: string, file: string): string {
  return prefix.replace(/\/?$/, '/') + file.split('/').map(encodeURIComponent).join('/');
}

function isRoot(value: unknown): value is Root {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && (value as { type?: string }).type === 'root';
}

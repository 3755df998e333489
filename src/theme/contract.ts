/**
 * The theme contract. A theme is a folder:
 *
 *   layouts/<name>.ts     functions from a LayoutContext to a hast tree (`page` is required;
 *                         `404`, optional, lays out 404.html, where hrefs and assets are absolute paths)
 *   assets/*.css|*.js     copied to `assets/` with a content hash in the name
 *   shortcodes/<name>.ts  the theme's own shortcodes
 *
 * Layouts build trees, never strings, so front matter text is escaped by
 * construction. A site overrides one layout by adding `layouts/<name>.ts`.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { h as hastscript } from 'hastscript';

export type { Element, ElementContent, Root };

export interface TocEntry {
  depth: number;
  id: string;
  text: string;
}

export interface NavItem {
  title: string;
  /** Site-relative URL in the version (`/operations/upgrading/`). */
  url: string;
  /** Relative href from the page being laid out. */
  href: string;
  kind: 'home' | 'section' | 'page';
  description: string;
  /** The page being laid out. */
  current: boolean;
  /** An ancestor section of the page being laid out. */
  open: boolean;
  /** Whether the section has pages below it, even when `children` is left empty (collapsed). */
  hasChildren: boolean;
  /** Sub-items; filled for the home, the current page and its ancestors only. */
  children: NavItem[];
}

export interface VersionLink {
  name: string;
  label: string;
  status: 'maintained' | 'unmaintained' | 'prerelease';
  latest: boolean;
  current: boolean;
  /** Relative href to the same page in that version, or its nearest fallback. */
  href: string;
  /** Whether `href` is the same page (not a fallback). */
  samePage: boolean;
}

export interface LayoutContext {
  /** hastscript's `h` (through `src/html/h.ts`, which makes the same trees faster), so themes need no dependencies of their own. */
  h: typeof hastscript;
  /** `search`: whether the site has a search index (the config's `search`). */
  site: { title: string; description: string; editUrl: string | undefined; search: boolean };
  version: { name: string; label: string; status: VersionLink['status']; latest: boolean; alias: string | undefined };
  page: {
    url: string;
    title: string;
    description: string;
    kind: 'home' | 'section' | 'page';
    /** Front matter as written. */
    params: Readonly<Record<string, unknown>>;
    source: string;
    /** Old URLs of the page (front matter `aliases`). */
    aliases: readonly string[];
    /** Browser features the page's shortcodes use (`tabs`, `mermaid`): include their assets on this page. */
    features: readonly string[];
    /** "Edit this page": the config's `editUrl` followed by the page's file, when `editUrl` is set. */
    editUrl: string | undefined;
    /** When the page's file was last committed (ISO 8601, from git), when known. */
    lastUpdated: string | undefined;
  };
  /** The rendered markdown body. */
  content: Root;
  toc: TocEntry[];
  nav: NavItem[];
  breadcrumbs: NavItem[];
  /** Children of a section page, for listing. */
  children: NavItem[];
  previous: NavItem | undefined;
  next: NavItem | undefined;
  versions: VersionLink[];
  /** Relative href from this page to a site-relative URL of the same version. */
  href(url: string): string;
  /** Relative href from this page to a theme asset (`style.css` → `../../assets/style.3f2a9c1b.css`). */
  asset(name: string): string;
  /** Relative path from this page to the root of the whole output (where `versions.json` is). */
  root: string;
  /** Canonical URL of the page (latest version where it exists). */
  canonical: string | undefined;
  noindex: boolean;
  /** Other layouts of the theme (and the site's overrides), to compose pages from parts. */
  partial(name: string, props?: Record<string, unknown>): ElementContent | ElementContent[];
}

export type Layout = (ctx: LayoutContext, props?: Record<string, unknown>) => Root | ElementContent | ElementContent[];

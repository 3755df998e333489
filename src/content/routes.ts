import type { FrontMatter } from './front-matter.js';

export type PageKind = 'home' | 'section' | 'page';

export interface Route {
  kind: PageKind;
  /** Site-relative URL with a trailing slash (`/operations/upgrading/faq/`). */
  url: string;
  /** URL of the section the page belongs to; undefined for the home page. */
  parent: string | undefined;
}

/**
 * Hugo's content conventions: `a/_index.md` is the section `/a/`, `a/index.md`
 * a leaf bundle `/a/`, `a/b.md` the page `/a/b/`; `slug` replaces the last
 * segment, `url` the whole path; paths are lower-cased and spaces become `-`
 * (Hugo's defaults).
 */
export function routeOf(contentPath: string, frontMatter: FrontMatter): Route {
  const parts = contentPath.split('/');
  const fileName = parts.pop() as string;
  const base = fileName.replace(/\.(md|markdown)$/i, '');
  const isSection = base === '_index';
  const isBundle = base === 'index';
  const segments = isSection || isBundle ? parts : [...parts, base];
  if (frontMatter.slug && !isSection && segments.length) segments[segments.length - 1] = frontMatter.slug;
  const url = frontMatter.url ? normaliseUrl(frontMatter.url) : toUrl(segments);
  const kind: PageKind = isSection ? (parts.length === 0 ? 'home' : 'section') : 'page';
  const parentSegments = isSection || isBundle ? parts.slice(0, -1) : parts;
  const parent = kind === 'home' ? undefined : toUrl(parentSegments);
  return { kind, url, parent };
}

function toUrl(segments: readonly string[]): string {
  const path = segments.map(urlize).filter(Boolean).join('/');
  return path ? `/${path}/` : '/';
}

function urlize(segment: string): string {
  return segment.trim().toLowerCase().replace(/\s+/g, '-');
}

/** Front matter `url`/`aliases`: leading and trailing slash, no `index.html`. */
export function normaliseUrl(url: string): string {
  let out = url.trim().replace(/\/index\.html?$/i, '/');
  if (!out.startsWith('/')) out = `/${out}`;
  if (!out.endsWith('/') && !/\.[a-z0-9]+$/i.test(out)) out = `${out}/`;
  return out.replace(/\/{2,}/g, '/');
}

import type { Element, Root } from 'hast';
import type { Point } from 'unist';
import { eachElement } from '../util/each-element.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { rules } from '../diagnostics/rules.js';
import type { PageIndex } from '../links/page-index.js';
import { isExternal, relativeUrl, resolvePath, safeDecode, splitUrl } from '../links/urls.js';
import type { LinkOrigin } from './restore-placeholders.js';

/** An internal link that survived rendering, for the anchor check that follows. */
export interface PageLink {
  kind: 'page' | 'file';
  /** Site-relative URL of the target. */
  url: string;
  fragment: string | undefined;
  place: { line: number; column: number };
}

/** Attributes that reference another resource, by element (a map: raw HTML may hold any tag, `<constructor>` too). */
const LINK_ATTRIBUTES = new Map<string, readonly string[]>(Object.entries({
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src'],
  source: ['src'],
  track: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  iframe: ['src'],
  embed: ['src'],
  script: ['src'],
  object: ['data'],
}));

export interface LinkContext {
  /** Site-relative URL of the page being rendered (`/ops/upgrade/`). */
  pageUrl: string;
  /** The page's content file (`content/ops/upgrade.md`), for links written to `.md` files. */
  source: string;
  file: string;
  index: PageIndex;
  placeOf(offset: number): Point;
  diagnostics: Diagnostic[];
}

/**
 * Resolves every internal link and asset reference of a page against the
 * version's pages and files, reports the ones that go nowhere, and rewrites
 * the rest as relative URLs (with the canonical trailing slash), so the
 * output works under any base path.
 */
export function rewriteLinks(tree: Root, ctx: LinkContext): PageLink[] {
  const links: PageLink[] = [];
  eachElement(tree, (node) => {
    const attributes = LINK_ATTRIBUTES.get(node.tagName);
    if (!attributes) return;
    for (const attribute of attributes) {
      const key = attribute === 'href' ? 'href' : attribute;
      const value = node.properties[key];
      if (typeof value !== 'string' || value === '') continue;
      const rewritten = rewriteOne(node, value, ctx, links);
      if (rewritten !== undefined) node.properties[key] = rewritten;
    }
  });
  return links;
}

function rewriteOne(node: Element, value: string, ctx: LinkContext, links: PageLink[]): string | undefined {
  if (isExternal(value)) return undefined;
  const place = placeOf(node, ctx);
  const { path, query, fragment } = splitUrl(value);
  if (path === '') {
    links.push({ kind: 'page', url: ctx.pageUrl, fragment: fragment === undefined ? undefined : safeDecode(fragment), place });
    return undefined;
  }
  const decoded = safeDecode(path);
  const target =
    /\.md$/i.test(decoded) && !decoded.startsWith('/') ? sourceTarget(decoded, ctx) : (ctx.index.resolve(resolvePath(ctx.pageUrl, decoded)) ?? besideSource(decoded, ctx));
  if (!target) {
    const wanted = resolvePath(ctx.pageUrl, decoded);
    ctx.diagnostics.push({
      severity: 'error',
      ruleId: rules.linkMissingPage,
      message: `link to \`${wanted}\` does not match a page or file of this version${ctx.index.suggestion(wanted)}`,
      file: ctx.file,
      place,
    });
    return undefined;
  }
  const decodedFragment = fragment === undefined ? undefined : safeDecode(fragment);
  links.push({ kind: target.kind, url: target.url, fragment: decodedFragment, place });
  if (target.url === ctx.pageUrl && fragment !== undefined && query === '') return `#${fragment}`;
  return relativeUrl(ctx.pageUrl, encodePath(target.url)) + query + (fragment === undefined ? '' : `#${fragment}`);
}

/** `../canary.md` written from `content/ops/upgrading/faq.md` → that page's URL. */
function sourceTarget(rel: string, ctx: LinkContext) {
  const dir = ctx.source.slice(0, ctx.source.lastIndexOf('/') + 1);
  const source = resolvePath(`/${dir}`, rel).slice(1);
  const url = ctx.index.pageOfSource(source);
  return url === undefined ? undefined : ({ kind: 'page', url } as const);
}

/**
 * `arch.png` written in `content/ops/legacy.md` means the file beside it
 * (`/ops/arch.png`), as editors and GitHub show it, though the page is served
 * one folder deeper (`/ops/legacy/`). Only files, and only from regular pages:
 * bundles (`index.md`, `_index.md`) are served from their own folder already.
 */
function besideSource(rel: string, ctx: LinkContext) {
  if (rel.startsWith('/') || /(^|\/)_?index\.(md|markdown)$/i.test(ctx.source) || ctx.pageUrl === '/') return undefined;
  const target = ctx.index.resolve(resolvePath(ctx.pageUrl.replace(/[^/]+\/$/, ''), rel));
  return target?.kind === 'file' ? target : undefined;
}

function placeOf(node: Element, ctx: LinkContext): { line: number; column: number } {
  const origin = (node.data as LinkOrigin | undefined)?.strataLinkOrigin;
  if (origin !== undefined) {
    const p = ctx.placeOf(origin);
    return { line: p.line, column: p.column };
  }
  const start = node.position?.start;
  return start ? { line: start.line, column: start.column } : { line: 1, column: 1 };
}

function encodePath(path: string): string {
  return encodeURI(path).replace(/#/g, '%23').replace(/\?/g, '%3F');
}

import type { PageRecord } from '../content/page.js';

/** A page's place in its version's section tree. */
export interface NavNode {
  page: PageRecord;
  children: NavNode[];
}

/**
 * The section tree of one version: sections hold their pages and subsections,
 * ordered by `weight`, then title (Hugo's default order). Hidden pages stay out
 * of the tree but keep their URL. Pages whose section has no `_index.md`
 * attach to the nearest ancestor that has one.
 */
export function buildNavTree(pages: readonly PageRecord[]): NavNode | undefined {
  const byUrl = new Map<string, NavNode>();
  for (const page of pages) byUrl.set(page.url, { page, children: [] });
  let home: NavNode | undefined;
  for (const node of byUrl.values()) {
    if (node.page.kind === 'home') {
      home = node;
      continue;
    }
    if (node.page.hidden) continue;
    const parent = nearestSection(node.page.parent, byUrl);
    parent?.children.push(node);
  }
  const sort = (node: NavNode): void => {
    node.children.sort(byWeightThenTitle);
    node.children.forEach(sort);
  };
  if (home) sort(home);
  return home;
}

function nearestSection(url: string | undefined, byUrl: Map<string, NavNode>): NavNode | undefined {
  let at = url;
  while (at !== undefined) {
    const node = byUrl.get(at);
    if (node && node.page.kind !== 'page') return node;
    if (at === '/') return undefined;
    at = at.replace(/[^/]+\/$/, '');
  }
  return undefined;
}

function byWeightThenTitle(a: NavNode, b: NavNode): number {
  const wa = a.page.weight || Number.MAX_SAFE_INTEGER;
  const wb = b.page.weight || Number.MAX_SAFE_INTEGER;
  return wa - wb || a.page.linkTitle.localeCompare(b.page.linkTitle) || a.page.url.localeCompare(b.page.url);
}

/** Depth-first reading order (home, then each section before its children), for previous/next links. */
export function readingOrder(home: NavNode | undefined): PageRecord[] {
  const out: PageRecord[] = [];
  const walk = (node: NavNode): void => {
    out.push(node.page);
    node.children.forEach(walk);
  };
  if (home) walk(home);
  return out;
}

/** The chain of sections from home to the page's parent. */
export function ancestorsOf(url: string, byUrl: ReadonlyMap<string, PageRecord>): PageRecord[] {
  const out: PageRecord[] = [];
  let at = url === '/' ? undefined : url.replace(/[^/]+\/$/, '');
  while (at !== undefined) {
    const page = byUrl.get(at);
    if (page && page.kind !== 'page') out.unshift(page);
    if (at === '/') break;
    at = at.replace(/[^/]+\/$/, '');
  }
  return out;
}

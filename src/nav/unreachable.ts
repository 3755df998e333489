import type { PageRecord } from '../content/page.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { rules } from '../diagnostics/rules.js';
import type { NavNode } from './nav-tree.js';

/**
 * Pages a reader cannot reach from the navigation: not in the section tree,
 * and neither hidden (`hidden: true`) nor inside a hidden section. Without a
 * home page (`content/_index.md`) there is no tree at all: one warning says so.
 */
export function unreachablePages(pages: readonly PageRecord[], nav: NavNode | undefined, contentDir: string): Diagnostic[] {
  if (pages.length === 0) return [];
  if (!nav) {
    const first = pages[0] as PageRecord;
    const prefix = first.file.slice(0, first.file.length - first.source.length);
    return [
      {
        severity: 'warning',
        ruleId: rules.contentUnreachable,
        message: `there is no home page (${contentDir}/_index.md), so no page is reachable from the navigation`,
        file: `${prefix}${contentDir}/_index.md`,
      },
    ];
  }
  const inNav = new Set<string>();
  const walk = (node: NavNode): void => {
    inNav.add(node.page.url);
    node.children.forEach(walk);
  };
  walk(nav);
  const byUrl = new Map(pages.map((p) => [p.url, p]));
  const out: Diagnostic[] = [];
  for (const page of pages) {
    if (inNav.has(page.url) || hiddenHere(page, byUrl)) continue;
    out.push({
      severity: 'warning',
      ruleId: rules.contentUnreachable,
      message: `page \`${page.url}\` is not reachable from the navigation; add it to a section, or set \`hidden: true\` if it is meant to be reached only by links`,
      file: page.file,
      place: { line: 1, column: 1 },
    });
  }
  return out;
}

/** Hidden itself, or below a hidden section. */
function hiddenHere(page: PageRecord, byUrl: ReadonlyMap<string, PageRecord>): boolean {
  for (let at: PageRecord | undefined = page; at; at = at.parent === undefined ? undefined : nearest(at.parent, byUrl)) if (at.hidden) return true;
  return false;
}

function nearest(url: string, byUrl: ReadonlyMap<string, PageRecord>): PageRecord | undefined {
  for (let at: string | undefined = url; at !== undefined; at = at === '/' ? undefined : at.replace(/[^/]+\/$/, '')) {
    const page = byUrl.get(at);
    if (page) return page;
  }
  return undefined;
}

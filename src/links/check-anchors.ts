import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { rules } from '../diagnostics/rules.js';
import type { PageLink } from '../transforms/links.js';
import { suggest } from '../shortcodes/suggest.js';

/** What the anchor check needs of each rendered page. */
export interface AnchorSource {
  url: string;
  file: string;
  ids: ReadonlySet<string>;
  links: readonly PageLink[];
}

/** The links the anchor check looks at: into a page, with a fragment. A page keeps only these for it. */
export function fragmentLinks(links: readonly PageLink[]): PageLink[] {
  return links.filter(pointsIntoPage);
}

function pointsIntoPage(link: PageLink): link is PageLink & { fragment: string } {
  return link.kind === 'page' && link.fragment !== undefined && link.fragment !== '';
}

/**
 * Checks `#fragment`s against the ids of the page they point into. It runs
 * after every page of a version is rendered, because ids come from rendering.
 */
export function checkAnchors(pages: readonly AnchorSource[]): Diagnostic[] {
  const byUrl = new Map(pages.map((p) => [p.url, p]));
  const out: Diagnostic[] = [];
  for (const page of pages) {
    for (const link of page.links) {
      if (!pointsIntoPage(link)) continue;
      const target = byUrl.get(link.url);
      if (!target || target.ids.has(link.fragment)) continue;
      const where = link.url === page.url ? 'this page' : `\`${link.url}\``;
      out.push({
        severity: 'error',
        ruleId: rules.linkMissingAnchor,
        message: `link to \`#${link.fragment}\` does not match a heading or id on ${where}${suggest(link.fragment, [...target.ids])}`,
        file: page.file,
        place: link.place,
      });
    }
  }
  return out;
}

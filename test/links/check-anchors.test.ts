import { describe, expect, it } from 'vitest';
import { checkAnchors, fragmentLinks } from '../../src/links/check-anchors.js';
import type { PageLink } from '../../src/transforms/links.js';

const link = (kind: PageLink['kind'], url: string, fragment: string | undefined, line = 1): PageLink => ({ kind, url, fragment, place: { line, column: 1 } });

describe('the anchor check', () => {
  const pages = [
    { url: '/a/', file: 'content/a.md', ids: new Set(['install', 'upgrade']), links: [link('page', '/b/', 'setup', 3), link('page', '/a/', 'instal', 4), link('page', '/b/', 'nope', 5)] },
    { url: '/b/', file: 'content/b.md', ids: new Set(['setup']), links: [link('page', '/a/', 'upgrade'), link('page', '/gone/', 'x')] },
  ];

  it('reports fragments that match no id of the page they point into, with a suggestion', () => {
    expect(checkAnchors(pages).map((d) => `${d.file}:${d.place?.line}  ${d.message}`)).toEqual([
      'content/a.md:4  link to `#instal` does not match a heading or id on this page; did you mean `install`',
      'content/a.md:5  link to `#nope` does not match a heading or id on `/b/`',
    ]);
  });

  it('needs only the links into a page with a fragment: keeping those alone changes nothing', () => {
    const all = [link('page', '/b/', 'setup'), link('page', '/b/', undefined), link('page', '/b/', ''), link('file', '/f.pdf', 'page=2'), link('page', '/a/', 'nope')];
    expect(fragmentLinks(all)).toEqual([all[0], all[4]]);
    const page = { url: '/a/', file: 'content/a.md', ids: new Set<string>(), links: all };
    expect(checkAnchors([page, pages[1] as (typeof pages)[number]])).toEqual(checkAnchors([{ ...page, links: fragmentLinks(all) }, pages[1] as (typeof pages)[number]]));
  });
});

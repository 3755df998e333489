import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { layoutPage, type SiteLayoutInfo, type VersionLayoutInfo } from '../../src/build/layout-page.js';
import type { RenderedPage } from '../../src/build/render-page.js';
import { pageFromText } from '../../src/content/discover.js';
import type { PageRecord } from '../../src/content/page.js';
import { versionLayoutInfo } from '../../src/build/page-document.js';
import { deriveVersion } from '../../src/build/prepare-version.js';
import { FsTree } from '../../src/versions/fs-tree.js';
import type { Layout, LayoutContext } from '../../src/theme/contract.js';
import type { Theme } from '../../src/theme/load-theme.js';

/** A version of pages given as `content/…` path → front matter lines. */
function version(files: Record<string, string>): { info: VersionLayoutInfo; pages: PageRecord[] } {
  const pages = Object.entries(files).map(([source, fm]) => pageFromText(source, source, `---\n${fm}\n---\nBody.\n`, 'content'));
  const prepared = deriveVersion(
    { name: '1.0', label: '1.0', status: 'maintained', kind: 'release', latest: true, tree: new FsTree('/nowhere', ''), origin: { kind: 'working-tree' } },
    { pages, files: [], data: {}, diagnostics: [] },
  );
  return { pages, info: versionLayoutInfo(prepared) };
}

/** Lays a page out with a layout that only records its context. */
function contextOf(files: Record<string, string>, url: string, site: Partial<SiteLayoutInfo> = {}): LayoutContext {
  const { info, pages } = version(files);
  let seen: LayoutContext | undefined;
  const capture: Layout = (ctx) => {
    seen = ctx;
    return h('p');
  };
  const theme: Theme = { name: 'test', dir: '/', layouts: new Map([['page', capture]]), assets: new Map(), files: [] };
  const page = pages.find((p) => p.url === url) as PageRecord;
  const rendered: RenderedPage = { page, body: { type: 'root', children: [] }, headings: [], ids: new Set(), links: [], diagnostics: [], dependencies: [], features: [] };
  layoutPage(rendered, info, { title: 'T', description: '', editUrl: undefined, search: true, assets: new Map(), theme, urlOf: (p) => p, ...site }, { versions: [], canonical: undefined, noindex: false });
  return seen as LayoutContext;
}

const SITE = {
  'content/_index.md': 'title: Home',
  'content/ops/_index.md': 'title: Operations\nweight: 2',
  'content/ops/upgrade/_index.md': 'title: Upgrading',
  'content/ops/upgrade/faq.md': 'title: Prepare to upgrade\nlinkTitle: Prepare',
  'content/ops/upgrade/moved.md': 'title: Moved page\nurl: /elsewhere/moved/',
  'content/guides/_index.md': 'title: Guides\nweight: 1',
};

describe('layoutPage: the navigation data a layout gets', () => {
  it('marks the current page and every ancestor section, and only those', () => {
    const ctx = contextOf(SITE, '/ops/upgrade/faq/');
    const flat = (items: LayoutContext['nav']): LayoutContext['nav'] => items.flatMap((i) => [i, ...flat(i.children)]);
    const all = flat(ctx.nav);
    expect(all.filter((i) => i.current).map((i) => i.title)).toEqual(['Prepare']);
    expect(all.filter((i) => i.open).map((i) => i.url)).toEqual(['/', '/ops/', '/ops/upgrade/']);
    expect(ctx.breadcrumbs.map((b) => b.url)).toEqual(['/', '/ops/', '/ops/upgrade/']);
  });

  it('orders by weight, then title, and uses linkTitle', () => {
    const ctx = contextOf(SITE, '/');
    expect(ctx.nav.map((i) => i.title)).toEqual(['Home', 'Guides', 'Operations']);
    expect(ctx.children.map((i) => i.title)).toEqual(['Guides', 'Operations']);
  });

  // Regression: ancestors were found by URL prefix, so a page moved with `url:` lost its section.
  it('finds the ancestors of a page whose url front matter moves it out of its folder', () => {
    const ctx = contextOf(SITE, '/elsewhere/moved/');
    expect(ctx.breadcrumbs.map((b) => b.url)).toEqual(['/', '/ops/', '/ops/upgrade/']);
    const ops = ctx.nav.find((i) => i.url === '/ops/');
    expect(ops?.open).toBe(true);
    expect(ops?.children.find((i) => i.url === '/ops/upgrade/')?.open).toBe(true);
  });

  it('links previous and next in reading order', () => {
    // home, Guides, Operations, Upgrading, Moved page, Prepare (titles sort by linkTitle)
    const ctx = contextOf(SITE, '/elsewhere/moved/');
    expect(ctx.previous?.url).toBe('/ops/upgrade/');
    expect(ctx.next?.title).toBe('Prepare');
    expect(contextOf(SITE, '/ops/upgrade/faq/').next).toBeUndefined();
    expect(contextOf(SITE, '/').previous).toBeUndefined();
  });

  it('gives the edit link and the last-updated date when known', () => {
    const ctx = contextOf(SITE, '/ops/upgrade/faq/', {
      editUrl: 'https://example.com/org/docs/edit/main',
      lastModified: new Map([['content/ops/upgrade/faq.md', '2024-05-01T10:00:00+02:00']]),
    });
    expect(ctx.page.editUrl).toBe('https://example.com/org/docs/edit/main/content/ops/upgrade/faq.md');
    expect(ctx.page.lastUpdated).toBe('2024-05-01T10:00:00+02:00');
    const plain = contextOf(SITE, '/ops/upgrade/faq/');
    expect(plain.page.editUrl).toBeUndefined();
    expect(plain.page.lastUpdated).toBeUndefined();
  });
});

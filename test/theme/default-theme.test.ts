import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildSummary } from '../../src/build/build-site.js';
import { layoutPage, type VersionLayoutInfo } from '../../src/build/layout-page.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { versionLayoutInfo } from '../../src/build/page-document.js';
import { deriveVersion } from '../../src/build/prepare-version.js';
import { FsTree } from '../../src/versions/fs-tree.js';
import type { VersionLink } from '../../src/theme/contract.js';
import { loadTheme } from '../../src/theme/load-theme.js';
import { REPO } from '../support/cli.js';
import { renderOne } from '../support/render.js';
import { makeSite, type TempSite } from '../support/site.js';

const NASTY = '<script>alert(1)</script> & <b>bold</b> "quoted"';

const FILES: Record<string, string> = {
  'strata.config.json': JSON.stringify({ title: 'Test <docs>', version: { name: '2.0.x' }, editUrl: 'https://example.com/org/docs/edit/main/' }),
  'content/_index.md': '---\ntitle: Home\n---\nWelcome.\n',
  'content/empty/_index.md': '---\ntitle: Empty section\nweight: 1\ndescription: Nothing of its own.\n---\n',
  'content/empty/one.md': '---\ntitle: Page one\nweight: 1\ndescription: The first page.\n---\nOne.\n',
  'content/empty/two.md': '---\ntitle: Page two with a long title\nlinkTitle: Two\nweight: 2\ndescription: The second page.\n---\nTwo.\n',
  'content/full/_index.md': '---\ntitle: Full section\nweight: 2\n---\nThis section has a body.\n',
  'content/full/child.md': '---\ntitle: Child\n---\nChild.\n',
  'content/full/nasty.md': `---\ntitle: '${NASTY.replace(/'/g, "''")}'\ndescription: '${NASTY.replace(/'/g, "''")}'\nlinkTitle: '${NASTY.replace(/'/g, "''")}'\n---\n## First {#first}\n\n### Second\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n![alt text](/pic.png)\n\n{{% notice warning %}}\nCareful.\n{{% /notice %}}\n\n\`\`\`yaml {hl_lines=[1]}\nkey: value\n\`\`\`\n`,
  'static/pic.png': 'not really a png',
};

let site: TempSite;
let summary: BuildSummary;
const read = (url: string) => readFileSync(path.join(site.dir, 'dist/2.0.x', url, 'index.html'), 'utf8');

beforeAll(async () => {
  site = makeSite(FILES);
  summary = await buildSite({ siteDir: site.dir, output: 'files' });
});
afterAll(() => site.cleanup());

function all(tree: Root | Element, test: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  visit(tree, 'element', (node) => {
    if (test(node)) out.push(node);
  });
  return out;
}
const classes = (e: Element) => (Array.isArray(e.properties.className) ? e.properties.className.map(String) : []);
const byClass = (tree: Root | Element, name: string) => all(tree, (e) => classes(e).includes(name));

describe('the default theme', () => {
  it('builds the test site cleanly', () => {
    expect(summary.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(summary.written).toBe(true);
  });

  it('never turns front matter text into markup', () => {
    const html = read('full/nasty/');
    const tree = fromHtml(html);
    // The only scripts are the theme's and Strata's own: the colour-scheme snippet, main.js, the version switcher.
    const scripts = all(tree, (e) => e.tagName === 'script');
    expect(scripts.map((s) => (s.properties.src === undefined ? 'inline' : String(s.properties.src).replace(/^(\.\.\/)+assets\/|\.[0-9a-f]{10}/g, '')))).toEqual([
      'inline',
      'main.js',
      'strata/version-switcher.js',
    ]);
    expect(toString(scripts[0] as Element)).not.toContain('alert');
    expect(all(tree, (e) => e.tagName === 'b')).toHaveLength(0);
    expect(toString(all(tree, (e) => e.tagName === 'h1')[0] as Element)).toBe(NASTY);
    expect(toString(all(tree, (e) => e.tagName === 'title')[0] as Element)).toBe(`${NASTY} — Test <docs>`);
    const [sidebar] = all(tree, (e) => e.tagName === 'nav' && e.properties.id === 'sidebar');
    const current = all(sidebar as Element, (e) => e.tagName === 'a' && e.properties.ariaCurrent === 'page');
    expect(current.map((a) => toString(a))).toEqual([NASTY]);
  });

  it('has landmarks, a skip link to the main content, and the version-scoped search body', () => {
    const tree = fromHtml(read('full/nasty/'));
    const [skip] = all(tree, (e) => classes(e).includes('skip-link'));
    expect(skip?.properties.href).toBe('#main-content');
    expect(all(tree, (e) => e.tagName === 'main').map((e) => e.properties.id)).toEqual(['main-content']);
    expect(all(tree, (e) => e.tagName === 'header' && classes(e).includes('site-header'))).toHaveLength(1);
    expect(all(tree, (e) => e.tagName === 'footer')).toHaveLength(1);
    expect(all(tree, (e) => e.tagName === 'nav').map((e) => e.properties.ariaLabel ?? e.properties.ariaLabelledBy)).toEqual(
      expect.arrayContaining(['Documentation', 'Breadcrumbs', 'On this page', 'Previous and next pages']),
    );
    const [article] = all(tree, (e) => e.tagName === 'article');
    expect(article?.properties.dataPagefindBody).toBe('');
    expect(article?.properties.dataPagefindFilter).toBe('version:2.0.x');
  });

  it('loads no render-blocking script and only content-hashed assets', () => {
    const tree = fromHtml(read('full/nasty/'));
    for (const script of all(tree, (e) => e.tagName === 'script' && e.properties.src !== undefined)) {
      expect(script.properties.defer || script.properties.async || script.properties.type === 'module').toBeTruthy();
    }
    const refs = all(tree, (e) => (e.tagName === 'link' && e.properties.rel !== undefined) || (e.tagName === 'script' && e.properties.src !== undefined))
      .map((e) => String(e.properties.href ?? e.properties.src))
      .filter((u) => u.includes('assets/'));
    expect(refs.length).toBe(5);
    for (const ref of refs) expect(ref).toMatch(/^(\.\.\/)+assets\/(strata\/)?[a-z-]+\.[0-9a-f]{10}\.(css|js|svg)$/);
  });

  it('keeps its one inline script the same on every page, with the CSP hash the README gives', () => {
    const inline = (url: string) =>
      all(fromHtml(read(url)), (e) => e.tagName === 'script' && e.properties.src === undefined).map((e) => toString(e));
    expect(inline('/')).toHaveLength(1);
    expect(inline('full/nasty/')).toEqual(inline('/'));
    expect(inline('empty/')).toEqual(inline('/'));
    const hash = `sha256-${createHash('sha256').update(inline('/')[0] as string).digest('base64')}`;
    expect(readFileSync(path.join(REPO, 'README.md'), 'utf8')).toContain(`'${hash}'`);
  });

  it('marks the current page in the sidebar and opens its section', () => {
    const tree = fromHtml(read('empty/two/'));
    const [sidebar] = all(tree, (e) => e.tagName === 'nav' && e.properties.id === 'sidebar');
    const current = all(sidebar as Element, (e) => e.tagName === 'a' && e.properties.ariaCurrent === 'page');
    expect(current.map((a) => toString(a))).toEqual(['Two']);
    const sections = all(sidebar as Element, (e) => e.tagName === 'li' && classes(e).includes('nav-section'));
    const open = sections.filter((s) => all(s, (e) => e.tagName === 'details')[0]?.properties.open);
    expect(open.map((s) => toString(all(s, (e) => e.tagName === 'a')[0] as Element))).toEqual(['Empty section']);
  });

  it('lists the children of a section page without a body, with descriptions', () => {
    const empty = fromHtml(read('empty/'));
    const cards = byClass(empty, 'child-card');
    expect(cards.map((c) => toString(c))).toEqual(['Page oneThe first page.', 'TwoThe second page.']);
    expect(byClass(fromHtml(read('full/')), 'child-card')).toHaveLength(0);
  });

  it('dresses the content: heading anchors, scrollable tables, lazy images, notice icons', () => {
    const tree = fromHtml(read('full/nasty/'));
    const wrappers = byClass(tree, 'heading-wrapper');
    expect(wrappers.map((w) => all(w, (e) => /^h\d$/.test(e.tagName))[0]?.properties.id)).toEqual(['first', 'second']);
    expect(wrappers.map((w) => byClass(w, 'anchor-link')[0]?.properties.href)).toEqual(['#first', '#second']);
    const [table] = byClass(tree, 'table-wrapper');
    expect(table?.properties).toMatchObject({ role: 'region', tabIndex: 0, ariaLabel: 'Table 1' });
    expect(all(tree, (e) => e.tagName === 'img')[0]?.properties).toMatchObject({ loading: 'lazy', decoding: 'async', alt: 'alt text' });
    const [notice] = byClass(tree, 'notice-warning');
    expect(byClass(notice as Element, 'icon-warning')).toHaveLength(1);
    const [frame] = byClass(tree, 'highlight');
    expect(byClass(frame as Element, 'highlighted')).toHaveLength(1);
  });

  it('lists h2 and h3 in the table of contents', () => {
    const tree = fromHtml(read('full/nasty/'));
    const [toc] = byClass(tree, 'toc-aside');
    expect(all(toc as Element, (e) => e.tagName === 'a').map((a) => [a.properties.href, toString(a)])).toEqual([
      ['#first', 'First'],
      ['#second', 'Second'],
    ]);
  });

  it('links to the page source when the config names an edit URL, and to previous and next pages', () => {
    const tree = fromHtml(read('empty/one/'));
    expect(byClass(tree, 'edit-link')[0]?.properties.href).toBe('https://example.com/org/docs/edit/main/content/empty/one.md');
    expect(byClass(tree, 'page-nav-link').map((a) => [a.properties.rel, toString(byClass(a, 'page-nav-title')[0] as Element)])).toEqual([
      [['prev'], 'Empty section'],
      [['next'], 'Two'],
    ]);
  });
});

describe('the default theme with several versions (as the multi-version build will fill them)', () => {
  async function layout(version: Partial<VersionLayoutInfo>, versions: VersionLink[]) {
    const { theme } = await loadTheme(REPO, 'default');
    const rendered = await renderOne('---\ntitle: Upgrade\n---\nText.\n', { root: REPO, source: 'content/ops/upgrade.md' });
    const prepared = deriveVersion(
      { name: '1.16.x', label: '1.16.x', status: 'maintained', kind: 'release', latest: false, tree: new FsTree(REPO, ''), origin: { kind: 'working-tree' } },
      { pages: [rendered.page], files: [], data: {}, diagnostics: [] },
    );
    const info: VersionLayoutInfo = { ...versionLayoutInfo(prepared), ...version };
    // Switcher targets are output paths, none for the page itself; the layout makes them relative to the page (`/1.16.x/ops/upgrade/`).
    const targets = versions.map(({ href, ...v }) => ({ ...v, target: v.current ? undefined : new URL(href, 'http://x/1.16.x/ops/upgrade/').pathname }));
    const html = layoutPage(rendered, info, { title: 'Docs', description: '', editUrl: undefined, search: true, assets: new Map(), theme: theme!, urlOf: (p) => `https://docs.example.com${p}` }, { versions: targets, canonical: '/latest/ops/upgrade/', noindex: true });
    return fromHtml(html);
  }
  const VERSIONS: VersionLink[] = [
    { name: '1.17.x', label: '1.17.x', status: 'maintained', latest: true, current: false, href: '../../../1.17.x/ops/upgrade/', samePage: true },
    { name: '1.16.x', label: '1.16.x', status: 'maintained', latest: false, current: true, href: './', samePage: true },
    { name: '1.18.0-beta.1', label: '1.18 beta', status: 'prerelease', latest: false, current: false, href: '../../../1.18.0-beta.1/', samePage: false },
  ];

  it('lists every version in the switcher, the current one marked', async () => {
    const tree = await layout({}, VERSIONS);
    const [switcher] = byClass(tree, 'version-switcher');
    // The multi-version build owns this markup; what the stylesheet and readers rely on is pinned here.
    expect(toString(all(switcher as Element, (e) => e.tagName === 'summary')[0] as Element)).toContain('1.16.x');
    const links = all(switcher as Element, (e) => e.tagName === 'a');
    expect(links.map((a) => [a.properties.href, a.properties.ariaCurrent ?? null])).toEqual([
      ['../../../1.17.x/ops/upgrade/', null],
      ['./', 'page'],
      ['../../../1.18.0-beta.1/', null],
    ]);
    expect(links.map((a) => toString(a))).toEqual([expect.stringContaining('1.17.x'), expect.stringContaining('1.16.x'), expect.stringContaining('1.18 beta')]);
  });

  it('shows a banner to the latest version on older versions, and on prereleases', async () => {
    const old = byClass(await layout({}, VERSIONS), 'version-banner');
    expect(old).toHaveLength(1);
    expect(all(old[0] as Element, (e) => e.tagName === 'a')[0]?.properties.href).toBe('../../../1.17.x/ops/upgrade/');
    const pre = byClass(await layout({ name: '1.18.0-beta.1', label: '1.18 beta', status: 'prerelease' }, VERSIONS), 'version-banner');
    expect(classes(pre[0] as Element)).toContain('version-banner-prerelease');
    expect(byClass(await layout({ name: '1.17.x', label: '1.17.x', latest: true }, VERSIONS), 'version-banner')).toHaveLength(0);
  });

  it('writes the canonical link and noindex it is given', async () => {
    const tree = await layout({}, VERSIONS);
    expect(all(tree, (e) => e.tagName === 'link' && String(e.properties.rel) === 'canonical')[0]?.properties.href).toBe('https://docs.example.com/latest/ops/upgrade/');
    expect(all(tree, (e) => e.tagName === 'meta' && e.properties.name === 'robots')[0]?.properties.content).toBe('noindex');
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hasBrowser, launchBrowser } from '../support/browser.js';
import { REPO, strata } from '../support/cli.js';
import { serveStatic, type StaticServer } from '../support/static-server.js';

interface Fetched {
  status: number;
  html: boolean;
  ids: Set<string>;
}

interface Reference {
  from: string;
  attribute: string;
  value: string;
  target: URL;
}

const BASE = '/docs/gloo/';

/** Every `href`, `src` and meta refresh of a page, as absolute URLs. */
function references(html: string, pageUrl: string, from: string): { ids: Set<string>; refs: Reference[] } {
  const ids = new Set<string>();
  const refs: Reference[] = [];
  visit(fromHtml(html), 'element', (node: Element) => {
    const { properties: p } = node;
    if (typeof p.id === 'string') ids.add(p.id);
    if (node.tagName === 'a' && typeof p.name === 'string') ids.add(p.name);
    const values: Array<[string, unknown]> = [
      ['href', p.href],
      ['src', p.src],
    ];
    if (node.tagName === 'meta' && String(p.httpEquiv).toLowerCase() === 'refresh') values.push(['refresh', /url=(.*)$/i.exec(String(p.content))?.[1]]);
    for (const [attribute, value] of values) if (typeof value === 'string' && value !== '') refs.push({ from, attribute, value, target: new URL(value, pageUrl) });
  });
  return { ids, refs };
}

/**
 * The example docs built with `--base-url /docs/gloo/`, served by a plain
 * static host (no rewrite rules) under that path, and crawled: the root and
 * every page of every version, then every link, asset, redirect and anchor
 * they hold, as a reader's browser would resolve them.
 */
describe('the published example, crawled under /docs/gloo/', () => {
  let tmp: string;
  let server: StaticServer;
  const fetched = new Map<string, Fetched>();
  const refs: Reference[] = [];

  async function get(url: URL): Promise<Fetched> {
    const key = url.pathname;
    const known = fetched.get(key);
    if (known) return known;
    const response = await fetch(url);
    const html = (response.headers.get('content-type') ?? '').startsWith('text/html');
    const result: Fetched = { status: response.status, html, ids: new Set() };
    fetched.set(key, result);
    if (html) {
      const found = references(await response.text(), response.url, key);
      result.ids = found.ids;
      refs.push(...found.refs);
    } else await response.arrayBuffer();
    return result;
  }

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'strata-crawl-'));
    const out = path.join(tmp, 'dist');
    const r = strata(['build', REPO, '--out', out, '--base-url', BASE]);
    expect(r.status, r.stderr).toBe(0);
    // Without a host in the base URL there is no sitemap, and the build says so.
    expect(r.stderr.split('\n').filter((l) => /  (warning|error)  /.test(l))).toEqual([
      '(site)  warning  no sitemap.xml: the base URL `/docs/gloo/` has no host; give the full address (https://docs.example.com/docs/gloo/) to have sitemaps  [output:no-sitemap]',
    ]);
    server = await serveStatic(out, { basePath: BASE });
    const start = new URL(server.url);
    const queue: URL[] = [start];
    // Every page each version lists (the theme's navigation need not link them all), in its own folder and in latest/.
    const versions = (await (await fetch(new URL('versions.json', start))).json()) as Array<{ version: string; aliases: string[] }>;
    for (const v of versions) {
      for (const folder of [v.version, ...v.aliases]) {
        const list = (await (await fetch(new URL(`${folder}/strata-pages.json`, start))).json()) as { pages: string[] };
        for (const url of list.pages) queue.push(new URL(`${folder}${url}`, start));
      }
    }
    // A page served by the host for an address that has no file: its links must work from any depth.
    queue.push(new URL('1.16.x/no/such/page/', start));
    while (queue.length) {
      const batch = queue.splice(0, 16);
      await Promise.all(batch.map((url) => get(url)));
      for (const ref of refs) {
        if (ref.target.origin !== start.origin) continue;
        const target = new URL(ref.target.pathname, start);
        if (!fetched.has(target.pathname) && !queue.some((q) => q.pathname === target.pathname)) queue.push(target);
      }
    }
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('fetches every page of every version', () => {
    const out = path.join(tmp, 'dist');
    const versions = JSON.parse(readFileSync(path.join(out, 'versions.json'), 'utf8')) as Array<{ version: string }>;
    let pages = 0;
    for (const { version } of versions) {
      const list = JSON.parse(readFileSync(path.join(out, version, 'strata-pages.json'), 'utf8')) as { pages: string[] };
      for (const url of list.pages) {
        pages++;
        expect(fetched.get(`${BASE}${version}${url}`)?.status, `${version}${url}`).toBe(200);
      }
    }
    expect(pages).toBeGreaterThan(100);
    expect([...fetched.keys()].filter((k) => k.endsWith('/')).length).toBeGreaterThan(pages);
  });

  it('finds no broken link, asset, redirect or anchor', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const ref of refs) {
      if (ref.target.origin !== new URL(server.url).origin) continue;
      checked++;
      const target = fetched.get(ref.target.pathname);
      if (!target || target.status !== 200) {
        broken.push(`${ref.from}: ${ref.attribute}="${ref.value}" → ${ref.target.pathname} (${target?.status ?? 'not fetched'})`);
        continue;
      }
      const fragment = decodeURIComponent(ref.target.hash.slice(1));
      if (fragment && target.html && !target.ids.has(fragment)) broken.push(`${ref.from}: ${ref.attribute}="${ref.value}" → no id \`${fragment}\` on ${ref.target.pathname}`);
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(2000);
  });

  it('never leaves the base path', () => {
    expect(server.requests.filter((r) => !r.startsWith(BASE))).toEqual([]);
  });

  it('answers an unknown address with the 404 page and status 404', async () => {
    for (const missing of ['does-not-exist/', '1.16.x/operations/gone/', 'latest/a/b/c/d/']) {
      const response = await fetch(new URL(missing, server.url));
      expect(response.status).toBe(404);
      const html = await response.text();
      expect(html).toBe(readFileSync(path.join(tmp, 'dist/404.html'), 'utf8'));
      expect(html).toContain('data-strata-not-found=""');
    }
    expect(fetched.get(`${BASE}1.16.x/no/such/page/`)?.status).toBe(404);
  });

  describe.skipIf(!hasBrowser)('the 404 page in a browser', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    async function offers(address: string): Promise<string[]> {
      const page = await browser.newPage();
      const response = await page.goto(new URL(address, server.url).href);
      expect(response?.status()).toBe(404);
      await page.waitForLoadState('networkidle');
      const links = await page.locator('.not-found-links a').evaluateAll((as) => as.map((a) => `${a.textContent} → ${a.getAttribute('href')}`));
      expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
      await page.close();
      return links;
    }

    it('offers the same page in latest and the home of the version in the address', async () => {
      expect(await offers('1.15.x/guides/ai_gateway/setup/')).toEqual([
        'This page in the latest version (1.17.x) → /docs/gloo/latest/guides/ai_gateway/setup/',
        'Home page of 1.15.x → /docs/gloo/1.15.x/',
        'Home page of the latest version (1.17.x) → /docs/gloo/latest/',
      ]);
    });

    it('offers the nearest section of a page that is gone', async () => {
      expect(await offers('1.16.x/guides/nothing-here/')).toEqual([
        'The nearest section in the latest version (1.17.x) → /docs/gloo/latest/guides/',
        'Home page of 1.16.x → /docs/gloo/1.16.x/',
        'Home page of the latest version (1.17.x) → /docs/gloo/latest/',
      ]);
      expect(await offers('latest/operations/access_logging.html')).toEqual([
        'The nearest section in the latest version (1.17.x) → /docs/gloo/latest/operations/',
        'Home page of the latest version (1.17.x) → /docs/gloo/latest/',
      ]);
    });

    it('sends readers of unversioned addresses (an old site’s links) to latest, following moved pages', async () => {
      expect(await offers('operations/upgrading/faq/')).toEqual([
        'This page in the latest version (1.17.x) → /docs/gloo/latest/operations/upgrading/faq/',
        'Home page of the latest version (1.17.x) → /docs/gloo/latest/',
      ]);
      expect(await offers('operations/access_logging/')).toEqual([
        'This page in the latest version (1.17.x) → /docs/gloo/latest/operations/observability/access_logging/',
        'Home page of the latest version (1.17.x) → /docs/gloo/latest/',
      ]);
    });
  });
});

/// <reference lib="dom" />
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build-site.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { browserAvailability, launchBrowser } from '../support/browser.js';
import { REPO } from '../support/cli.js';
import { serveStatic, type StaticServer } from '../support/static-server.js';

/**
 * The default theme in a real browser, on the built example docs. The build
 * makes one version (1.17.x); to test version-scoped search, 1.16.x is built
 * on its own and merged in, then the search index is rebuilt over both, as a
 * CI matrix would merge per-version builds.
 */
const SEED = '1.17.x/operations/upgrading/faq/';
const { available } = browserAvailability();

let out: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (!available) return;
  out = mkdtempSync(path.join(os.tmpdir(), 'strata-e2e-'));
  const main = await buildSite({ siteDir: REPO, outDir: out, output: 'files' });
  expect(main.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  server = await serveStatic(out);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

async function open(url: string, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(server.url + url, { waitUntil: 'load' });
  return { context, page, errors };
}

describe.skipIf(!available)('the default theme in Chromium', () => {
  it('highlights the current page and its sections in the sidebar', async () => {
    const { context, page, errors } = await open(SEED);
    const current = page.locator('#sidebar a[aria-current="page"]');
    await expect.poll(() => current.count()).toBe(1);
    expect(await current.innerText()).toBe('Prepare to upgrade');
    expect(await current.isVisible()).toBe(true);
    const background = await current.evaluate((a) => getComputedStyle(a).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    const ancestors = await page.locator('#sidebar a.ancestor').allInnerTexts();
    expect(ancestors).toEqual(expect.arrayContaining(['Operations', 'Upgrading']));
    // A collapsed section opens from the keyboard, without a page load.
    const guides = page.locator('#sidebar li.nav-section', { has: page.locator('> a', { hasText: 'Guides' }) }).first();
    expect(await guides.locator('> details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await guides.locator('> details > summary').focus();
    await page.keyboard.press('Enter');
    expect(await guides.locator('> details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    // The shortcodes' stylesheet styles <details> in the content only, not the theme's own menus.
    expect(await page.locator('link[href*="shortcodes"]').count()).toBe(1);
    expect(await page.locator('.version-switcher details').evaluate((d) => getComputedStyle(d).borderTopStyle)).toBe('none');
    expect(await guides.locator('> details').evaluate((d) => getComputedStyle(d).display)).toBe('contents');
    expect(errors).toEqual([]);
    await context.close();
  });

  it("lists the seed page's h2 and h3 in the table of contents, version numbers resolved, with scroll-spy", async () => {
    const { context, page } = await open(SEED);
    const headings = await page.locator('article .prose :is(h2, h3)').evaluateAll((hs) => hs.map((h) => [`#${h.id}`, h.textContent?.trim()]));
    const toc = await page.locator('.toc-aside a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent?.trim()]));
    expect(toc).toEqual(headings);
    const texts = toc.map(([, text]) => text);
    expect(texts).toContain('Review version 1.17 changes');
    expect(texts).toContain('Frequently-asked questions');
    expect(texts.join('\n')).not.toMatch(/\{\{|readfile|ZSTRATA/);
    await page.locator('.toc-aside a[href="#faqs"]').click();
    await expect.poll(() => page.locator('.toc-aside a[aria-current]').getAttribute('href'), { timeout: 5_000 }).toBe('#faqs');
    await context.close();
  });

  it('copies a code block with its copy button', async () => {
    const { context, page } = await open(SEED);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    const block = page.locator('.highlight').first();
    await block.hover();
    const button = block.locator('.copy-button');
    expect(await button.getAttribute('aria-label')).toBe('Copy code');
    await button.click();
    await expect.poll(() => button.innerText()).toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const code = await block.locator('code').evaluate((c) => c.textContent ?? '');
    expect(copied).toBe(code.replace(/\n$/, ''));
    expect(copied).toContain('Client: {"version":"1.17.3"}');
    await context.close();
  });

  it('searches the version being read, and every version when asked', async () => {
    const { context, page, errors } = await open(SEED);
    await page.keyboard.press('/');
    const dialog = page.locator('#search-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const input = dialog.locator('input[type="search"]');
    expect(await input.evaluate((i) => i === document.activeElement)).toBe(true);
    const list = dialog.locator('.search-results');
    const all = dialog.locator('input[data-search-all]');
    /** The result pages once the list shows `term` searched in `scope`. */
    const search = async (term: string, scope: string) => {
      await input.fill(term);
      await expect.poll(async () => [await list.getAttribute('data-term'), await list.getAttribute('data-scope')], { timeout: 10_000 }).toEqual([term, scope]);
      return dialog.locator('.search-result > a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    };

    const scoped = await search('extProc', '1.17.x');
    expect(scoped).toContain(`/${SEED}`);
    expect(scoped.filter((h) => !h.startsWith('/1.17.x/'))).toEqual([]);

    // A word in both versions: only 1.17.x until "All versions" is checked.
    const upgrade = await search('upgrade', '1.17.x');
    expect(upgrade.length).toBeGreaterThan(2);
    expect(upgrade.every((h) => h.startsWith('/1.17.x/'))).toBe(true);
    await all.check();
    const everywhere = await search('upgrade', 'all');
    expect(everywhere.some((h) => h.startsWith('/1.16.x/'))).toBe(true);
    expect(everywhere.some((h) => h.startsWith('/1.17.x/'))).toBe(true);
    expect(await dialog.locator('.search-result-version').first().innerText()).toMatch(/^1\.1[67]\.x$/);
    // extProc exists in 1.17.x only: all versions still find the seed page and nothing in 1.16.x.
    const extProcEverywhere = await search('extProc', 'all');
    expect(extProcEverywhere).toContain(`/${SEED}`);
    expect(extProcEverywhere.some((h) => h.startsWith('/1.16.x/'))).toBe(false);
    await all.uncheck();
    expect(await search('upgrade', '1.17.x')).toEqual(upgrade);

    // Keyboard: down to the first result, Enter opens it.
    await input.focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.closest('.search-results') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    // The header button opens it too.
    await page.locator('.search-button').click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('has no serious or critical axe-core violations on the seed page, a section page and the home page', async () => {
    const require = createRequire(import.meta.url);
    const axe = (require('axe-core') as { source: string }).source;
    const pages: Array<[string, BrowserContextOptions]> = [
      [SEED, {}],
      ['1.17.x/operations/', {}],
      ['1.17.x/', {}],
      [SEED, { colorScheme: 'dark' }],
      [SEED, { viewport: { width: 375, height: 812 } }],
    ];
    const found: string[] = [];
    for (const [url, options] of pages) {
      const { context, page } = await open(url, options);
      await page.addScriptTag({ content: axe });
      const violations = await page.evaluate(async () => {
        const w = window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> }> } };
        const result = await w.axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      for (const v of violations) if (v.impact === 'serious' || v.impact === 'critical') found.push(`${url} ${JSON.stringify(options)}: ${v.id} (${v.impact}) ${v.help} — ${v.targets.join(', ')}`);
      await context.close();
    }
    expect(found).toEqual([]);
  }, 60_000);

  it('turns the sidebar into a menu that opens and closes at 375 px, without overflowing the screen', async () => {
    const { context, page, errors } = await open(SEED, { viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
    const sidebar = page.locator('#sidebar');
    const menu = page.locator('button[data-menu-toggle]');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await menu.isVisible()).toBe(true);
    expect(await sidebar.isVisible()).toBe(false);
    expect(await page.locator('.toc-aside').isVisible()).toBe(false);

    await menu.click();
    await expect.poll(() => sidebar.isVisible()).toBe(true);
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => page.locator('#sidebar a[aria-current="page"]').isVisible()).toBe(true);
    await menu.click();
    await expect.poll(() => sidebar.isVisible()).toBe(false);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');

    // Escape and a tap outside close it too.
    await menu.click();
    await expect.poll(() => sidebar.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => sidebar.isVisible()).toBe(false);
    await menu.click();
    await expect.poll(() => sidebar.isVisible()).toBe(true);
    await page.mouse.click(360, 600);
    await expect.poll(() => sidebar.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fits a 360 px screen: no page scrolls sideways, tables and code scroll inside themselves', async () => {
    const wide: string[] = [];
    for (const url of [SEED, '1.17.x/reference/support/', '1.17.x/reference/api/github.com/solo-io/gloo/projects/gloo/api/v1/enterprise/options/extauth/v1/extauth.proto.sk/']) {
      const { context, page } = await open(url, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) wide.push(`${url}: ${width}px`);
      await page.locator('.version-switcher summary').click();
      const menu = await page.locator('.version-switcher-menu').boundingBox();
      if (!menu || menu.x < 0 || menu.x + menu.width > 360) wide.push(`${url}: version menu at ${JSON.stringify(menu)}`);
      await context.close();
    }
    expect(wide).toEqual([]);
  });

  it('follows the system colour scheme and remembers the one picked', async () => {
    const { context, page } = await open(SEED, { colorScheme: 'dark' });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const dark = await background();
    const toggle = page.locator('button[data-theme-toggle]');
    await toggle.click(); // system → light
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    const light = await background();
    expect(light).not.toBe(dark);
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(await background()).toBe(light);
    await toggle.click(); // light → dark
    await toggle.click(); // dark → system
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
    expect(await background()).toBe(dark);
    await context.close();
  });

  it('starts keyboard navigation with the skip link and opens the version switcher from the keyboard', async () => {
    const { context, page } = await open(SEED);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    await page.locator('.version-switcher summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.version-switcher-menu').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.version-switcher-menu').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    await context.close();
  });

  it('prints the content without navigation', async () => {
    const { context, page } = await open(SEED);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '#sidebar', '.toc-aside', '.page-nav', '.breadcrumbs']) expect(await page.locator(selector).isVisible(), selector).toBe(false);
    expect(await page.locator('article h1').isVisible()).toBe(true);
    await context.close();
  });
});

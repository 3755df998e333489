import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build-site.js';
import { hasBrowser, launchBrowser } from '../support/browser.js';
import { REPO } from '../support/cli.js';
import { serveStatic, type StaticServer } from '../support/static-server.js';

/** Readers switching versions in a real browser, on the example docs served by a plain static host. */
describe.skipIf(!hasBrowser)('version switcher in the browser', () => {
  let tmp: string;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'strata-switcher-'));
    const full = path.join(tmp, 'site');
    const summary = await buildSite({ siteDir: REPO, outDir: full, output: 'files' });
    expect(summary.diagnostics).toEqual([]);
    server = await serveStatic(full, { basePath: '/docs/' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  async function choose(page: Page, version: string): Promise<void> {
    await page.locator('.version-switcher summary').click();
    await Promise.all([page.waitForEvent('load'), page.locator(`.version-switcher a[data-version="${version}"]`).click()]);
  }

  it('keeps the reader on the same page, fragment included, from 1.16.x to 1.17.x', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}1.16.x/operations/upgrading/faq/#faqs`);
    await expect.poll(() => page.locator('.version-switcher li').count()).toBe(3);
    await choose(page, '1.17.x');
    const url = new URL(page.url());
    expect(url.pathname).toBe('/docs/latest/operations/upgrading/faq/');
    expect(url.hash).toBe('#faqs');
    expect(await page.locator('h2#review-changes').textContent()).toBe('Review version 1.17 changes');
    await page.screenshot({ path: path.join(os.tmpdir(), 'strata-switcher-1.17.png') });
    await page.close();
  });

  it('falls back to the nearest section that exists in the older version', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}1.17.x/guides/ai_gateway/setup/`);
    await choose(page, '1.15.x');
    expect(new URL(page.url()).pathname).toBe('/docs/1.15.x/guides/');
    await page.close();
  });

  it('follows a moved page through its aliases', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}1.16.x/operations/access_logging/`);
    await choose(page, '1.17.x');
    expect(new URL(page.url()).pathname).toBe('/docs/latest/operations/observability/access_logging/');
    await page.close();
  });

  it('works with JavaScript turned off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}1.16.x/operations/upgrading/faq/`);
    await choose(page, '1.17.x');
    expect(new URL(page.url()).pathname).toBe('/docs/latest/operations/upgrading/faq/');
    await context.close();
  });

  it('shows an older version a banner pointing at the same page in latest', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}1.16.x/operations/upgrading/faq/`);
    const banner = page.locator('.version-banner');
    expect(await banner.textContent()).toBe('You are reading the docs of 1.16.x, which is not the latest version. Read this page in 1.17.x (latest)');
    await Promise.all([page.waitForEvent('load'), banner.locator('a').click()]);
    expect(new URL(page.url()).pathname).toBe('/docs/latest/operations/upgrading/faq/');
    expect(await page.locator('.version-banner').count()).toBe(0);
    await page.close();
  });
});

describe.skipIf(!hasBrowser)('a page built before a version existed', () => {
  let tmp: string;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'strata-refresh-'));
    // The site as published before 1.16.x was added to it…
    const oldSite = path.join(tmp, 'old-site');
    cpSync(REPO, oldSite, { recursive: true, filter: (src) => !/\/(node_modules|dist|lib|\.git|test|\.scratch|bench|docs)$/.test(src) });
    rmSync(path.join(oldSite, 'versions/1.16.x'), { recursive: true });
    const oldOut = path.join(tmp, 'published');
    const old = await buildSite({ siteDir: oldSite, outDir: oldOut, output: 'files' });
    expect(old.diagnostics.map((d) => `${d.file} ${d.message}`)).toEqual([]);
    expect(old.versions.map((v) => v.name)).toEqual(['1.17.x', '1.15.x']);
    // …then 1.16.x was published beside it, with a new versions.json at the root; old pages stay as they were.
    const now = path.join(tmp, 'now');
    await buildSite({ siteDir: REPO, outDir: now, output: 'files' });
    cpSync(path.join(now, '1.16.x'), path.join(oldOut, '1.16.x'), { recursive: true });
    cpSync(path.join(now, 'versions.json'), path.join(oldOut, 'versions.json'));
    server = await serveStatic(oldOut);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('learns about the new version from versions.json and links to the same page there', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}1.15.x/operations/upgrading/faq/`);
    await expect.poll(() => page.locator('.version-switcher a').evaluateAll((as) => as.map((a) => a.getAttribute('data-version')))).toEqual(['1.17.x', '1.16.x', '1.15.x']);
    await page.locator('.version-switcher summary').click();
    await Promise.all([page.waitForEvent('load'), page.locator('.version-switcher a[data-version="1.16.x"]').click()]);
    expect(new URL(page.url()).pathname).toBe('/1.16.x/operations/upgrading/faq/');
    await page.close();
  });
});

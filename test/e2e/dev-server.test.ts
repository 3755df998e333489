import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, launchBrowser } from '../support/browser.js';
import { REPO } from '../support/cli.js';
import { copyExample, spawnDev, type DevProcess } from '../support/dev.js';
import type { TempSite } from '../support/site.js';

const FAQ = 'content/operations/upgrading/faq.md';

/** An author editing the example docs while `strata dev` shows them in Chromium. */
describe.skipIf(!hasBrowser)('strata dev in the browser', () => {
  let site: TempSite;
  let dev: DevProcess;
  let browser: Browser;
  let original: string;

  beforeAll(async () => {
    site = copyExample();
    // A copy of the default theme, so its stylesheet can be edited without touching Strata's.
    const theme = path.join(REPO, 'themes/default');
    for (const entry of readdirSync(theme, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) site.write(path.join('themes/default', path.relative(theme, path.join(entry.parentPath, entry.name))), readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
    }
    original = readFileSync(path.join(site.dir, FAQ), 'utf8');
    dev = await spawnDev([site.dir, '--port', '0']);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    const code = await dev?.stop();
    site?.cleanup();
    expect(code).toBe(0);
  });

  /** Marks the window: a reload loses the mark. */
  async function mark(page: Page): Promise<void> {
    await page.evaluate(() => Object.assign(window, { strataTestMark: true }));
  }
  const marked = (page: Page) => page.evaluate(() => 'strataTestMark' in window);

  it('shows an edit without a manual reload, where the reader was; an unclosed shortcode shows in an overlay at its line; fixing it clears the overlay', async () => {
    const page = await browser.newPage();
    await page.goto(`${dev.url}latest/operations/upgrading/faq/`);
    expect(await page.locator('h2#review-changes').textContent()).toBe('Review version 1.17 changes');
    await page.evaluate(() => window.scrollTo(0, 1500));
    await mark(page);

    // 1. The author adds a paragraph and saves: the page shows it by itself, at the same scroll position.
    const edited = `${original}\nA paragraph written while previewing.\n`;
    writeFileSync(path.join(site.dir, FAQ), edited);
    await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toContain('A paragraph written while previewing.');
    expect(await marked(page)).toBe(false);
    await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(1500);
    expect(await page.locator('#strata-dev-overlay').count()).toBe(0);

    // 2. An unclosed shortcode: the overlay names the file, line and column, and shows the line.
    const broken = `${edited}\n{{% notice tip %}}\nThis notice is never closed.\n`;
    const line = broken.slice(0, broken.indexOf('{{% notice tip %}}\nThis notice')).split('\n').length;
    writeFileSync(path.join(site.dir, FAQ), broken);
    const overlay = page.locator('#strata-dev-overlay[role="alertdialog"]');
    await expect.poll(() => overlay.count(), { timeout: 15_000 }).toBe(1);
    expect(await overlay.locator('.strata-dev-message').first().textContent()).toBe(
      `${FAQ}:${line}:1  error  unclosed shortcode \`notice\`: no \`{{% /notice %}}\` follows  [shortcode:unclosed]`,
    );
    expect(await overlay.locator('mark').textContent()).toBe(`> ${line} | {{% notice tip %}}`);
    expect(await overlay.isVisible()).toBe(true);
    // The page still renders below it.
    expect(await page.locator('h2#review-changes').count()).toBe(1);
    await page.screenshot({ path: path.join(os.tmpdir(), 'strata-dev-overlay.png') });

    // 3. The author closes the notice: the overlay goes.
    writeFileSync(path.join(site.dir, FAQ), `${broken}{{% /notice %}}\n`);
    await expect.poll(() => overlay.count(), { timeout: 15_000 }).toBe(0);
    expect(await page.locator('main aside.notice-tip').last().textContent()).toContain('This notice is never closed.');
    expect(dev.output().split(`${FAQ}:${line}:1  error  unclosed shortcode`).length - 1).toBe(1);
    await page.close();
  });

  it('swaps an edited stylesheet without reloading the page', async () => {
    const page = await browser.newPage();
    await page.goto(`${dev.url}1.16.x/operations/upgrading/faq/`);
    await mark(page);
    const css = path.join(site.dir, 'themes/default/assets/style.css');
    writeFileSync(css, `${readFileSync(css, 'utf8')}\nbody { background-color: rgb(1, 2, 3); }\n`);
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor), { timeout: 15_000 }).toBe('rgb(1, 2, 3)');
    expect(await marked(page)).toBe(true);
    expect(await page.locator('link[rel="stylesheet"]').count()).toBe(2); // style.css and shortcodes.css, swapped in place
    await page.close();
  });

  it('searches the pages as they are now: a word just written is found after the reload', async () => {
    const page = await browser.newPage();
    await page.goto(`${dev.url}1.16.x/reference/cli/`);
    const find = async (term: string) => {
      await page.keyboard.press('/');
      const dialog = page.locator('#search-dialog');
      await dialog.locator('input[type="search"]').fill(term);
      const list = dialog.locator('.search-results');
      await expect.poll(() => list.getAttribute('data-term'), { timeout: 30_000 }).toBe(term);
      return dialog.locator('.search-result > a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    };
    expect(await find('glooctl')).toContain('/1.16.x/reference/cli/');
    expect(await find('zanzibarquokka')).toEqual([]);

    const cli = path.join(site.dir, 'versions/1.16.x/content/reference/cli/_index.md');
    writeFileSync(cli, `${readFileSync(cli, 'utf8')}\nThe zanzibarquokka flag.\n`);
    await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toContain('zanzibarquokka');
    // The reloaded page shows its text before its deferred script runs; `/` opens search only after it has.
    await page.waitForLoadState('load');
    expect(await find('zanzibarquokka')).toEqual(['/1.16.x/reference/cli/']);
    await page.close();
  });

  it('lets the reader hide the overlay', async () => {
    const page = await browser.newPage();
    writeFileSync(path.join(site.dir, 'content/reference/support.md'), '---\ntitle: [unclosed\n---\nBody\n');
    await page.goto(`${dev.url}latest/reference/support/`);
    const overlay = page.locator('#strata-dev-overlay');
    await expect.poll(() => overlay.count(), { timeout: 15_000 }).toBe(1);
    expect(await overlay.textContent()).toContain('[front-matter:syntax]');
    await overlay.locator('button[data-strata-dismiss]').click();
    expect(await overlay.count()).toBe(0);
    await page.close();
  });
});

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../support/cli.js';
import { renderOne } from '../support/render.js';

/** The tab views of the `tabs` shortcode in a real browser, with the theme's tabs.js and shortcodes.css. */
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const ASSETS = path.join(REPO, 'themes/default/assets');
// CI sets this: there, a missing browser is a failure, not a skip.
if (!CHROMIUM && process.env.STRATA_REQUIRE_BROWSER) throw new Error('STRATA_REQUIRE_BROWSER is set, but no Chromium was found at /usr/bin/chromium');

let browser: Browser | undefined;
let dir: string;

beforeAll(async () => {
  if (!CHROMIUM) return;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  dir = mkdtempSync(path.join(os.tmpdir(), 'strata-tabs-'));
  const { html } = await renderOne(
    [
      '---',
      'title: Tabs',
      '---',
      '{{< tabs groupid="os" >}}{{% tab title="macOS" %}}Use brew.{{% /tab %}}{{% tab title="Linux" %}}Use apt.{{% /tab %}}{{% tab title="Windows" %}}Use winget.{{% /tab %}}{{< /tabs >}}',
      '',
      '{{< tabs groupid="os" >}}{{% tab title="macOS" %}}Mac again.{{% /tab %}}{{% tab title="Linux" %}}Linux again.{{% /tab %}}{{< /tabs >}}',
      '',
    ].join('\n'),
    { root: REPO },
  );
  const page = (script: boolean) =>
    `<!doctype html><html><head><style>${readFileSync(path.join(ASSETS, 'shortcodes.css'), 'utf8')}</style></head><body>${html}${script ? `<script>${readFileSync(path.join(ASSETS, 'tabs.js'), 'utf8')}</script>` : ''}</body></html>`;
  writeFileSync(path.join(dir, 'with-js.html'), page(true));
  writeFileSync(path.join(dir, 'without-js.html'), page(false));
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!CHROMIUM)('tabs in a browser', () => {
  it('without JavaScript, every panel shows, titled', async () => {
    const page = await (browser as Browser).newPage();
    await page.goto(`file://${dir}/without-js.html`);
    expect(await page.locator('[role=tabpanel]').evaluateAll((els) => els.map((e) => (e as { offsetParent: unknown }).offsetParent !== null))).toEqual([true, true, true, true, true]);
    expect(await page.locator('[role=tablist]').first().isVisible()).toBe(false);
    await page.close();
  });

  it('with tabs.js, one panel at a time; click, arrow keys and groups switch', async () => {
    const page = await (browser as Browser).newPage();
    await page.goto(`file://${dir}/with-js.html`);
    const visible = () => page.locator('[role=tabpanel]:visible').allTextContents();
    expect(await visible()).toEqual(['Use brew.', 'Mac again.']);
    await page.getByRole('tab', { name: 'Linux' }).first().click();
    expect(await visible()).toEqual(['Use apt.', 'Linux again.']);
    expect(await page.getByRole('tab', { name: 'Linux' }).first().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowRight');
    expect(await visible()).toEqual(['Use winget.', 'Linux again.']);
    expect(await page.locator('[role=tab]:focus').textContent()).toBe('Windows');
    await page.keyboard.press('Home');
    expect(await visible()).toEqual(['Use brew.', 'Mac again.']);
    await page.close();
  });
});

#!/usr/bin/env node
// Screenshots of the seed page for the README: light, dark, a 375 px phone, and the version switcher open.
//   node scripts/screenshots.mjs [--out docs/screenshots] [--page 1.17.x/operations/upgrading/faq/]
// Builds the example docs into a temporary folder (with the compiled lib/: run `npm run compile` first),
// serves it on 127.0.0.1 and drives Debian's Chromium (/usr/bin/chromium, or STRATA_CHROMIUM).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createJiti } from 'jiti';
import { chromium } from 'playwright-core';
import { buildSite } from '../lib/build/build-site.js';

const repo = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'docs/screenshots' },
    page: { type: 'string', default: '1.17.x/operations/upgrading/faq/' },
    'full-page': { type: 'boolean', default: false },
  },
});
const outDir = path.resolve(repo, values.out);
mkdirSync(outDir, { recursive: true });

const site = mkdtempSync(path.join(os.tmpdir(), 'strata-shots-'));
try {
  const summary = await buildSite({ siteDir: repo, outDir: site, output: 'files' });
  if (!summary.written) throw new Error('the example did not build');
  const { serveStatic } = await createJiti(import.meta.url).import('../test/support/static-server.ts');
  const server = await serveStatic(site);
  const browser = await chromium.launch({
    executablePath: process.env.STRATA_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const shots = [
    { name: 'seed-light.png', viewport: { width: 1440, height: 1000 }, colorScheme: 'light' },
    // Dark mode matters most where colours are: scrolled to the code block and the notices.
    { name: 'seed-dark.png', viewport: { width: 1440, height: 1000 }, colorScheme: 'dark', scrollTo: '#changelogs' },
    { name: 'seed-375.png', viewport: { width: 375, height: 812 }, colorScheme: 'light', deviceScaleFactor: 2, mobile: true },
    // The switcher open on the seed page of an older version: every version, the current one marked.
    { name: 'switcher.png', viewport: { width: 1440, height: 700 }, colorScheme: 'light', page: values.page.replace(/^[^/]+\//, '1.16.x/'), click: '.version-switcher summary' },
  ];
  for (const shot of shots) {
    const context = await browser.newContext({
      viewport: shot.viewport,
      colorScheme: shot.colorScheme,
      deviceScaleFactor: shot.deviceScaleFactor ?? 1,
      isMobile: shot.mobile ?? false,
      hasTouch: shot.mobile ?? false,
    });
    const page = await context.newPage();
    await page.goto(server.url + (shot.page ?? values.page), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    if (shot.click) {
      await page.locator(shot.click).first().click();
      await page.waitForTimeout(300); // the chevron's turn
    }
    if (shot.scrollTo && !values['full-page']) {
      await page.locator(shot.scrollTo).evaluate((heading) => {
        document.documentElement.style.scrollBehavior = 'auto';
        heading.scrollIntoView({ block: 'start' });
        window.scrollBy(0, -90);
      });
      await page.waitForTimeout(200);
    }
    await page.screenshot({ path: path.join(outDir, shot.name), fullPage: values['full-page'] });
    console.log(path.relative(repo, path.join(outDir, shot.name)));
    await context.close();
  }
  await browser.close();
  await server.close();
} finally {
  rmSync(site, { recursive: true, force: true });
}

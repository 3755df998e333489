import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; a browser is never downloaded. */
export const CHROMIUM = process.env.STRATA_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Whether browser tests can run here. Without Chromium they are skipped with
 * a message, except in CI (`STRATA_REQUIRE_BROWSER=1`), where that is a failure.
 */
export const hasBrowser = existsSync(CHROMIUM);
if (!hasBrowser) {
  if (process.env.STRATA_REQUIRE_BROWSER === '1') throw new Error(`Browser tests need Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

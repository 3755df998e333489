import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium: the tests never download a browser. */
export const CHROMIUM = process.env.STRATA_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Whether browser tests can run here. Without Chromium they are skipped with
 * a message, unless `STRATA_REQUIRE_BROWSER=1` (CI), where that is a failure.
 */
export function browserAvailability(): { available: boolean; reason: string } {
  if (existsSync(CHROMIUM)) return { available: true, reason: '' };
  const reason = `browser tests need Chromium at ${CHROMIUM} (apt-get install chromium, or set STRATA_CHROMIUM)`;
  if (process.env.STRATA_REQUIRE_BROWSER === '1') throw new Error(`${reason}; STRATA_REQUIRE_BROWSER=1 forbids skipping them`);
  console.warn(`skipping browser tests: ${reason}`);
  return { available: false, reason };
}

/** `browserAvailability().available`, for `describe.skipIf(!hasBrowser)`. */
export const hasBrowser = browserAvailability().available;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

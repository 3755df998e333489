import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Theme } from '../theme/load-theme.js';
import type { OutputSink } from './output.js';

/** Strata's own browser scripts, served whatever the theme (compiled from src/client/). */
const CORE_ASSETS: Record<string, URL> = {
  'strata/version-switcher.js': new URL('../../lib/client/version-switcher.js', import.meta.url),
  'strata/not-found.js': new URL('../../lib/client/not-found.js', import.meta.url),
};

/**
 * Writes the theme's assets and Strata's scripts under `assets/` with a content
 * hash in their names (cacheable forever), and returns name → output path.
 */
export async function writeAssets(theme: Theme, sink: OutputSink): Promise<Map<string, string>> {
  const assets = new Map<string, string>();
  const all = new Map<string, Buffer>(theme.assets);
  for (const [name, url] of Object.entries(CORE_ASSETS)) all.set(name, await readFile(url));
  for (const [name, bytes] of [...all].sort(([a], [b]) => a.localeCompare(b))) {
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
    const hashed = `assets/${name.replace(/(\.[^./]+)$/, `.${hash}$1`)}`;
    assets.set(name, hashed);
    await sink.write(hashed, bytes);
  }
  return assets;
}

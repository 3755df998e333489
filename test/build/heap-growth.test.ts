import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildsCold } from '../../src/build/heap-growth.js';
import { CACHE_DIR, MANIFEST } from '../../src/cache/build-cache.js';
import { makeSite, type TempSite } from '../support/site.js';

describe('buildsCold', () => {
  let site: TempSite | undefined;
  afterEach(() => site?.cleanup());

  it('is true without a cache manifest, or with --no-cache; false when the cache can be reused', () => {
    site = makeSite({ 'content/index.md': '# Home\n' });
    expect(buildsCold(site.dir, true)).toBe(true);
    mkdirSync(path.join(site.dir, CACHE_DIR));
    writeFileSync(path.join(site.dir, CACHE_DIR, MANIFEST), '');
    expect(buildsCold(site.dir, true)).toBe(false);
    expect(buildsCold(site.dir, false)).toBe(true);
  });
});

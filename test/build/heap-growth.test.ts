import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Script } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { buildsCold, limitHeapGrowth } from '../../src/build/heap-growth.js';
import { collectGarbage } from '../../src/util/collect-garbage.js';
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

describe('V8 flags after a cold build', () => {
  let site: TempSite | undefined;
  afterEach(() => site?.cleanup());

  /** Whether a new Node process takes V8 code cached here (V8 rejects code compiled under other flags). */
  function cacheServesNewProcess(): boolean {
    const source = `(function () { return ${Math.random()}; })`;
    const script = new Script(source);
    (script.runInThisContext() as () => number)();
    const check = 'const { Script } = require("node:vm"); const [source, data] = JSON.parse(require("node:fs").readFileSync(0, "utf8")); process.stdout.write(String(new Script(source, { cachedData: Buffer.from(data, "base64") }).cachedDataRejected));';
    const child = spawnSync(process.execPath, ['-e', check], { input: JSON.stringify([source, script.createCachedData().toString('base64')]), encoding: 'utf8' });
    return child.stdout === 'false';
  }

  it('are V8 defaults again once the build is over and garbage was collected, so the code cache serves the next run', () => {
    site = makeSite({ 'content/index.md': '# Home\n' });
    expect(cacheServesNewProcess()).toBe(true);
    const restore = limitHeapGrowth(site.dir, false);
    collectGarbage();
    expect(cacheServesNewProcess()).toBe(false);
    restore();
    expect(cacheServesNewProcess()).toBe(true);
  });
});

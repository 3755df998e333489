import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync, existsSync, appendFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import { deserialize, serialize } from 'node:v8';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSite, type BuildSummary } from '../../src/build/build-site.js';
import { BuildCache, type CachedSource } from '../../src/cache/build-cache.js';
import type { PageRecord } from '../../src/content/page.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { REPO } from '../support/cli.js';
import { diffTrees } from '../support/tree.js';

/**
 * The persistent cache: a rebuild does only what changed, and its output is
 * always byte for byte the output of a build without the cache.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'strata-cache-'));
  for (const entry of ['content', 'static', 'versions', 'strata.config.ts']) cpSync(path.join(REPO, entry), path.join(dir, 'site', entry), { recursive: true });
  // Files as a site has them: not written a moment ago (see `writtenJustNow`).
  const past = new Date(Date.now() - 3_600_000);
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) utimesSync(path.join(entry.parentPath, entry.name), past, past);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const site = () => path.join(dir, 'site');
const build = (options: { cache?: boolean; out?: string } = {}) =>
  buildSite({ siteDir: site(), output: 'files', threads: 0, cache: options.cache !== false, ...(options.out ? { outDir: options.out } : {}) });

/** After a cached rebuild: the same tree as a build from scratch without the cache. */
async function expectSameAsCold(): Promise<void> {
  const cold = await build({ cache: false, out: path.join(dir, 'cold') });
  expect(cold.diagnostics.map(formatDiagnostic)).toEqual([]);
  expect(diffTrees(path.join(dir, 'cold'), path.join(site(), 'dist'))).toEqual([]);
}

function ok(summary: BuildSummary): BuildSummary {
  expect(summary.diagnostics.map(formatDiagnostic)).toEqual([]);
  expect(summary.written).toBe(true);
  return summary;
}

describe('the build cache', () => {
  it('makes a rebuild with nothing changed reuse every page and write nothing', async () => {
    ok(await build());
    const page = path.join(site(), 'dist/1.16.x/operations/upgrading/faq/index.html');
    const before = statSync(page).mtimeMs;
    const warm = ok(await build());
    expect(warm.cache).toEqual({ reused: 124, rendered: 0, files: 0 });
    expect(statSync(page).mtimeMs).toBe(before);
    await expectSameAsCold();
  });

  it('is filled by render threads on a cold build: pages discovery read in part are hashed as the threads read them', { timeout: 60_000 }, async () => {
    const long = path.join(site(), 'content/operations/upgrading/faq.md');
    expect(statSync(long).size).toBeGreaterThan(4096);
    const threaded = () => buildSite({ siteDir: site(), output: 'files', threads: 2, cache: true });
    expect(ok(await threaded()).threads).toBe(2);
    expect(ok(await threaded()).cache).toEqual({ reused: 124, rendered: 0, files: 0 });
    appendFileSync(long, '\nOne more sentence.\n');
    expect(ok(await threaded()).cache).toMatchObject({ reused: 123, rendered: 1 });
    await expectSameAsCold();
  });

  it('re-renders only the page that was edited', async () => {
    ok(await build());
    appendFileSync(path.join(site(), 'content/operations/upgrading/canary.md'), '\nOne more sentence.\n');
    const warm = ok(await build());
    expect(warm.cache).toMatchObject({ reused: 123, rendered: 1 });
    expect(readFileSync(path.join(site(), 'dist/latest/operations/upgrading/canary/index.html'), 'utf8')).toContain('One more sentence.');
    await expectSameAsCold();
  });

  it('writes a one-page rebuild to the journal, not the whole manifest, and the next build reads both', async () => {
    ok(await build());
    const manifest = path.join(site(), '.strata-cache/manifest.bin');
    const whole = readFileSync(manifest);
    appendFileSync(path.join(site(), 'content/operations/upgrading/canary.md'), '\nOne more sentence.\n');
    expect(ok(await build()).cache).toMatchObject({ reused: 123, rendered: 1 });
    expect(readFileSync(manifest).equals(whole)).toBe(true);
    expect(existsSync(path.join(site(), '.strata-cache/manifest.journal'))).toBe(true);
    // The edited page's new render is what the journal holds: nothing is rendered or written again.
    expect(ok(await build()).cache).toEqual({ reused: 124, rendered: 0, files: 0 });
    await expectSameAsCold();
  });

  it('re-renders the pages that read a changed version file, in that version only', async () => {
    ok(await build());
    writeFileSync(path.join(site(), 'versions/1.16.x/static/content/version_geoss_latest.md'), '1.16.99\n');
    const warm = ok(await build());
    expect(warm.cache?.rendered).toBeGreaterThan(0);
    expect(warm.cache?.rendered).toBeLessThan(40);
    expect(readFileSync(path.join(site(), 'dist/1.16.x/operations/upgrading/faq/index.html'), 'utf8')).toContain('1.16.99');
    await expectSameAsCold();
  });

  it('follows pages added, removed and renamed: navigation, links and outputs', async () => {
    ok(await build());
    writeFileSync(path.join(site(), 'content/operations/new-page.md'), '---\ntitle: A new page\nweight: 99\n---\nNew.\n');
    unlinkSync(path.join(site(), 'content/guides/ai_gateway/setup.md'));
    const warm = ok(await build());
    expect(warm.cache?.rendered).toBeGreaterThan(0);
    expect(existsSync(path.join(site(), 'dist/1.17.x/operations/new-page/index.html'))).toBe(true);
    expect(existsSync(path.join(site(), 'dist/1.17.x/guides/ai_gateway/setup/index.html'))).toBe(false);
    await expectSameAsCold();
  });

  it('puts back an output file someone changed by hand', async () => {
    ok(await build());
    const page = path.join(site(), 'dist/1.15.x/installation/index.html');
    writeFileSync(page, 'tampered');
    ok(await build());
    expect(readFileSync(page, 'utf8')).not.toBe('tampered');
    await expectSameAsCold();
  });

  it('ignores a damaged cache, says so, and rebuilds everything', async () => {
    ok(await build());
    const manifest = path.join(site(), '.strata-cache/manifest.bin');
    const bytes = readFileSync(manifest);
    const middle = bytes.length >> 1;
    bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
    writeFileSync(manifest, bytes);
    const rebuilt = await build();
    expect(rebuilt.diagnostics.map(formatDiagnostic)).toEqual([
      '.strata-cache/  warning  the build cache in .strata-cache/ was ignored: its checksum does not match (damaged or edited); it is rebuilt  [cache:ignored]',
    ]);
    expect(rebuilt.cache).toMatchObject({ reused: 0, rendered: 124 });
    await expectSameAsCold();
    expect(ok(await build()).cache).toMatchObject({ reused: 124 });
  });

  it('reads a page again that was written just before the last build, though its size and time look the same', async () => {
    const file = path.join(site(), 'content/operations/upgrading/canary.md');
    const text = readFileSync(file, 'utf8');
    // Written a moment before the build, at a whole second, so that the time can be set again exactly.
    const moment = Math.floor(Date.now() / 1000);
    utimesSync(file, moment, moment);
    ok(await build());
    // Written again within the same moment: same size, same time, same inode; only the text differs.
    writeFileSync(file, text.replace('In a canary upgrade', 'On a canary upgrade'));
    utimesSync(file, moment, moment);
    ok(await build());
    expect(readFileSync(path.join(site(), 'dist/latest/operations/upgrading/canary/index.html'), 'utf8')).toContain('On a canary upgrade');
    await expectSameAsCold();
  });

  it('starts over quietly from a cache an older Strata wrote in another format', async () => {
    ok(await build());
    const manifest = path.join(site(), '.strata-cache/manifest.bin');
    const body = serialize({ ...(deserialize(readFileSync(manifest).subarray(32)) as object), format: 1 });
    writeFileSync(manifest, Buffer.concat([createHash('sha256').update(body).digest(), body]));
    const rebuilt = ok(await build());
    expect(rebuilt.cache).toMatchObject({ reused: 0, rendered: 124 });
    expect(ok(await build()).cache).toMatchObject({ reused: 124 });
  });

  it('starts over when the config changes', async () => {
    ok(await build());
    const config = path.join(site(), 'strata.config.ts');
    writeFileSync(config, readFileSync(config, 'utf8').replace("title: 'Gloo Gateway'", "title: 'Gloo Gateway docs'"));
    const warm = ok(await build());
    expect(warm.cache).toMatchObject({ reused: 0, rendered: 124 });
    expect(readFileSync(path.join(site(), 'dist/1.16.x/operations/upgrading/faq/index.html'), 'utf8')).toContain('Gloo Gateway docs');
  });

  it('is neither read nor written with --no-cache', async () => {
    ok(await build({ cache: false }));
    expect(existsSync(path.join(site(), '.strata-cache'))).toBe(false);
  });

  it('gives page records back as discovery made them, front matter dates and all', () => {
    const record = (source: string, params: Record<string, unknown>): CachedSource => ({
      fingerprint: `1:2:${source.length}`,
      contentHash: 'c0ffee',
      record: { source, file: source, kind: 'page', url: `/${source}/`, parent: undefined, title: 'T', linkTitle: 'T', weight: 1, description: '', draft: false, hidden: false, aliases: [], frontMatter: { title: 'T', params }, text: '', bodyOffset: 0, diagnostics: [] } satisfies PageRecord,
    });
    const plain = record('plain.md', { title: 'T', tags: ['a', 'b'], nested: { n: 1.5, ok: true, none: null } });
    const dated = record('dated.md', { title: 'T', date: new Date('2024-05-01T00:00:00Z'), blob: Buffer.from('hi') });
    const deep = record('deep.md', { title: 'T', history: [{ at: new Date('2023-01-02T03:04:05Z') }] });
    const out = path.join(dir, 'out');
    const cache = BuildCache.open(site(), 'engine', out);
    for (const cached of [plain, dated, deep]) cache.rememberSource('1.0', cached.record.source, cached, true);
    cache.save(new Map(), () => false);
    const again = BuildCache.open(site(), 'engine', out);
    expect(again.problem).toBeUndefined();
    for (const cached of [plain, dated, deep]) expect(again.source('1.0', cached.record.source, cached.fingerprint)).toEqual(cached);
    expect(again.source('1.0', 'dated.md', dated.fingerprint)?.record.frontMatter.params.date).toBeInstanceOf(Date);
    expect(again.source('1.0', 'deep.md', deep.fingerprint)?.record.frontMatter.params.history).toEqual([{ at: new Date('2023-01-02T03:04:05Z') }]);
    expect(again.source('1.0', 'plain.md', 'another fingerprint')).toBeUndefined();
  });
});

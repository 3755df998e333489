import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import type { BuildOptions } from '../../src/build/build-site.js';
import { buildSite } from '../../src/build/build-site.js';
import { checkStamp, upToDate } from '../../src/cache/build-stamp.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';

/**
 * The build stamp: a build with nothing changed since the last one is answered
 * from the stamp without loading the site, and any change to what the build
 * reads or wrote sends it the long way.
 */
let dir: string;
const site = () => path.join(dir, 'site');
const options = (extra: Partial<BuildOptions> = {}): BuildOptions => ({ siteDir: site(), output: 'files', threads: 0, cache: true, ...extra });

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

/** Sets every file's time an hour back: files just written are too fresh for a stamp (see `RACY_NS`). */
function age(at = dir): void {
  const past = new Date(Date.now() - 3_600_000);
  for (const entry of readdirSync(at, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) utimesSync(path.join(entry.parentPath, entry.name), past, past);
  }
}

/** Builds, then checks that the next build would be answered from the stamp. */
async function buildAndStamp(extra: Partial<BuildOptions> = {}) {
  const summary = await build(options(extra));
  expect(summary.diagnostics.map(formatDiagnostic)).toEqual([]);
  expect(summary.written).toBe(true);
  expect(upToDate(options(extra))).toBeDefined();
  return summary;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'strata-stamp-'));
  write('site/strata.config.json', JSON.stringify({ title: 'Stamp', version: { name: '2.0.x' }, versions: [{ name: '1.0.x', path: '../old' }] }));
  write('site/content/_index.md', '---\ntitle: Home\n---\nSee [the guide](guide/).\n');
  write('site/content/guide.md', '---\ntitle: Guide\n---\n## Install\n\nSteps.\n');
  write('site/static/logo.txt', 'logo\n');
  write('old/content/_index.md', '---\ntitle: Home\n---\nOld home.\n');
  write('old/content/guide.md', '---\ntitle: Guide\n---\nOld steps.\n');
  age();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the build stamp', () => {
  it('answers a build with nothing changed from the last report, touching nothing', async () => {
    const first = await buildAndStamp();
    const page = path.join(site(), 'dist/2.0.x/guide/index.html');
    const before = statSync(page).mtimeMs;
    const again = await build(options());
    expect(again.cache).toEqual({ reused: first.pages, rendered: 0, files: 0 });
    const timeless = (summary: typeof first) => ({ ...summary, ms: 0, versions: summary.versions.map((v) => ({ ...v, ms: 0 })), cache: undefined, threads: 0 });
    expect(timeless(again)).toEqual(timeless(first));
    // Its time is its own, in every row of the report.
    expect(again.versions.every((v) => v.ms === again.ms)).toBe(true);
    expect(statSync(page).mtimeMs).toBe(before);
  });

  it.each([
    ['a page edited, same size', () => write('site/content/guide.md', readFileSync(path.join(site(), 'content/guide.md'), 'utf8').replace('Steps.', 'Stops.'))],
    ['a page added', () => write('site/content/new.md', '---\ntitle: New\n---\nNew.\n')],
    ['a static file removed', () => rmSync(path.join(site(), 'static/logo.txt'))],
    ['the config changed', () => write('site/strata.config.json', JSON.stringify({ title: 'Stamp 2', version: { name: '2.0.x' }, versions: [{ name: '1.0.x', path: '../old' }] }))],
    ['a page of a version kept outside the site', () => write('old/content/guide.md', '---\ntitle: Guide\n---\nOld steps, fixed.\n')],
    ['an output file changed by hand', () => write('site/dist/2.0.x/guide/index.html', 'defaced')],
    ['an output file removed', () => rmSync(path.join(site(), 'dist/1.0.x/guide/index.html'))],
    ['the output removed', () => rmSync(path.join(site(), 'dist'), { recursive: true })],
  ])('builds again after a change: %s', async (_, change) => {
    await buildAndStamp();
    change();
    expect(upToDate(options())).toBeUndefined();
    const rebuilt = await build(options());
    expect(rebuilt.diagnostics.map(formatDiagnostic)).toEqual([]);
    // The long way, and it found something to do.
    expect((rebuilt.cache?.rendered ?? 0) + (rebuilt.cache?.files ?? 0)).toBeGreaterThan(0);
    expect(readFileSync(path.join(site(), 'dist/2.0.x/guide/index.html'), 'utf8')).not.toBe('defaced');
  });

  it('puts back what changed, as a build without the stamp does', async () => {
    await buildAndStamp();
    write('old/content/guide.md', '---\ntitle: Guide\n---\nOld steps, fixed.\n');
    await build(options());
    expect(readFileSync(path.join(site(), 'dist/1.0.x/guide/index.html'), 'utf8')).toContain('Old steps, fixed.');
  });

  it('is not used with other options, nor for builds it does not serve', async () => {
    await buildAndStamp();
    expect(upToDate(options({ baseUrl: '/docs/' }))).toBeUndefined();
    expect(upToDate(options({ drafts: true }))).toBeUndefined();
    expect(upToDate(options({ outDir: path.join(dir, 'elsewhere') }))).toBeUndefined();
    expect(upToDate(options({ cache: false }))).toBeUndefined();
    expect(upToDate(options({ warnOnly: true }))).toBeUndefined();
    expect(upToDate(options({ version: '2.0.x' }))).toBeUndefined();
  });

  it('does not repeat that the build cache was ignored: the build it answers does not read the cache', async () => {
    await buildAndStamp();
    const manifest = path.join(site(), '.strata-cache/manifest.bin');
    const bytes = readFileSync(manifest);
    bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] ?? 0) ^ 0xff;
    writeFileSync(manifest, bytes);
    rmSync(path.join(site(), '.strata-cache/stamp.json'));
    const rebuilt = await build(options());
    expect(rebuilt.diagnostics.map((d) => d.ruleId)).toEqual(['cache:ignored']);
    const again = await build(options());
    expect(again.cache).toEqual({ reused: rebuilt.pages, rendered: 0, files: 0 });
    expect(again.diagnostics).toEqual([]);
  });

  it('leaves a file added to the output alone, as a build with the cache does', async () => {
    await buildAndStamp();
    write('site/dist/notes.txt', 'a file of the host');
    expect(upToDate(options())).toBeDefined();
    // The long way leaves it too: the build cache changes only the files it made.
    rmSync(path.join(site(), '.strata-cache/stamp.json'));
    expect((await build(options())).written).toBe(true);
    expect(readFileSync(path.join(site(), 'dist/notes.txt'), 'utf8')).toBe('a file of the host');
  });

  it('hands the walk of the inputs it made to the build that follows, which walks them again only if the config moved them', async () => {
    await buildAndStamp();
    write('site/content/guide.md', '---\ntitle: Guide\n---\n## Install\n\nSteps, edited.\n');
    age();
    const { reused, walked } = checkStamp(options());
    expect(reused).toBeUndefined();
    expect(walked?.roots).toEqual([path.join(dir, 'old')]);
    expect(walked?.seen.files.has(path.join(site(), 'content/guide.md'))).toBe(true);
    const stamped = () => (JSON.parse(readFileSync(path.join(site(), '.strata-cache/stamp.json'), 'utf8')) as { input: string }).input;
    // Taken as it is: the stamp the build leaves is made from the check's walk.
    await buildSite(options(), { ...walked!, input: 'from the check' });
    expect(stamped()).toBe('from the check');
    // Versions kept elsewhere than the check walked: the build walks what the config names.
    await buildSite(options(), { ...walked!, input: 'from the check', roots: [path.join(dir, 'elsewhere')] });
    expect(stamped()).toBe(walked?.input);
  });

  it('is not made from files written an instant ago, whose size and time may not change with their text', async () => {
    write('site/content/guide.md', '---\ntitle: Guide\n---\nFresh.\n');
    const summary = await build(options());
    expect(summary.written).toBe(true);
    expect(upToDate(options())).toBeUndefined();
  });

  it('is not made when the site links a folder in, whose changes it would not see', async () => {
    write('shared/part.md', 'Shared.\n');
    age();
    symlinkSync(path.join(dir, 'shared'), path.join(site(), 'static/shared'));
    expect((await build(options())).written).toBe(true);
    expect(upToDate(options())).toBeUndefined();
  });

  it('is not used after a new commit, which can change last-updated dates', async () => {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: site(), stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
    git('init', '-q');
    git('add', 'content', 'static', 'strata.config.json');
    git('commit', '-qm', 'docs');
    age(site());
    await buildAndStamp();
    git('commit', '-q', '--allow-empty', '-m', 'later');
    expect(upToDate(options())).toBeUndefined();
  });
});

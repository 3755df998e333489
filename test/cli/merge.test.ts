import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build-site.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { REPO, strata } from '../support/cli.js';
import { makeSite, type TempSite } from '../support/site.js';
import { diffTrees } from '../support/tree.js';

const BASE = 'https://docs.example.com/gloo/';

describe('building versions apart, then strata merge', () => {
  let tmp: string;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'strata-merge-'));
    const full = await buildSite({ siteDir: REPO, outDir: path.join(tmp, 'full'), baseUrl: BASE, output: 'files' });
    expect(full.diagnostics.map(formatDiagnostic)).toEqual([]);
    for (const version of ['1.17.x', '1.16.x', '1.15.x']) {
      const one = await buildSite({ siteDir: REPO, outDir: path.join(tmp, `only-${version}`), baseUrl: BASE, output: 'files', version });
      expect(one.diagnostics.map(formatDiagnostic)).toEqual([]);
      expect(one.versions.map((v) => v.name)).toEqual([version]);
    }
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('gives each version its folders, the assets and the 404 page, and no root files', () => {
    expect(readdirSync(path.join(tmp, 'only-1.17.x')).sort()).toEqual(['1.17.x', '404.html', 'assets', 'latest']);
    expect(readdirSync(path.join(tmp, 'only-1.16.x')).sort()).toEqual(['1.16.x', '404.html', 'assets']);
    // The switcher of a version built alone still lists every version.
    const page = readFileSync(path.join(tmp, 'only-1.16.x/1.16.x/operations/upgrading/faq/index.html'), 'utf8');
    expect(page.match(/data-version="[^"]+" data-same-page/g)).toEqual(['data-version="1.17.x" data-same-page', 'data-version="1.16.x" data-same-page', 'data-version="1.15.x" data-same-page']);
  });

  it('merges them into exactly the tree of one full build', () => {
    const inputs = ['only-1.15.x', 'only-1.17.x', 'only-1.16.x'].map((d) => path.join(tmp, d));
    const r = strata(['merge', ...inputs, '--out', path.join(tmp, 'merged')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^version {10}files  from\n1\.17\.x \(latest\) +\d+  .*only-1\.17\.x\n/);
    expect(r.stdout).toMatch(/\n3 versions, \d+ files, 0 errors, 0 warnings, .* → .*merged\/\n$/);
    expect(diffTrees(path.join(tmp, 'full'), path.join(tmp, 'merged'))).toEqual([]);
    expect(readdirSync(path.join(tmp, 'merged')).sort()).toEqual(['.nojekyll', '1.15.x', '1.16.x', '1.17.x', '404.html', 'assets', 'index.html', 'latest', 'pagefind', 'robots.txt', 'sitemap.xml', 'versions.json']);
  });

  it('takes a whole build as an input too', () => {
    const r = strata(['merge', path.join(tmp, 'full'), '--out', path.join(tmp, 'again')]);
    expect(r.status).toBe(0);
    expect(diffTrees(path.join(tmp, 'full'), path.join(tmp, 'again'))).toEqual([]);
  });
});

describe('strata merge refuses inputs that do not make one site', () => {
  let site: TempSite | undefined;
  afterEach(() => site?.cleanup());

  function twoVersions(): TempSite {
    return makeSite({
      'strata.config.json': JSON.stringify({ version: { name: '2.0.x' } }),
      'content/_index.md': '---\ntitle: Home\n---\nTwo.\n',
      'versions/1.0.x/content/_index.md': '---\ntitle: Home\n---\nOne.\n',
    });
  }

  function build(dir: string, args: string[]): void {
    const r = strata(['build', dir, ...args]);
    expect(r.status, r.stderr).toBe(0);
  }

  it('when a version is missing, or in two inputs; and writes nothing', () => {
    site = twoVersions();
    build(site.dir, ['--version', '2.0.x', '--out', 'a']);
    build(site.dir, ['--version', '2.0.x', '--out', 'b']);
    const missing = strata(['merge', 'a', '--out', 'site'], site.dir);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('(site)  error  version 1.0.x is missing: no input holds its folder (build it with `strata build --version 1.0.x`)  [merge:missing-version]\n');
    expect(missing.stdout).toMatch(/0 versions, 0 files, 1 error, 0 warnings, .* — nothing written\n$/);
    const twice = strata(['merge', 'a', 'b', '--out', 'site'], site.dir);
    expect(twice.stderr).toContain('version 2.0.x is in both a and b  [merge:conflict]');
    expect(readdirSync(site.dir)).not.toContain('site');
  });

  it('when versions were built for different sites (another base URL)', () => {
    site = twoVersions();
    build(site.dir, ['--version', '2.0.x', '--out', 'a']);
    build(site.dir, ['--version', '1.0.x', '--out', 'b', '--base-url', '/docs/']);
    const r = strata(['merge', 'a', 'b', '--format', 'github'], site.dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('::error title=merge%3Aconflict::b/1.0.x was built for another site than a/2.0.x (base URL, versions or redirectsFile differ): build every version from the same commit and options');
  });

  it('when a folder is not a Strata version, or the 404 pages differ', () => {
    site = twoVersions();
    build(site.dir, ['--version', '2.0.x', '--out', 'a']);
    build(site.dir, ['--version', '1.0.x', '--out', 'b']);
    writeFileSync(path.join(site.dir, 'b/404.html'), 'changed');
    const manifest = readFileSync(path.join(site.dir, 'a/2.0.x/strata-version.json'), 'utf8');
    rmSync(path.join(site.dir, 'a/2.0.x/strata-version.json'));
    const r = strata(['merge', 'a', 'b'], site.dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('(site)  error  version 2.0.x is missing: no input holds its folder (build it with `strata build --version 2.0.x`)  [merge:missing-version]\n');
    site.write('a/2.0.x/strata-version.json', manifest);
    site.write('a/extra.txt', 'x');
    const unexpected = strata(['merge', 'a', 'b'], site.dir);
    expect(unexpected.stderr).toContain('(site)  error  unexpected `extra.txt` in a: not a version folder (no strata-version.json) nor a file Strata writes  [merge:input]');
    const conflict = strata(['merge', 'a', 'b'], site.dir);
    expect(conflict.stderr).toContain('(site)  error  `404.html` differs between a/404.html and b/404.html: build every version with the same theme and Strata  [merge:conflict]');
  });

  it('when --version names no version', () => {
    site = twoVersions();
    const r = strata(['build', site.dir, '--version', '3.0.x']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('(site)  error  --version 3.0.x: the site has no such version (it has 2.0.x, 1.0.x)  [versions:invalid]\n');
  });
});

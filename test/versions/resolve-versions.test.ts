import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build-site.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { makeSite, type TempSite } from '../support/site.js';

let site: TempSite | undefined;
afterEach(() => site?.cleanup());

const page = (title: string, body = '') => `---\ntitle: ${title}\n---\n${body}\n`;

function tree(extra: Record<string, string>, config: object = {}): TempSite {
  return makeSite({
    'strata.config.json': JSON.stringify({ version: { name: '2.1.x' }, ...config }),
    'content/_index.md': page('Home'),
    'content/guide.md': page('Guide', 'Version {{< readfile file="static/v.md" >}}'),
    'static/v.md': '2.1',
    ...extra,
  });
}

async function errors(s: TempSite): Promise<string[]> {
  const summary = await buildSite({ siteDir: s.dir, output: 'files' });
  expect(existsSync(path.join(s.dir, 'dist'))).toBe(false);
  return summary.diagnostics.map(formatDiagnostic);
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x' } });
}

describe('versions from three sources', () => {
  it('builds the working tree and every snapshot folder, each with its own files', async () => {
    site = tree({ 'versions/2.0.x/content/_index.md': page('Old home'), 'versions/2.0.x/content/guide.md': page('Guide', 'Version {{< readfile file="static/v.md" >}}'), 'versions/2.0.x/static/v.md': '2.0' });
    const summary = await buildSite({ siteDir: site.dir, output: 'files' });
    expect(summary.diagnostics).toEqual([]);
    expect(summary.versions.map((v) => [v.name, v.latest])).toEqual([['2.1.x', true], ['2.0.x', false]]);
    const out = path.join(site.dir, 'dist');
    expect(readFileSync(path.join(out, '2.1.x/guide/index.html'), 'utf8')).toContain('Version 2.1');
    expect(readFileSync(path.join(out, '2.0.x/guide/index.html'), 'utf8')).toContain('Version 2.0');
    expect(readFileSync(path.join(out, 'latest/guide/index.html'), 'utf8')).toContain('Version 2.1');
    expect(JSON.parse(readFileSync(path.join(out, 'versions.json'), 'utf8'))).toEqual([
      { version: '2.1.x', title: '2.1.x', aliases: ['latest'], status: 'maintained' },
      { version: '2.0.x', title: '2.0.x', aliases: [], status: 'maintained' },
    ]);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('url=latest/');
  });

  it('builds a version from a git ref without touching the working tree', async () => {
    site = tree({ '.gitignore': 'dist/\n.strata-cache/\n' }, { versions: [{ name: '1.9.x', ref: 'v1.9', label: 'Version 1.9' }] });
    git(site.dir, 'init', '-q', '-b', 'main');
    site.write('static/v.md', '1.9');
    site.write('content/only-in-1.9.md', page('Old page'));
    git(site.dir, 'add', '-A');
    git(site.dir, 'commit', '-qm', 'release 1.9');
    git(site.dir, 'tag', 'v1.9');
    // Now the working tree moves on.
    site.write('static/v.md', '2.1');
    git(site.dir, 'rm', '-q', 'content/only-in-1.9.md');
    const before = git(site.dir, 'status', '--porcelain');
    const summary = await buildSite({ siteDir: site.dir, output: 'files' });
    expect(summary.diagnostics.map(formatDiagnostic)).toEqual([]);
    const out = path.join(site.dir, 'dist');
    expect(readFileSync(path.join(out, '1.9.x/guide/index.html'), 'utf8')).toContain('Version 1.9');
    expect(existsSync(path.join(out, '1.9.x/only-in-1.9/index.html'))).toBe(true);
    expect(existsSync(path.join(out, '2.1.x/only-in-1.9/index.html'))).toBe(false);
    expect(readFileSync(path.join(out, '2.1.x/guide/index.html'), 'utf8')).toContain('Version 2.1');
    expect(JSON.parse(readFileSync(path.join(out, 'versions.json'), 'utf8'))[1]).toMatchObject({ version: '1.9.x', title: 'Version 1.9' });
    expect(git(site.dir, 'status', '--porcelain')).toBe(before);
  });

  it('takes latest from the config, and the highest release otherwise (not a prerelease)', async () => {
    site = tree({ 'versions/3.0.0-beta.1/content/_index.md': page('Beta'), 'versions/2.0.x/content/_index.md': page('Old') });
    const summary = await buildSite({ siteDir: site.dir, output: 'none' });
    expect(summary.versions.map((v) => `${v.name}${v.latest ? '*' : ''}`)).toEqual(['3.0.0-beta.1', '2.1.x*', '2.0.x']);
    site.cleanup();
    site = tree({ 'versions/2.0.x/content/_index.md': page('Old') }, { latest: '2.0.x' });
    const pinned = await buildSite({ siteDir: site.dir, output: 'none' });
    expect(pinned.versions.find((v) => v.latest)?.name).toBe('2.0.x');
  });
});

describe('bad version configuration: clear errors naming the entry, nothing written', () => {
  it('two versions with the same name', async () => {
    site = tree({}, { versions: [{ name: '2.1.x', path: 'old' }] });
    site.write('old/content/_index.md', page('Old'));
    expect(await errors(site)).toEqual(['strata.config.json  error  versions[0] (2.1.x): version `2.1.x` is already defined by `version` (the working tree)  [versions:duplicate]']);
  });

  it('two versions built from the same folder', async () => {
    site = tree({ 'versions/2.0.x/content/_index.md': page('Old') }, { versions: [{ name: '1.0.x', path: 'versions/2.0.x' }] });
    expect(await errors(site)).toEqual(['versions/2.0.x/  error  builds from the same folder as versions[0] (1.0.x)  [versions:duplicate]']);
  });

  it('a git ref that does not exist', async () => {
    site = tree({}, { versions: [{ name: '1.0.x', ref: 'v1.0-nope' }] });
    git(site.dir, 'init', '-q');
    expect(await errors(site)).toEqual(['strata.config.json  error  versions[0] (1.0.x): git ref `v1.0-nope` does not exist  [versions:source]']);
  });

  it('a git ref that has no content/', async () => {
    site = tree({}, { versions: [{ name: '1.0.x', ref: 'empty' }] });
    git(site.dir, 'init', '-q', '-b', 'empty');
    site.write('README', 'x');
    git(site.dir, 'add', 'README');
    git(site.dir, 'commit', '-qm', 'nothing');
    expect(await errors(site)).toEqual(['strata.config.json  error  versions[0] (1.0.x): has no content/ folder with pages  [versions:source]']);
  });

  it('an unparsable version name', async () => {
    site = tree({ 'versions/not a version/content/_index.md': page('X') });
    expect(await errors(site)).toEqual([
      'versions/not a version/  error  `not a version` is not a version name: use names like 1.17.x, v1.16, 1.18.0-beta.1, or main/next for a development line  [versions:invalid]',
    ]);
  });

  it('latest naming an unknown version', async () => {
    site = tree({}, { latest: '9.9.x' });
    expect(await errors(site)).toEqual(['strata.config.json  error  latest: `9.9.x` is not one of the versions (2.1.x)  [versions:invalid]']);
  });

  it('a listed version with neither a folder nor a ref', async () => {
    site = tree({}, { versions: [{ name: '1.0.x' }] });
    expect(await errors(site)).toEqual(['strata.config.json  error  versions[0] (1.0.x): there is no folder versions/1.0.x/ and no `ref` to build it from  [versions:source]']);
  });
});

import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { strata } from '../support/cli.js';
import { makeSite, type TempSite } from '../support/site.js';
import { readTree } from '../support/tree.js';

let site: TempSite | undefined;
afterEach(() => site?.cleanup());

const SITE = {
  'strata.config.json': JSON.stringify({ title: 'Out', version: { name: '2.0.x' } }),
  'content/_index.md': '---\ntitle: Home\n---\nHome.\n',
  'static/logo.txt': 'logo\n',
  'versions/1.0.x/content/_index.md': '---\ntitle: Home\n---\nOld.\n',
};

/** The diagnostic lines of a run (progress lines left out). */
function problems(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line && !/^\S+: \d+ pages/.test(line));
}

// A build swaps its output folder in whole: an output folder that is the site, holds it, or is one of its
// sources would destroy it (`--out .` used to replace the site with its own output).
describe('strata build refuses output folders that would destroy something, before writing anything', () => {
  const cases: Array<[string, string]> = [
    ['content', "refusing to write the output to `content/`: it is content/, which the output would replace"],
    ['.', "refusing to write the output to `.`: it is the site folder, which the output would replace"],
    ['/', "refusing to write the output to `/`: it is the root of the file system"],
    ['versions/1.0.x', 'refusing to write the output to `versions/1.0.x/`: it is the folder of version 1.0.x, which the output would replace'],
    ['versions/1.0.x/content/x', "refusing to write the output to `versions/1.0.x/content/x/`: it is inside versions/, one of the site's sources"],
    ['content/out', "refusing to write the output to `content/out/`: it is inside content/, one of the site's sources"],
    ['static', "refusing to write the output to `static/`: it is static/, which the output would replace"],
    ['.git', "refusing to write the output to `.git/`: it is .git/, which the output would replace"],
  ];
  for (const [out, message] of cases) {
    it(`--out ${out}`, () => {
      site = makeSite(SITE);
      const before = readTree(site.dir);
      const r = strata(['build', site.dir, '--out', out], site.dir);
      expect(r.status).toBe(1);
      expect(problems(r.stderr)).toEqual([`(site)  error  ${message}  [output:unsafe]`]);
      expect(r.stderr).not.toMatch(/\n\s+at\s/);
      expect(r.stdout).toMatch(/0 pages in 0 versions, 1 error, 0 warnings, \d+ ms — nothing written\n$/);
      expect(readTree(site.dir)).toEqual(before);
      expect(readdirSync(site.dir).sort()).toEqual(['content', 'static', 'strata.config.json', 'versions']);
      if (out === '/') expect(readdirSync('/').filter((name) => /\.(tmp|old)-[0-9a-f]{8}$/.test(name))).toEqual([]);
    });
  }

  it('a folder holding the site (--out ..)', () => {
    site = makeSite({});
    const dir = path.join(site.dir, 'docs');
    for (const [file, text] of Object.entries(SITE)) site.write(`docs/${file}`, text);
    const before = readTree(site.dir);
    const r = strata(['build', dir, '--out', '..'], dir);
    expect(problems(r.stderr)).toEqual([`(site)  error  refusing to write the output to \`${site.dir}\`: it holds the site folder, which the output would replace  [output:unsafe]`]);
    expect(r.status).toBe(1);
    expect(readTree(site.dir)).toEqual(before);
  });

  it('outDir in the config, reported at the config file', () => {
    site = makeSite({ ...SITE, 'strata.config.json': JSON.stringify({ title: 'Out', version: { name: '2.0.x' }, outDir: 'content' }) });
    const before = readTree(site.dir);
    const r = strata(['build', site.dir]);
    expect(problems(r.stderr)).toEqual(['strata.config.json  error  refusing to write the output to `content/`: it is content/, which the output would replace  [output:unsafe]']);
    expect(r.status).toBe(1);
    expect(readTree(site.dir)).toEqual(before);
  });

  it('an existing folder that is not a Strata output', () => {
    site = makeSite({ ...SITE, 'notes/todo.txt': 'keep me\n' });
    const before = readTree(site.dir);
    const r = strata(['build', site.dir, '--out', path.join(site.dir, 'notes')]);
    expect(problems(r.stderr)).toEqual([
      '(site)  error  refusing to write the output to `notes/`: it already holds files that are not a Strata output (no versions.json or */strata-version.json), which the output would replace; empty it or choose another folder  [output:unsafe]',
    ]);
    expect(r.status).toBe(1);
    expect(readTree(site.dir)).toEqual(before);
  });

  it('an empty folder, or an earlier output, is replaced as before', () => {
    site = makeSite(SITE);
    mkdirSync(path.join(site.dir, 'public'));
    writeFileSync(path.join(site.dir, 'public/.gitkeep'), '');
    expect(strata(['build', site.dir, '--out', 'public'], site.dir).status).toBe(0);
    expect(existsSync(path.join(site.dir, 'public/versions.json'))).toBe(true);
    expect(strata(['build', site.dir, '--out', 'public'], site.dir).status).toBe(0);
    expect(strata(['build', site.dir, '--out', 'one', '--version', '1.0.x'], site.dir).status).toBe(0);
    expect(strata(['build', site.dir, '--out', 'one', '--version', '1.0.x'], site.dir).status).toBe(0);
  });
});

describe('strata merge refuses output folders that would destroy something', () => {
  it('an input, the current folder, or a folder holding an input', () => {
    site = makeSite(SITE);
    expect(strata(['build', site.dir, '--out', 'parts/2', '--version', '2.0.x'], site.dir).status).toBe(0);
    expect(strata(['build', site.dir, '--out', 'parts/1', '--version', '1.0.x'], site.dir).status).toBe(0);
    const before = readTree(site.dir);
    const merge = (out: string) => problems(strata(['merge', 'parts/2', 'parts/1', '--out', out], site?.dir).stderr).filter((l) => l.includes('[output:'));
    expect(merge('parts/2')).toEqual(['(site)  error  refusing to write the output to `parts/2`: it is the input parts/2/, which the output would replace  [output:unsafe]']);
    expect(merge('parts')).toEqual(['(site)  error  refusing to write the output to `parts`: it holds the input parts/2/, which the output would replace  [output:unsafe]']);
    expect(merge('.')).toEqual(['(site)  error  refusing to write the output to `.`: it is the current folder, which the output would replace  [output:unsafe]']);
    expect(readTree(site.dir)).toEqual(before);
  });
});

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { afterEach, describe, expect, it } from 'vitest';
import { strata } from '../support/cli.js';
import { makeSite, type TempSite } from '../support/site.js';
import { readTree } from '../support/tree.js';

let site: TempSite | undefined;
afterEach(() => site?.cleanup());

const GOOD = {
  'strata.config.json': JSON.stringify({ title: 'Test docs', version: { name: '2.0.x' } }),
  'content/_index.md': '---\ntitle: Home\n---\nSee [guide]({{% versioned_link_path fromRoot="/guide/" %}}).\n',
  'content/guide.md': '---\ntitle: Guide & <More>\ndescription: "A <b>guide</b>"\n---\nVersion {{< readfile file="static/content/v.md" markdown="true" >}}.\n',
  'static/content/v.md': '2.0\n',
};

describe('strata build', () => {
  it('writes clean URLs per version and a summary', () => {
    site = makeSite(GOOD);
    const r = strata(['build', site.dir]);
    expect(r.stderr).toMatch(/^2\.0\.x: 2 pages in \d+ ms\n$/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\n2 pages in 1 version \[2\.0\.x \(2\)\], 0 errors, 0 warnings, \d+ ms → .*dist\/\n$/);
    const html = readFileSync(path.join(site.dir, 'dist/2.0.x/guide/index.html'), 'utf8');
    expect(html).toContain('Version 2.0.');
    expect(existsSync(path.join(site.dir, 'dist/2.0.x/content/v.md'))).toBe(true);
    expect(readFileSync(path.join(site.dir, 'dist/2.0.x/index.html'), 'utf8')).toContain('href="guide/"');
  });

  it('escapes front matter text in the page', () => {
    site = makeSite(GOOD);
    strata(['build', site.dir]);
    const html = readFileSync(path.join(site.dir, 'dist/2.0.x/guide/index.html'), 'utf8');
    const tree = fromHtml(html);
    const tags: string[] = [];
    let description: unknown;
    visit(tree, 'element', (node) => {
      tags.push(node.tagName);
      if (node.tagName === 'meta' && node.properties.name === 'description') description = node.properties.content;
    });
    expect(tags).not.toContain('b');
    expect(tags).not.toContain('more');
    expect(description).toBe('A <b>guide</b>');
    expect(html).toContain('<title>Guide &#x26; &#x3C;More> — Test docs</title>');
  });

  it('honours --out', () => {
    site = makeSite(GOOD);
    const r = strata(['build', site.dir, '--out', path.join(site.dir, 'public')]);
    expect(r.status).toBe(0);
    expect(existsSync(path.join(site.dir, 'public/2.0.x/guide/index.html'))).toBe(true);
  });

  it('takes a relative --out from SITE_DIR, not from the current folder (as Hugo takes --destination)', () => {
    site = makeSite(GOOD);
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'strata-cwd-'));
    try {
      const r = strata(['build', path.relative(cwd, site.dir), '--out', 'public'], cwd);
      expect(r.status).toBe(0);
      expect(existsSync(path.join(site.dir, 'public/2.0.x/guide/index.html'))).toBe(true);
      expect(readdirSync(cwd)).toEqual([]);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('--to=ndjson prints one JSON line per page and writes nothing', () => {
    site = makeSite(GOOD);
    const r = strata(['build', site.dir, '--to=ndjson']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    expect(lines.map((l) => l.url)).toEqual(['/', '/guide/']);
    expect(lines[1]).toEqual({ version: '2.0.x', url: '/guide/', source: 'content/guide.md', title: 'Guide & <More>', html: '<p>Version 2.0.</p>' });
    expect(existsSync(path.join(site.dir, 'dist'))).toBe(false);
  });

  it('exits 1 on errors, prints every diagnostic without a stack trace, and keeps the previous output', () => {
    site = makeSite(GOOD);
    expect(strata(['build', site.dir]).status).toBe(0);
    const dist = path.join(site.dir, 'dist');
    const before = readTree(dist);
    site.write('content/guide.md', '---\ntitle: Guide\n---\n{{% notice tip %}}\nunclosed\n\n[x](/nope/)\n');
    const r = strata(['build', site.dir]);
    expect(r.status).toBe(1);
    expect(r.stderr.replace(/^2\.0\.x: .*\n/m, '')).toBe(
      'content/guide.md:4:1  error  unclosed shortcode `notice`: no `{{% /notice %}}` follows  [shortcode:unclosed]\n' +
        'content/guide.md:7:1  error  link to `/nope/` does not match a page or file of this version  [links:missing-page]\n',
    );
    expect(r.stdout).toMatch(/2 errors, 0 warnings, \d+ ms — nothing written\n$/);
    // The whole previous output, byte for byte, and no temporary folder left beside it.
    expect(readTree(dist)).toEqual(before);
    expect(readdirSync(site.dir).filter((f) => f !== '.strata-cache').sort()).toEqual(['content', 'dist', 'static', 'strata.config.json']);
  });

  it('drops pages deleted from the source on the next build, without --clean', () => {
    site = makeSite({ ...GOOD, 'content/old.md': '---\ntitle: Old\n---\nOld.\n' });
    expect(strata(['build', site.dir]).status).toBe(0);
    expect(existsSync(path.join(site.dir, 'dist/2.0.x/old/index.html'))).toBe(true);
    rmSync(path.join(site.dir, 'content/old.md'));
    expect(strata(['build', site.dir]).status).toBe(0);
    expect(existsSync(path.join(site.dir, 'dist/2.0.x/old'))).toBe(false);
    expect(readdirSync(site.dir).filter((f) => f !== '.strata-cache').sort()).toEqual(['content', 'dist', 'static', 'strata.config.json']);
  });

  it('--warn-only reports errors as warnings, writes the output and exits 0', () => {
    site = makeSite({ ...GOOD, 'content/guide.md': '---\ntitle: Guide\n---\n[x](/nope/)\n' });
    const r = strata(['build', site.dir, '--warn-only']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('content/guide.md:4:1  warning  link to `/nope/` does not match a page or file of this version  [links:missing-page]\n');
    expect(r.stdout).toMatch(/0 errors, 1 warning, \d+ ms → .*dist\/\n$/);
    expect(existsSync(path.join(site.dir, 'dist/2.0.x/guide/index.html'))).toBe(true);
  });

  it('ends with a table of versions, pages, warnings, errors and time', () => {
    site = makeSite({ ...GOOD, 'versions/1.9.x/content/_index.md': '---\ntitle: Home\n---\nOld.\n', 'versions/1.9.x/content/orphan.md': '---\ntitle: Orphan\nhidden: true\n---\n[x](/nope/)\n' });
    const r = strata(['build', site.dir, '--warn-only']);
    expect(r.status).toBe(0);
    const table = r.stdout.split('\n').slice(0, 4).map((l) => l.replace(/\s+(time|[\d.]+ m?s)$/, '  TIME'));
    expect(table).toEqual([
      'version         pages  warnings  errors  TIME',
      '2.0.x (latest)      2         0       0  TIME',
      '1.9.x               2         1       0  TIME',
      'total               4         1       0  TIME',
    ]);
  });

  it('rejects unknown flags kindly', () => {
    const r = strata(['build', '--frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^strata build: Unknown option '--frobnicate'/);
  });

  it('builds raw HTML of any tag name, `<constructor>` too (an object keyed by tag would answer from its prototype)', () => {
    site = makeSite({
      ...GOOD,
      'content/_index.md': '---\ntitle: Home\n---\nA <constructor>new <a href="guide/">guide</a></constructor> and a <constructor>lost <a href="gone/">link</a></constructor>.\n',
      // Published as it is, and read by the output check as HTML.
      'static/legacy.html': '<!doctype html><p><constructor>old <a href="guide/">guide</a></constructor></p>\n',
    });
    const r = strata(['build', site.dir]);
    expect(r.stderr).not.toMatch(/internal error|TypeError/);
    // The links inside are still checked: the one that goes nowhere is reported, at its place.
    expect(r.stderr).toMatch(/content\/_index\.md:4:85 +error +link to `\/gone\/` does not match a page or file of this version/);
    expect(r.stderr).not.toMatch(/`\/guide\/`/);
    expect(r.status).toBe(1);
    site.write('content/_index.md', '---\ntitle: Home\n---\nA <constructor>new <a href="guide/">guide</a></constructor>.\n');
    const fixed = strata(['build', site.dir]);
    expect(fixed.status).toBe(0);
    expect(readFileSync(path.join(site.dir, 'dist/2.0.x/index.html'), 'utf8')).toContain('<constructor>new <a href="guide/">guide</a></constructor>');
    expect(readFileSync(path.join(site.dir, 'dist/2.0.x/legacy.html'), 'utf8')).toContain('<constructor>old');
  });

  it('says a name of Object.prototype is not a command', () => {
    const r = strata(['constructor']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^strata: unknown command `constructor`/);
  });

  it('takes one SITE_DIR at most, as every command that builds a site does', () => {
    for (const command of ['build', 'check', 'dev', 'migrate-check']) {
      const r = strata([command, 'docs', 'more-docs']);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`strata ${command}: expected at most one SITE_DIR, got 2\n`);
    }
  });
});

import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { strata } from '../support/cli.js';
import { makeSite, type TempSite } from '../support/site.js';

let site: TempSite | undefined;
afterEach(() => site?.cleanup());

const GOOD = {
  'strata.config.json': JSON.stringify({ title: 'Test docs', version: { name: '2.0.x' } }),
  'content/_index.md': '---\ntitle: Home\n---\nSee [guide](guide/#install).\n',
  'content/guide.md': '---\ntitle: Guide\n---\n## Install\n',
};

/** A site layout with a link that goes nowhere, as a theme bug would have. */
const BROKEN_LAYOUT = `export default (ctx) => ({ type: 'root', children: [{ type: 'doctype' }, ctx.h('html', [ctx.h('body', [ctx.h('a', { href: ctx.href('/changelog/') }, 'Changelog'), ...ctx.content.children])])] });\n`;

/** Drops the progress lines, which carry times. */
function problems(stderr: string): string {
  return stderr.replace(/^\S+: \d+ pages in .*\n/gm, '');
}

describe('strata check', () => {
  it('checks everything in memory, writes nothing, and exits 0 when all is well', () => {
    site = makeSite(GOOD);
    const r = strata(['check', site.dir]);
    expect(problems(r.stderr)).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\n2 pages in 1 version \[2\.0\.x \(2\)\], 0 errors, 0 warnings, \d+ ms\n$/);
    expect(existsSync(path.join(site.dir, 'dist'))).toBe(false);
  });

  it('reports problems of the source with file:line:col and rule id, and exits 1', () => {
    site = makeSite({ ...GOOD, 'content/guide.md': '---\ntitle: Guide\nweight: heavy\n---\n## Setup\n\n{{< readfile file="static/nope.md" >}}\n' });
    const r = strata(['check', site.dir]);
    expect(r.status).toBe(1);
    expect(problems(r.stderr)).toBe(
      'content/_index.md:4:5  error  link to `#install` does not match a heading or id on `/guide/`  [links:missing-anchor]\n' +
        'content/guide.md:3:1  error  front matter field `weight` must be a number, got `"heavy"`  [front-matter:field]\n' +
        'content/guide.md:7:14  error  readfile target `static/nope.md` does not exist  [shortcode:readfile-missing]\n',
    );
  });

  it('finds broken links in theme output, once per target, in the laid-out page', () => {
    site = makeSite({ ...GOOD, 'layouts/page.ts': BROKEN_LAYOUT });
    const r = strata(['check', site.dir]);
    expect(r.status).toBe(1);
    expect(problems(r.stderr)).toBe(
      'dist/2.0.x/guide/index.html  error  `<a href="../changelog/">` leads to `2.0.x/changelog/`, which is not in the output (and on 1 other page)  [output:missing-target]\n' +
        'dist/latest/guide/index.html  error  `<a href="../changelog/">` leads to `latest/changelog/`, which is not in the output (and on 1 other page)  [output:missing-target]\n',
    );
  });

  it('warns about pages the navigation cannot reach', () => {
    site = makeSite({ 'content/a/_index.md': '---\ntitle: A\n---\n', 'content/a/b.md': '---\ntitle: B\n---\n' });
    const r = strata(['check', site.dir]);
    expect(problems(r.stderr)).toContain('content/_index.md  warning  there is no home page (content/_index.md), so no page is reachable from the navigation  [content:unreachable]\n');
    // …and, without a home page, links to it from the theme and the root go nowhere.
    expect(problems(r.stderr)).toMatch(/^dist\/current\/a\/b\/index\.html  error  `<a href="\.\.\/\.\.\/">` leads to `current\/`, which is not in the output/m);
    expect(r.status).toBe(1);
  });

  it('reports two sources for one output path', () => {
    site = makeSite({ ...GOOD, 'static/guide/index.html': '<p>old</p>' });
    const r = strata(['check', site.dir]);
    expect(r.status).toBe(1);
    expect(problems(r.stderr).split('\n')).toEqual([
      // The static file is written over the page, so the link to the page's heading breaks too.
      // Placed at the link in the page's source, where the author can fix it.
      'content/_index.md:4:5  error  `<a href="guide/#install">`: `2.0.x/guide/index.html` has no element with id `install`  [output:missing-anchor]',
      'content/_index.md:4:5  error  `<a href="guide/#install">`: `latest/guide/index.html` has no element with id `install`  [output:missing-anchor]',
      "static/guide/index.html  error  `guide/index.html` would be written twice in the version's output: by this file and by page content/guide.md  [output:collision]",
      '',
    ]);
  });

  it('prints GitHub Actions annotations with --format github', () => {
    site = makeSite({ ...GOOD, 'content/guide.md': '---\ntitle: Guide\n---\n## Install\n[x](/nope/)\n', 'layouts/page.ts': BROKEN_LAYOUT });
    const r = strata(['check', site.dir, '--format', 'github']);
    expect(r.status).toBe(1);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    // The guide's own broken link is reported from its source; its page is not reported again from the output.
    expect(annotations).toEqual([
      '::error file=content/guide.md,line=5,col=1,title=links%3Amissing-page::link to `/nope/` does not match a page or file of this version',
      '::error file=dist/2.0.x/index.html,title=output%3Amissing-target::`<a href="changelog/">` leads to `2.0.x/changelog/`, which is not in the output',
      '::error file=dist/latest/index.html,title=output%3Amissing-target::`<a href="changelog/">` leads to `latest/changelog/`, which is not in the output',
    ]);
  });

  it('prefixes annotation paths with the site folder when run from the repository root', () => {
    site = makeSite({ 'docs/content/_index.md': '---\ntitle: Home\n---\n[x](/nope/)\n' });
    const r = strata(['check', 'docs', '--format', 'github'], site.dir);
    expect(r.stdout).toContain('::error file=docs/content/_index.md,line=4,col=1,title=links%3Amissing-page::');
  });

  it('refuses an unknown format or a malformed base URL', () => {
    expect(strata(['check', '--format', 'json']).status).toBe(2);
    site = makeSite(GOOD);
    const r = strata(['check', site.dir, '--base-url', 'ftp://example.com/']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('(site)  error  base URL: `ftp://example.com/` must be an http: or https: URL, or a path like /docs/  [config:invalid]');
  });
});

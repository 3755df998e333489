import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build-site.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { makeSite, type TempSite } from '../support/site.js';

let site: TempSite | undefined;
afterEach(() => site?.cleanup());

/** Three versions: latest, an older one with a page latest no longer has, and an unmaintained one. */
function threeVersions(config: Record<string, unknown>): TempSite {
  return makeSite({
    'strata.config.json': JSON.stringify({ version: { name: '2.0.x' }, versions: [{ name: '0.9.x', status: 'unmaintained' }], ...config }),
    'content/_index.md': '---\ntitle: Home\n---\n',
    'content/guide.md': '---\ntitle: Guide\naliases: [/old-guide/]\n---\n',
    'versions/1.0.x/content/_index.md': '---\ntitle: Home\n---\n',
    'versions/1.0.x/content/guide.md': '---\ntitle: Guide\n---\n',
    'versions/1.0.x/content/legacy.md': '---\ntitle: Legacy\n---\n',
    'versions/0.9.x/content/_index.md': '---\ntitle: Home\n---\n',
  });
}

describe('files for the host', () => {
  it('sitemaps list each canonical URL once, leave unmaintained versions out, and robots.txt points at their index', async () => {
    site = threeVersions({ baseUrl: 'https://docs.example.com/p/' });
    const summary = await buildSite({ siteDir: site.dir, output: 'files' });
    expect(summary.diagnostics.map(formatDiagnostic)).toEqual([]);
    const read = (file: string) => readFileSync(path.join(site?.dir as string, 'dist', file), 'utf8');
    const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs(read('sitemap.xml'))).toEqual(['https://docs.example.com/p/latest/sitemap.xml', 'https://docs.example.com/p/1.0.x/sitemap.xml']);
    expect(locs(read('latest/sitemap.xml'))).toEqual(['https://docs.example.com/p/latest/', 'https://docs.example.com/p/latest/guide/']);
    // 1.0.x's home and guide have their canonical page in latest/: only its own page is listed.
    expect(locs(read('1.0.x/sitemap.xml'))).toEqual(['https://docs.example.com/p/1.0.x/legacy/']);
    expect(read('latest/sitemap.xml')).toMatch(/<lastmod>\d{4}-\d\d-\d\d<\/lastmod>/);
    expect(read('robots.txt')).toBe('User-agent: *\nDisallow:\n\nSitemap: https://docs.example.com/p/sitemap.xml\n');
    expect(() => read('0.9.x/sitemap.xml')).toThrow();
    expect(() => read('_redirects')).toThrow();
  });

  it('writes _redirects when asked, beside the redirect pages', async () => {
    site = threeVersions({ baseUrl: '/p/', redirectsFile: true });
    const summary = await buildSite({ siteDir: site.dir, output: 'files' });
    expect(summary.diagnostics.map(formatDiagnostic)).toEqual([
      '(site)  warning  no sitemap.xml: the base URL `/p/` has no host; give the full address (https://docs.example.com/p/) to have sitemaps  [output:no-sitemap]',
    ]);
    const read = (file: string) => readFileSync(path.join(site?.dir as string, 'dist', file), 'utf8');
    expect(read('_redirects')).toBe('# Old URLs of moved pages (front matter `aliases`), written by Strata.\n/p/2.0.x/old-guide/ /p/2.0.x/guide/ 301\n/p/latest/old-guide/ /p/latest/guide/ 301\n');
    expect(read('latest/old-guide/index.html')).toContain('<link rel="canonical" href="/p/latest/guide/">');
    expect(read('robots.txt')).toBe('User-agent: *\nDisallow:\n');
    expect(read('404.html')).toContain('<a href="/p/latest/" data-not-found="latest-home">');
  });
});

describe('the search switch', () => {
  it('builds the Pagefind index and shows the search box by default; search: false does neither', async () => {
    const built = async (config: Record<string, unknown>) => {
      site?.cleanup();
      site = threeVersions({ baseUrl: 'https://docs.example.com/', ...config });
      expect((await buildSite({ siteDir: site.dir, output: 'files' })).diagnostics.map(formatDiagnostic)).toEqual([]);
      const dist = path.join(site.dir, 'dist');
      return { index: existsSync(path.join(dist, 'pagefind/pagefind.js')), page: readFileSync(path.join(dist, 'latest/guide/index.html'), 'utf8') };
    };
    const on = await built({});
    expect(on.index).toBe(true);
    expect(on.page).toContain('id="search-dialog"');
    expect(on.page).toContain('data-search-open');
    const off = await built({ search: false });
    expect(off.index).toBe(false);
    expect(off.page).not.toContain('id="search-dialog"');
    expect(off.page).not.toContain('data-search-open');
  });
});

import { describe, expect, it } from 'vitest';
import { parseManifest, serializeManifest, type SiteManifest, type VersionManifest } from '../../src/publish/manifest.js';
import { redirectsFile } from '../../src/publish/redirects-file.js';
import { robotsTxt } from '../../src/publish/robots.js';
import { siteRootFiles } from '../../src/publish/root-files.js';
import { chunkSitemap, sitemapIndexXml, sitemapXml, SITEMAP_LIMIT } from '../../src/publish/sitemap.js';

const SITE: SiteManifest = {
  baseUrl: 'https://docs.example.com/gloo/',
  redirectsFile: true,
  versions: [
    { name: '1.17.x', label: '1.17.x', status: 'maintained', latest: true },
    { name: '1.16.x', label: 'v1.16', status: 'maintained', latest: false },
    { name: '1.15.x', label: '1.15.x', status: 'unmaintained', latest: false },
  ],
};

const MANIFESTS: VersionManifest[] = [
  { site: SITE, version: '1.17.x', folders: ['1.17.x', 'latest'], sitemaps: [{ path: 'latest/sitemap.xml', lastmod: '2024-05-02' }], redirects: [['/latest/old/', '/latest/new/']] },
  { site: SITE, version: '1.16.x', folders: ['1.16.x'], sitemaps: [{ path: '1.16.x/sitemap.xml', lastmod: undefined }], redirects: [] },
  { site: SITE, version: '1.15.x', folders: ['1.15.x'], sitemaps: [], redirects: [['/1.15.x/a b/', '/1.15.x/c/']] },
];

describe('sitemaps', () => {
  it('writes one URL per page, escaped, with lastmod when known', () => {
    expect(sitemapXml([{ loc: 'https://x.example/a/?q=1&r=2', lastmod: '2024-05-01' }, { loc: 'https://x.example/b/', lastmod: undefined }])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '  <url><loc>https://x.example/a/?q=1&amp;r=2</loc><lastmod>2024-05-01</lastmod></url>\n' +
        '  <url><loc>https://x.example/b/</loc></url>\n' +
        '</urlset>\n',
    );
  });

  it('writes an index of sitemaps', () => {
    expect(sitemapIndexXml([{ loc: 'https://x.example/latest/sitemap.xml', lastmod: '2024-05-01' }])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '  <sitemap><loc>https://x.example/latest/sitemap.xml</loc><lastmod>2024-05-01</lastmod></sitemap>\n' +
        '</sitemapindex>\n',
    );
  });

  it('splits a version with more URLs than one sitemap may hold', () => {
    const urls = Array.from({ length: SITEMAP_LIMIT + 1 }, (_, i) => ({ loc: `https://x.example/${i}/`, lastmod: undefined }));
    expect(chunkSitemap('1.16.x', urls).map((c) => [c.path, c.urls.length])).toEqual([
      ['1.16.x/sitemap.xml', SITEMAP_LIMIT],
      ['1.16.x/sitemap-2.xml', 1],
    ]);
  });
});

describe('robots.txt and _redirects', () => {
  it('allows everything and names the sitemap index when there is one', () => {
    expect(robotsTxt('https://x.example/sitemap.xml')).toBe('User-agent: *\nDisallow:\n\nSitemap: https://x.example/sitemap.xml\n');
    expect(robotsTxt(undefined)).toBe('User-agent: *\nDisallow:\n');
  });

  it('writes Netlify/Cloudflare rules from the root of the host', () => {
    expect(redirectsFile('/docs/', [['/1.17.x/old/', '/1.17.x/new page/']])).toBe(
      '# Old URLs of moved pages (front matter `aliases`), written by Strata.\n/docs/1.17.x/old/ /docs/1.17.x/new%20page/ 301\n',
    );
  });
});

describe('root files from version manifests', () => {
  const files = Object.fromEntries(siteRootFiles(SITE, MANIFESTS).map((f) => [f.path, f.data]));

  it('are the same whatever order the manifests come in', () => {
    expect(siteRootFiles(SITE, [...MANIFESTS].reverse())).toEqual(siteRootFiles(SITE, MANIFESTS));
  });

  it('hold versions.json, the root redirect, the sitemap index, robots.txt, _redirects and .nojekyll', () => {
    expect(Object.keys(files)).toEqual(['.nojekyll', '_redirects', 'index.html', 'robots.txt', 'sitemap.xml', 'versions.json']);
    expect(JSON.parse(files['versions.json'] as string)).toEqual([
      { version: '1.17.x', title: '1.17.x', aliases: ['latest'], status: 'maintained' },
      { version: '1.16.x', title: 'v1.16', aliases: [], status: 'maintained' },
      { version: '1.15.x', title: '1.15.x', aliases: [], status: 'unmaintained' },
    ]);
    expect(files['index.html']).toContain('<meta http-equiv="refresh" content="0; url=latest/">');
    expect(files['sitemap.xml']).toContain('<sitemap><loc>https://docs.example.com/gloo/latest/sitemap.xml</loc><lastmod>2024-05-02</lastmod></sitemap>\n  <sitemap><loc>https://docs.example.com/gloo/1.16.x/sitemap.xml</loc></sitemap>\n');
    expect(files['robots.txt']).toContain('Sitemap: https://docs.example.com/gloo/sitemap.xml\n');
    expect(files['_redirects']).toContain('/gloo/latest/old/ /gloo/latest/new/ 301\n/gloo/1.15.x/a%20b/ /gloo/1.15.x/c/ 301\n');
  });

  it('leave out the sitemap index without a host, and _redirects unless asked for', () => {
    const site = { ...SITE, baseUrl: '/gloo/', redirectsFile: false };
    const paths = siteRootFiles(site, MANIFESTS.map((m) => ({ ...m, site, sitemaps: [] }))).map((f) => f.path);
    expect(paths).toEqual(['.nojekyll', 'index.html', 'robots.txt', 'versions.json']);
  });
});

describe('version manifest', () => {
  it('reads back what it wrote', () => {
    for (const manifest of MANIFESTS) {
      const parsed = parseManifest(serializeManifest(manifest));
      expect(parsed).toEqual({ ok: true, manifest });
    }
  });

  it('says what is wrong with a bad one', () => {
    expect(parseManifest('{')).toMatchObject({ ok: false, reason: expect.stringMatching(/^not JSON/) });
    expect(parseManifest('{"strata": 2}')).toEqual({ ok: false, reason: 'written by a different Strata (format 2, expected 1)' });
    expect(parseManifest('{"strata": 1, "version": "1.0", "folders": ["1.0"], "sitemaps": [], "redirects": [["/a/"]]}')).toEqual({ ok: false, reason: '`redirects` must be a list of [from, to] pairs' });
  });
});

import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { SiteLayoutInfo } from '../../src/build/layout-page.js';
import type { PreparedVersion } from '../../src/build/prepare-version.js';
import { parseBaseUrl } from '../../src/publish/base-url.js';
import { notFoundPage } from '../../src/publish/not-found.js';
import type { Layout } from '../../src/theme/contract.js';
import notFoundLayout from '../../themes/default/layouts/404.js';

const base = (() => {
  const r = parseBaseUrl('/docs/gloo/');
  if (!r.ok) throw new Error(r.reason);
  return r.base;
})();

function site(layouts: Record<string, Layout>): SiteLayoutInfo {
  return {
    title: 'Gloo',
    description: '',
    editUrl: undefined,
    search: true,
    assets: new Map([
      ['style.css', 'assets/style.abc.css'],
      ['strata/not-found.js', 'assets/strata/not-found.def.js'],
    ]),
    theme: { name: 't', dir: '/t', layouts: new Map(Object.entries(layouts)), assets: new Map(), files: [] },
    urlOf: (p) => `/docs/gloo/${p.replace(/^\//, '')}`,
  };
}

const versions = [
  { version: { name: '1.17.x', label: '1.17.x', status: 'maintained', latest: true } },
  { version: { name: '1.16.x', label: '1.16.x', status: 'maintained', latest: false } },
] as unknown as PreparedVersion[];

function links(html: string): string[] {
  const out: string[] = [];
  visit(fromHtml(html), 'element', (node) => {
    const url = node.properties.href ?? node.properties.src;
    if (typeof url === 'string') out.push(`${node.tagName} ${url}`);
  });
  return out;
}

describe('404.html', () => {
  it('is laid out by the theme’s 404 layout, with absolute paths under the base path only', () => {
    const html = notFoundPage(site({ '404': notFoundLayout }), versions, base);
    expect(links(html)).toEqual([
      'link /docs/gloo/assets/style.abc.css',
      'a /docs/gloo/',
      'a /docs/gloo/latest/',
      'script /docs/gloo/assets/strata/not-found.def.js',
    ]);
    expect(html).toContain('<title>Page not found — Gloo</title>');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('<div class="not-found" data-strata-not-found="" data-base="/docs/gloo/">');
  });

  it('gives the layout the versions, hrefs into latest and assets as absolute paths', () => {
    let seen: unknown;
    const probe: Layout = (ctx) => {
      seen = { versions: ctx.versions.map((v) => v.href), href: ctx.href('/a/'), asset: ctx.asset('style.css'), root: ctx.root, noindex: ctx.noindex };
      return ctx.content;
    };
    notFoundPage(site({ '404': probe }), versions, base);
    expect(seen).toEqual({ versions: ['/docs/gloo/latest/', '/docs/gloo/1.16.x/'], href: '/docs/gloo/latest/a/', asset: '/docs/gloo/assets/style.abc.css', root: '/docs/gloo/', noindex: true });
  });

  it('falls back to a plain document when the theme has no 404 layout', () => {
    const html = notFoundPage(site({}), versions, base);
    expect(html.startsWith('<!doctype html><html lang="en"><head>')).toBe(true);
    expect(html).toContain('<h1>Page not found</h1>');
    expect(links(html)).toEqual(['link /docs/gloo/assets/style.abc.css', 'a /docs/gloo/latest/', 'script /docs/gloo/assets/strata/not-found.def.js']);
  });
});

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build-site.js';
import { REPO } from '../support/cli.js';
import { makeSite, type TempSite } from '../support/site.js';

/**
 * Text from front matter, the config and file names is data: wherever it lands
 * (page titles and descriptions, navigation, the switcher, redirect pages,
 * 404.html, versions.json, page lists, sitemaps, _redirects) it must never
 * become markup, a script, an event handler or a `javascript:` URL.
 */

const TITLE = `</title><script>alert("title")</script>`;
const DESCRIPTION = `"><script>alert("description")</script><meta http-equiv="refresh" content="0;url=javascript:alert(1)">`;
const LINK_TITLE = `<img src=x onerror=alert("linkTitle")>`;
const SITE_TITLE = `Docs</title><script>alert("site")</script>`;
const LABEL = `<svg onload=alert("label")>`;
const ALIASES = [`/old/"><script>alert('alias')</script>/`, `/old page/`, `javascript:alert('alias')`, `/x'onmouseover=alert(1)'/`];
const DIR = `<img src=x onerror=alert('dir')>`;
const FILE = `"'><svg onload=alert('file')>.md`;

let site: TempSite;
let out: string;

beforeAll(async () => {
  site = makeSite({
    'strata.config.json': JSON.stringify({ title: SITE_TITLE, description: DESCRIPTION, baseUrl: 'https://docs.example.com/d/', redirectsFile: true, version: { name: '2.0.x', label: LABEL } }),
    'content/_index.md': '---\ntitle: Home\n---\nHome.\n',
    'content/hostile.md': `${JSON.stringify({ title: TITLE, description: DESCRIPTION, linkTitle: LINK_TITLE, aliases: ALIASES })}\nBody.\n`,
    [`content/${DIR}/${FILE}`]: '---\ntitle: From a hostile file name\n---\nBody.\n',
    'versions/1.0.x/content/_index.md': '---\ntitle: Old home\n---\nOld.\n',
    'versions/1.0.x/content/hostile.md': `${JSON.stringify({ title: TITLE })}\nOld body.\n`,
  });
  out = path.join(mkdtempSync(path.join(os.tmpdir(), 'strata-safety-')), 'dist');
  const summary = await buildSite({ siteDir: site.dir, outDir: out, output: 'files' });
  expect(summary.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(summary.written).toBe(true);
}, 60_000);

afterAll(() => {
  site?.cleanup();
  rmSync(path.dirname(out), { recursive: true, force: true });
});

function files(ext: string): string[] {
  return readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => path.join(e.parentPath, e.name));
}

const HOSTILE = /alert\(/;

describe('front matter, config and file names never become markup', () => {
  it('in every HTML file: no injected element, script, event handler or javascript: URL', () => {
    const html = files('.html');
    expect(html.length).toBeGreaterThan(8);
    const found: string[] = [];
    for (const file of html) {
      const where = path.relative(out, file);
      visit(fromHtml(readFileSync(file, 'utf8')), 'element', (node: Element) => {
        if (node.tagName === 'script' && HOSTILE.test(toString(node))) found.push(`${where}: <script> ${toString(node).slice(0, 80)}`);
        if (['svg', 'img'].includes(node.tagName) && JSON.stringify(node.properties).match(HOSTILE)) found.push(`${where}: <${node.tagName}>`);
        for (const [key, value] of Object.entries(node.properties)) {
          if (/^on/i.test(key)) found.push(`${where}: ${node.tagName}[${key}]`);
          const text = Array.isArray(value) ? value.join(' ') : String(value);
          if (/^\s*javascript:/i.test(text)) found.push(`${where}: ${node.tagName}[${key}=${text}]`);
          if (key === 'content' && String(node.properties.httpEquiv).toLowerCase() === 'refresh' && /url=\s*javascript:/i.test(text)) found.push(`${where}: meta refresh to ${text}`);
        }
      });
    }
    expect(found).toEqual([]);
  });

  it('titles, descriptions and labels arrive as the text written', () => {
    const page = fromHtml(readFileSync(path.join(out, '2.0.x/hostile/index.html'), 'utf8'));
    let title = '';
    let description: unknown;
    visit(page, 'element', (node: Element) => {
      if (node.tagName === 'title') title = toString(node);
      if (node.tagName === 'meta' && node.properties.name === 'description') description = node.properties.content;
    });
    expect(title).toBe(`${TITLE} — ${SITE_TITLE}`);
    expect(description).toBe(DESCRIPTION);
    const text = toString(page);
    expect(text).toContain(LINK_TITLE);
    expect(text).toContain(LABEL);
  });

  it('versions.json and the page lists are JSON holding the text as data', () => {
    const versions = JSON.parse(readFileSync(path.join(out, 'versions.json'), 'utf8')) as Array<{ version: string; title: string }>;
    expect(versions.map((v) => v.title)).toEqual([LABEL, '1.0.x']);
    const pages = JSON.parse(readFileSync(path.join(out, '2.0.x/strata-pages.json'), 'utf8')) as { pages: string[] };
    expect(pages.pages.some((p) => p.includes('<img'))).toBe(true);
    for (const file of files('.json')) expect(() => JSON.parse(readFileSync(file, 'utf8')), file).not.toThrow();
  });

  it('sitemaps are well-formed: every URL percent-encoded, no markup', () => {
    for (const file of files('sitemap.xml')) {
      const xml = readFileSync(file, 'utf8');
      const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1] as string);
      expect(locs.length, file).toBeGreaterThan(0);
      for (const loc of locs) {
        expect(loc).toMatch(/^https:\/\/docs\.example\.com\/d\/[A-Za-z0-9\-._~%!$&'()*+,;=:@/]*$/);
        expect(() => new URL(loc)).not.toThrow();
      }
      expect(xml.replace(/<\/?(\?xml[^>]*\?|urlset[^>]*|sitemapindex[^>]*|url|loc|lastmod|sitemap)>/g, '')).not.toMatch(/[<>"]/);
    }
  });

  it('_redirects has one rule a line, three fields each, every path percent-encoded', () => {
    const rules = readFileSync(path.join(out, '_redirects'), 'utf8').split('\n').filter((line) => line && !line.startsWith('#'));
    expect(rules.length).toBe(ALIASES.length * 2);
    for (const rule of rules) expect(rule).toMatch(/^\/d\/[^\s<>"]+ \/d\/[^\s<>"]+ 301$/);
  });

  it('redirect pages send readers to the page, never to a script', () => {
    const redirects = files('.html').filter((file) => readFileSync(file, 'utf8').includes('http-equiv="refresh"'));
    expect(redirects.length).toBeGreaterThanOrEqual(ALIASES.length * 2);
    for (const file of redirects) {
      const html = readFileSync(file, 'utf8');
      const target = /content="0; url=([^"]*)"/.exec(html)?.[1] ?? '';
      expect(new URL(target, `https://docs.example.com/d/${path.relative(out, file)}`).href, file).toMatch(/^https:\/\/docs\.example\.com\/d\/(2\.0\.x|latest)\/(hostile\/|index\.html)?/);
    }
  });

  it('the browser scripts Strata ships build the switcher and the 404 page from versions.json without innerHTML', () => {
    for (const file of readdirSync(path.join(REPO, 'src/client'))) {
      expect(readFileSync(path.join(REPO, 'src/client', file), 'utf8'), file).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    }
  });
});

describe('markdown.sanitize in the config', () => {
  it('cleans every page of a build, readfile output included; without it, authors’ HTML is kept', async () => {
    const files = {
      'content/_index.md': '---\ntitle: Home\n---\n<script>alert("raw")</script>\n\n<a href="javascript:alert(1)" onclick="alert(2)">x</a>\n\n{{< readfile file="snippets/snippet.html" >}}\n',
      'snippets/snippet.html': '<img src="logo.png" onerror="alert(3)">\n',
      'static/logo.png': 'png',
    };
    const built = async (sanitize: boolean) => {
      const one = makeSite({ ...files, 'strata.config.json': JSON.stringify({ version: { name: '1.0.x' }, markdown: { sanitize } }) });
      try {
        const summary = await buildSite({ siteDir: one.dir, output: 'files' });
        expect(summary.written).toBe(true);
        return readFileSync(path.join(one.dir, 'dist/1.0.x/index.html'), 'utf8');
      } finally {
        one.cleanup();
      }
    };
    const clean = await built(true);
    expect(clean).not.toMatch(HOSTILE);
    expect(clean).toMatch(/<img [^>]*src="logo.png">/);
    expect(clean).toContain('<a>x</a>');
    expect(await built(false)).toContain('<script>alert("raw")</script>');
  }, 60_000);
});

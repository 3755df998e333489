import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildSummary } from '../../src/build/build-site.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { REPO } from '../support/cli.js';

/** The bundled example docs, built as `npm run build` builds them. */
let out: string;
let summary: BuildSummary;
let seed: string;

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), 'strata-example-'));
  summary = await buildSite({ siteDir: REPO, outDir: out, output: 'files' });
  seed = readFileSync(path.join(out, '1.17.x/operations/upgrading/faq/index.html'), 'utf8');
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

function elements(html: string): Element[] {
  const all: Element[] = [];
  visit(fromHtml(html), 'element', (node) => {
    all.push(node);
  });
  return all;
}

describe('the example docs', () => {
  it('build with no errors and no warnings', () => {
    expect(summary.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(summary.pages).toBeGreaterThan(100);
  });

  it('emit three versions, latest, versions.json and a root redirect', () => {
    expect(summary.versions.map((v) => `${v.name}${v.latest ? ' (latest)' : ''}`)).toEqual(['1.17.x (latest)', '1.16.x', '1.15.x']);
    expect(readdirSync(out).sort()).toEqual(['.nojekyll', '1.15.x', '1.16.x', '1.17.x', '404.html', 'assets', 'index.html', 'latest', 'pagefind', 'robots.txt', 'versions.json']);
    expect(JSON.parse(readFileSync(path.join(out, 'versions.json'), 'utf8'))).toEqual([
      { version: '1.17.x', title: '1.17.x', aliases: ['latest'], status: 'maintained' },
      { version: '1.16.x', title: '1.16.x', aliases: [], status: 'maintained' },
      { version: '1.15.x', title: '1.15.x', aliases: [], status: 'unmaintained' },
    ]);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('<meta http-equiv="refresh" content="0; url=latest/">');
    expect(readFileSync(path.join(out, 'latest/operations/upgrading/faq/index.html'), 'utf8')).toContain('Review version 1.17 changes');
  });

  it('writes the same page documents under latest/ as under the latest version, the switcher staying in the folder read', () => {
    const pages = summary.versions.find((v) => v.latest)?.pages ?? 0;
    let same = 0;
    for (const file of readdirSync(path.join(out, '1.17.x'), { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('index.html') || readFileSync(path.join(out, '1.17.x', file), 'utf8').includes('http-equiv="refresh"')) continue;
      expect(readFileSync(path.join(out, 'latest', file), 'utf8'), file).toBe(readFileSync(path.join(out, '1.17.x', file), 'utf8'));
      same++;
    }
    expect(same).toBe(pages);
    const current = elements(seed).find((e) => e.tagName === 'a' && e.properties.ariaCurrent === 'page' && e.properties.dataVersion === '1.17.x');
    expect(current?.properties.href).toBe('./');
  });

  it('gives each version its own version files', () => {
    const old = readFileSync(path.join(out, '1.16.x/operations/upgrading/faq/index.html'), 'utf8');
    expect(toString(elements(old).find((e) => e.tagName === 'main') as Element)).toContain('Review version 1.16 changes');
  });

  it('points canonical links at the latest version of the page, and keeps unmaintained versions out of search engines', () => {
    const canonical = (html: string) => elements(html).find((e) => e.tagName === 'link' && String(e.properties.rel) === 'canonical')?.properties.href;
    expect(canonical(readFileSync(path.join(out, '1.16.x/operations/upgrading/faq/index.html'), 'utf8'))).toBe('/latest/operations/upgrading/faq/');
    expect(canonical(readFileSync(path.join(out, '1.16.x/operations/access_logging/index.html'), 'utf8'))).toBe('/latest/operations/observability/access_logging/');
    const robots = (file: string) => elements(readFileSync(path.join(out, file), 'utf8')).some((e) => e.tagName === 'meta' && e.properties.name === 'robots' && e.properties.content === 'noindex');
    expect(robots('1.15.x/operations/upgrading/faq/index.html')).toBe(true);
    expect(robots('1.16.x/operations/upgrading/faq/index.html')).toBe(false);
  });

  it('writes a redirect page at each old URL of a moved page', () => {
    expect(readFileSync(path.join(out, '1.17.x/operations/access_logging/index.html'), 'utf8')).toContain('url=../observability/access_logging/');
  });

  it('render the seed page with every version value resolved', () => {
    const main = elements(seed).find((e) => e.tagName === 'main') as Element;
    const text = toString(main);
    expect(text).not.toMatch(/readfile|versioned_link_path|ZSTRATA|\{\{/);
    expect(text).toContain('Review version 1.17 changes');
    expect(text).toContain('Gloo Gateway Enterprise version 1.16.4, first upgrade your installation to version 1.16.8');
    expect(text).toContain('select v1.16.x');
    const code = elements(seed).filter((e) => e.tagName === 'code' && toString(e).includes('~ > glooctl version'));
    expect(toString(code[0] as Element)).toContain('Client: {"version":"1.17.3"}');
    expect(toString(code[0] as Element)).toContain('{"Tag":"1.17.5","Name":"grpcserver-ee"');
  });

  it('has each required id exactly once', () => {
    const ids = elements(seed).map((e) => e.properties.id).filter((id): id is string => typeof id === 'string');
    for (const id of ['prepare', 'review-changes', 'faqs', 'changelogs', 'extproc']) expect(ids.filter((i) => i === id)).toHaveLength(1);
  });

  it('strips the HTML comments (the ggv2 notes never reach readers)', () => {
    expect(seed).not.toContain('ggv2');
    expect(seed).not.toContain('<!--');
  });

  it('renders both notices as callouts with their markdown', () => {
    const notices = elements(seed).filter((e) => e.tagName === 'aside' && (e.properties.className as string[]).includes('notice'));
    expect(notices.map((n) => (n.properties.className as string[])[1])).toEqual(['notice-tip', 'notice-note']);
    expect(notices[0]?.children.some((c) => c.type === 'element' && c.tagName === 'p' && toString(c).includes('comparison tool'))).toBe(true);
    expect(toString(notices[1] as Element)).toContain('introduced with the 1.17.0 release');
  });

  it('writes links as relative URLs to pages that exist', () => {
    const links = elements(seed).filter((e) => e.tagName === 'a' && typeof e.properties.href === 'string');
    const internal = links.map((a) => a.properties.href as string).filter((h) => !/^(https?:|mailto:|#)/.test(h));
    expect(internal.length).toBeGreaterThan(15);
    for (const href of internal) {
      expect(href.startsWith('/')).toBe(false);
      const target = new URL(href, 'http://x/1.17.x/operations/upgrading/faq/').pathname;
      expect(() => readFileSync(path.join(out, target, 'index.html'))).not.toThrow();
    }
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { h, s } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { serializeHtml } from '../../src/html/serialize.js';
import { loadSite, siteLayoutInfo } from '../../src/build/load-site.js';
import { NullSink } from '../../src/build/output.js';
import { pageDocumentTree } from '../../src/build/page-document.js';
import { renderPage } from '../../src/build/render-page.js';
import { createRenderTools, createVersionEnv } from '../../src/build/version-env.js';
import { REPO } from '../support/cli.js';
import { renderOne } from '../support/render.js';

/** The fast serializer must write exactly what hast-util-to-html writes. */
describe('serializeHtml', () => {
  it('matches hast-util-to-html on tricky trees', () => {
    const trees: Root[] = [
      { type: 'root', children: [{ type: 'doctype' }, h('html', { lang: 'en' }, [h('head', [h('meta', { charset: 'utf-8' }), h('title', 'A & <b> "c"')]), h('body')])] },
      { type: 'root', children: [h('p', { className: ['a', 'b'], id: 'x', hidden: true, tabIndex: -1, dataFoo: `'q"&\``, ariaLabel: '' }, ['a < b & c > d']), h('input', { disabled: true, type: 'checkbox', checked: false })] },
      { type: 'root', children: [h('script', 'if (a < b && c) {}'), h('style', 'a > b {}'), { type: 'comment', value: 'x --> y' }, h('br'), h('img', { src: 'a b.png', alt: '' })] },
      { type: 'root', children: [s('svg', { viewBox: '0 0 1 1', strokeWidth: 2, ariaHidden: 'true' }, [s('path', { d: 'M0 0', fillRule: 'evenodd' }), s('title', 'T & t')])] },
      { type: 'root', children: [h('a', { href: 'x?a=1&b=2', download: true }, 'x'), h('link', { rel: ['canonical'], href: '/x/' }), h('meta', { content: 'width=device-width, initial-scale=1', name: 'viewport' })] },
      { type: 'root', children: [h('td', { style: 'text-align:left', colSpan: 2, headers: ['a', 'b'] }, 'x'), h('area', { coords: [1, 2, 3] })] },
      // Void elements are closed when they have content, and only then (an empty text child is none).
      { type: 'root', children: [h('br', 'x'), h('img', { src: 'a' }, [{ type: 'text', value: '' }]), h('hr', [h('span')]), h('input', [{ type: 'comment', value: '' }])] },
    ];
    for (const tree of trees) expect(serializeHtml(tree)).toBe(toHtml(tree));
  });

  it('matches hast-util-to-html on every built page of the example', async () => {
    const dirs = [path.join(REPO, 'content'), path.join(REPO, 'versions/1.16.x/content')];
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const f = path.join(dir, e.name);
        if (e.isDirectory()) walk(f);
        else if (f.endsWith('.md')) files.push(f);
      }
    };
    dirs.forEach(walk);
    for (const file of files) {
      const rendered = await renderOne(readFileSync(file, 'utf8'), { root: REPO, source: path.relative(REPO, file) });
      expect(serializeHtml(rendered.body)).toBe(toHtml(rendered.body));
      // And a round trip through parse5 (raw HTML, entities, odd markup).
      const reparsed = fromHtml(toHtml(rendered.body));
      expect(serializeHtml(reparsed)).toBe(toHtml(reparsed));
    }
    expect(files.length).toBeGreaterThan(60);
  });

  it('matches hast-util-to-html on whole documents of the default theme', async () => {
    const { site } = await loadSite({ siteDir: REPO });
    if (!site) throw new Error('the example does not load');
    const layout = await siteLayoutInfo(site, new NullSink());
    const tools = createRenderTools(site.config, site.registry);
    for (const prepared of site.versions) {
      const env = createVersionEnv(prepared, site.config, tools);
      for (const page of prepared.pages.slice(0, 12)) {
        const tree = pageDocumentTree(await renderPage(page, env), prepared, site.versions, layout);
        expect(serializeHtml(tree)).toBe(toHtml(tree));
      }
    }
    site.close();
  });
});

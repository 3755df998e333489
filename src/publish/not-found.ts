import type { ElementContent, Root } from 'hast';
import { h } from '../html/h.js';
import { serializeHtml } from '../html/serialize.js';
import type { SiteLayoutInfo } from '../build/layout-page.js';
import { LATEST_FOLDER } from '../build/page-document.js';
import type { PreparedVersion } from '../build/prepare-version.js';
import type { LayoutContext } from '../theme/contract.js';
import { absolutePath, type BaseUrl } from './base-url.js';

/** The name of the optional theme layout for the 404 page. */
export const NOT_FOUND_LAYOUT = '404';
const SCRIPT = 'strata/not-found.js';

/**
 * `404.html` at the root of the output. Hosts serve it at any address that
 * has no file, so every link and asset in it is an absolute path under the
 * base path (`/docs/gloo/assets/…`), never relative.
 *
 * Without JavaScript it offers the latest version's home. Its script reads the
 * address and `versions.json` and adds the same page in the latest version
 * (or its nearest section there) and the home of the version the address
 * names. The theme's `404` layout wraps it like a page (`ctx.content`); a
 * theme without one gets a plain document with the theme's stylesheet.
 */
export function notFoundPage(site: SiteLayoutInfo, all: readonly PreparedVersion[], base: BaseUrl): string {
  const latest = all.find((v) => v.version.latest) ?? all[0];
  const home = absolutePath(base, latest?.version.latest ? `${LATEST_FOLDER}/` : `${latest?.version.name ?? ''}/`);
  const asset = (name: string) => absolutePath(base, site.assets.get(name) ?? `assets/${name}`);
  const title = 'Page not found';
  const content: Root = {
    type: 'root',
    children: [
      h('div', { className: ['not-found'], dataStrataNotFound: '', dataBase: base.path }, [
        h('p', 'There is no page at this address. It may have moved, or belong to another version of the documentation.'),
        h('ul', { className: ['not-found-links'] }, [h('li', [h('a', { href: home, dataNotFound: 'latest-home' }, `Home page of the latest version${latest ? ` (${latest.version.label})` : ''}`)])]),
      ]),
      h('script', { type: 'module', src: asset(SCRIPT) }),
    ],
  };
  const layout = site.theme.layouts.get(NOT_FOUND_LAYOUT);
  if (!layout) return serializeHtml(fallbackDocument(site, title, content, site.assets.has('style.css') ? asset('style.css') : undefined));

  const version = latest?.version;
  const ctx: LayoutContext = {
    h,
    site: { title: site.title, description: site.description, editUrl: site.editUrl, search: site.search },
    version: { name: version?.name ?? '', label: version?.label ?? '', status: version?.status ?? 'maintained', latest: true, alias: version?.latest ? LATEST_FOLDER : undefined },
    page: { url: '/404.html', title, description: '', kind: 'page', params: {}, source: '', aliases: [], features: [], editUrl: undefined, lastUpdated: undefined },
    content,
    toc: [],
    nav: [],
    breadcrumbs: [],
    children: [],
    previous: undefined,
    next: undefined,
    versions: all.map(({ version: v }) => ({
      name: v.name,
      label: v.label,
      status: v.status,
      latest: v.latest,
      current: false,
      samePage: false,
      href: absolutePath(base, `${v.latest ? LATEST_FOLDER : v.name}/`),
    })),
    // Site paths of the latest version, as absolute paths: the page is served at any address.
    href: (url) => absolutePath(base, `${version?.latest ? LATEST_FOLDER : (version?.name ?? '')}${url}`),
    asset,
    root: base.path,
    canonical: undefined,
    noindex: true,
    partial: (name, props) => {
      const part = site.theme.layouts.get(name);
      if (!part) throw new Error(`layout \`${name}\` not found`);
      const out = part(ctx, props);
      return isRoot(out) ? (out.children as ElementContent[]) : out;
    },
  };
  const out = layout(ctx);
  const tree: Root = isRoot(out) ? out : { type: 'root', children: Array.isArray(out) ? out : [out] };
  return serializeHtml(tree);
}

function fallbackDocument(site: SiteLayoutInfo, title: string, content: Root, stylesheet: string | undefined): Root {
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'en' }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', `${title} — ${site.title}`),
          h('meta', { name: 'robots', content: 'noindex' }),
          stylesheet ? h('link', { rel: 'stylesheet', href: stylesheet }) : undefined,
        ]),
        h('body', [h('main', [h('h1', title), ...(content.children as ElementContent[])])]),
      ]),
    ],
  };
}

function isRoot(value: unknown): value is Root {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && (value as { type?: string }).type === 'root';
}

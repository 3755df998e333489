import type { Layout } from 'strata-docs/theme';

/** Home › Section › … › this page (the last entry is the page, not a link). */
const breadcrumbs: Layout = (ctx) => {
  const { h } = ctx;
  if (ctx.page.kind === 'home') return [];
  return h('nav', { className: ['breadcrumbs'], ariaLabel: 'Breadcrumbs' }, [
    h('ol', [
      ...ctx.breadcrumbs.map((b) => h('li', h('a', { href: b.href }, b.kind === 'home' ? 'Home' : b.title))),
      h('li', h('span', { ariaCurrent: 'page' }, ctx.page.title)),
    ]),
  ]);
};

export default breadcrumbs;

import type { Layout } from 'strata-docs/theme';

/** The page's footer: site and version. */
const footer: Layout = (ctx) => {
  const { h } = ctx;
  return h('footer', { className: ['site-footer'] }, [h('p', `${ctx.site.title} · version ${ctx.version.label} · built with Strata`)]);
};

export default footer;

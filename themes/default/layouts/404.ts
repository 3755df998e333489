import type { Layout } from 'strata-docs/theme';

/**
 * The 404 page (written once, as 404.html at the root of the output). Hosts
 * serve it at any address, so `ctx.href`, `ctx.asset` and `ctx.root` are
 * absolute paths under the base path here. `ctx.content` holds Strata's
 * suggestions and the script that fills them in: keep it, and its `data-*`
 * attributes.
 */
const notFound: Layout = (ctx) => {
  const { h } = ctx;
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'en' }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', `${ctx.page.title} — ${ctx.site.title}`),
          h('meta', { name: 'robots', content: 'noindex' }),
          h('link', { rel: 'stylesheet', href: ctx.asset('style.css') }),
        ]),
        h('body', [h('header', [h('a', { href: ctx.root }, ctx.site.title)]), h('main', [h('h1', ctx.page.title), ...ctx.content.children])]),
      ]),
    ],
  };
};

export default notFound;

import type { Layout } from 'strata-docs/theme';

/** Minimal page layout: title, version switcher, navigation, body. */
const page: Layout = (ctx) => {
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
          ctx.page.description ? h('meta', { name: 'description', content: ctx.page.description }) : undefined,
          ctx.canonical ? h('link', { rel: 'canonical', href: ctx.canonical }) : undefined,
          ctx.noindex ? h('meta', { name: 'robots', content: 'noindex' }) : undefined,
          h('link', { rel: 'stylesheet', href: ctx.asset('style.css') }),
        ]),
        h('body', [
          h('header', [h('a', { href: ctx.href('/') }, ctx.site.title), ' ', ctx.partial('version-switcher')]),
          h('nav', { 'aria-label': 'Sections' }, h('ul', ctx.nav.map((item) => h('li', h('a', { href: item.href }, item.title))))),
          h('main', [ctx.partial('version-banner'), h('h1', ctx.page.title), ...ctx.content.children]),
        ]),
      ]),
    ],
  };
};

export default page;

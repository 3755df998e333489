// The layout the benchmark gives Hugo (`bench/hugo-site/layouts/_default/single.html`), as a Strata theme: title,
// description, the top sections, the heading and the table of contents, the page. `npm run bench` builds each corpus
// with it too ("Hugo's layout" row), to tell what Strata's engine costs from what its default theme adds.
export default function page(ctx) {
  const { h } = ctx;
  const toc = ctx.toc.length > 0 ? h('nav', { id: 'TableOfContents' }, [h('ul', ctx.toc.map((e) => h('li', [h('a', { href: `#${e.id}` }, e.text)])))]) : undefined;
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'en' }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          h('title', `${ctx.page.title} — ${ctx.site.title}`),
          ctx.page.description ? h('meta', { name: 'description', content: ctx.page.description }) : undefined,
        ]),
        h('body', [
          h('nav', [h('ul', ctx.nav.slice(1).map((section) => h('li', [h('a', { href: section.href }, section.title)])))]),
          h('main', [h('h1', ctx.page.title), toc, ...ctx.content.children]),
        ]),
      ]),
    ],
  };
}

import type { Layout } from 'strata-docs/theme';

/**
 * The whole document. Every region is a partial (`header`, `sidebar`,
 * `breadcrumbs`, `version-banner`, `content`, `children`, `page-meta`,
 * `page-nav`, `toc`, `footer`, `search`), so a site overrides one region by
 * adding `layouts/<name>.ts` without copying the rest.
 */
const page: Layout = (ctx) => {
  const { h } = ctx;
  const hasBody = ctx.content.children.some((n) => n.type !== 'text' || n.value.trim() !== '');
  const listChildren = ctx.page.kind !== 'page' && !hasBody && ctx.children.length > 0;
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'en', dir: 'ltr' }, [
        h('head', ctx.partial('head')),
        h('body', { className: [`kind-${ctx.page.kind}`] }, [
          h('a', { className: ['skip-link'], href: '#main-content' }, 'Skip to content'),
          ctx.partial('header'),
          h('div', { className: ['page-shell'] }, [
            ctx.partial('sidebar'),
            h('main', { id: 'main-content', className: ['main'], tabIndex: -1 }, [
              h('div', { className: ['main-column'] }, [
                ctx.partial('breadcrumbs'),
                ctx.partial('version-banner'),
                h(
                  'article',
                  {
                    className: ['content'],
                    // The search index reads only this element, with the version as a filter.
                    dataPagefindBody: '',
                    dataPagefindFilter: `version:${ctx.version.name}`,
                    dataPagefindMeta: `version:${ctx.version.label}`,
                  },
                  [
                    h('header', { className: ['content-header'] }, [
                      h('h1', ctx.page.title),
                      listChildren && ctx.page.description ? h('p', { className: ['lead'] }, ctx.page.description) : undefined,
                    ]),
                    ctx.partial('toc', { variant: 'inline' }),
                    ctx.partial('content'),
                    listChildren ? ctx.partial('children') : undefined,
                  ],
                ),
                ctx.partial('page-meta'),
                ctx.partial('page-nav'),
              ]),
              ctx.partial('toc', { variant: 'aside' }),
            ]),
          ]),
          ctx.partial('footer'),
          ctx.site.search ? ctx.partial('search') : undefined,
        ]),
      ]),
    ],
  };
};

export default page;

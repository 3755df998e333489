import type { Layout } from 'strata-docs/theme';

/** A section page without a body of its own lists its pages and subsections, with their descriptions. */
const children: Layout = (ctx) => {
  const { h } = ctx;
  return h('nav', { className: ['section-children'], ariaLabel: `Pages in ${ctx.page.title}` }, [
    h(
      'ul',
      ctx.children.map((c) =>
        h('li', { className: ['child-card', `child-${c.kind}`] }, [
          h('a', { href: c.href }, [h('span', { className: ['child-title'] }, c.title), ctx.partial('icon', { name: 'arrow-right' })]),
          c.description ? h('p', c.description) : undefined,
        ]),
      ),
    ),
  ]);
};

export default children;

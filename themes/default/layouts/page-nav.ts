import type { Layout, NavItem } from 'strata-docs/theme';

/** Previous and next pages in reading order. */
const pageNav: Layout = (ctx) => {
  const { h } = ctx;
  if (!ctx.previous && !ctx.next) return [];
  const card = (item: NavItem, rel: 'prev' | 'next') =>
    h('a', { className: ['page-nav-link', `page-nav-${rel}`], href: item.href, rel }, [
      h('span', { className: ['page-nav-label'] }, [
        rel === 'prev' ? ctx.partial('icon', { name: 'arrow-left' }) : undefined,
        rel === 'prev' ? 'Previous' : 'Next',
        rel === 'next' ? ctx.partial('icon', { name: 'arrow-right' }) : undefined,
      ]),
      h('span', { className: ['page-nav-title'] }, item.title),
    ]);
  return h('nav', { className: ['page-nav'], ariaLabel: 'Previous and next pages' }, [
    ctx.previous ? card(ctx.previous, 'prev') : h('span'),
    ctx.next ? card(ctx.next, 'next') : undefined,
  ]);
};

export default pageNav;

import type { Element, Layout, LayoutContext, NavItem } from 'strata-docs/theme';

/**
 * The section tree. Sections are collapsible without JavaScript: the link
 * goes to the section page, the `<summary>` beside it opens or closes its
 * pages. The current page and its ancestors start open and are marked.
 */
const sidebar: Layout = (ctx) => {
  const { h } = ctx;
  const [home, ...sections] = ctx.nav;
  const items = [...(home ? [link(ctx, home, 'nav-home')] : []), ...sections.map((s) => item(ctx, s, 1))];
  return h('nav', { id: 'sidebar', className: ['sidebar'], ariaLabel: 'Documentation' }, [
    h('div', { className: ['sidebar-scroll'] }, [h('ul', { className: ['nav-tree'] }, items)]),
  ]);
};

function item(ctx: LayoutContext, node: NavItem, depth: number): Element {
  const { h } = ctx;
  if (node.children.length === 0) return link(ctx, node);
  const expanded = node.current || node.open;
  const classes = ['nav-item', 'nav-section', `depth-${Math.min(depth, 6)}`];
  if (node.open) classes.push('ancestor');
  return h('li', { className: classes }, [
    anchor(ctx, node),
    h('details', { open: expanded }, [
      h('summary', { className: ['nav-toggle'], ariaLabel: `${node.title}: show or hide its pages` }),
      h('ul', node.children.map((c) => item(ctx, c, depth + 1))),
    ]),
  ]);
}

function link(ctx: LayoutContext, node: NavItem, extra?: string): Element {
  const classes = ['nav-item'];
  if (extra) classes.push(extra);
  return ctx.h('li', { className: classes }, anchor(ctx, node));
}

function anchor(ctx: LayoutContext, node: NavItem): Element {
  const classes = ['nav-link'];
  if (node.current) classes.push('current');
  if (node.open) classes.push('ancestor');
  return ctx.h('a', { className: classes, href: node.href, ariaCurrent: node.current ? 'page' : undefined }, node.title);
}

export default sidebar;

import type { Element, Layout, TocEntry } from 'strata-docs/theme';

/**
 * "On this page": the page's h2 and h3, nested. `variant: 'aside'` is the
 * right-hand column on wide screens (with scroll-spy); `variant: 'inline'` the
 * collapsible list shown above the content on narrower ones.
 */
const toc: Layout = (ctx, props) => {
  const { h } = ctx;
  const inline = props?.variant === 'inline';
  // The column stays (empty) on short pages, so the text does not move from page to page.
  if (ctx.toc.length < 2) return inline ? [] : h('div', { className: ['toc-column'] });
  const list = nest(ctx.h, ctx.toc);
  if (inline) {
    return h('nav', { className: ['toc', 'toc-inline'], ariaLabel: 'On this page', dataPagefindIgnore: '' }, [
      h('details', [h('summary', 'On this page'), list]),
    ]);
  }
  return h('div', { className: ['toc-column'] }, [
    h('nav', { className: ['toc', 'toc-aside'], ariaLabelledby: 'strata-toc-title' }, [
      h('h2', { id: 'strata-toc-title', className: ['toc-title'] }, 'On this page'),
      list,
    ]),
  ]);
};

function nest(h: Parameters<Layout>[0]['h'], entries: TocEntry[]): Element {
  const top = Math.min(...entries.map((e) => e.depth));
  const root: Element = h('ul');
  let current: Element | undefined;
  for (const entry of entries) {
    const li = h('li', { className: [`toc-depth-${entry.depth - top + 2}`] }, h('a', { href: `#${entry.id}`, dataTocLink: entry.id }, entry.text));
    if (entry.depth === top || !current) {
      root.children.push(li);
      current = li;
    } else {
      let sub = current.children.find((c): c is Element => c.type === 'element' && c.tagName === 'ul');
      if (!sub) {
        sub = h('ul');
        current.children.push(sub);
      }
      sub.children.push(li);
    }
  }
  return root;
}

export default toc;

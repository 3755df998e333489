import type { Element, ElementContent, Layout, LayoutContext } from 'strata-docs/theme';

const ANCHORED = new Set(['h2', 'h3', 'h4']);
const NOTICE_ICONS: Record<string, string> = { note: 'note', tip: 'tip', info: 'info', warning: 'warning' };

/**
 * The rendered markdown, dressed for reading: a link to each h2–h4, tables
 * that scroll sideways on narrow screens, lazy images, icons in notices.
 * Builds a new tree and leaves `ctx.content` as it is (a page may be laid out
 * more than once, e.g. for `latest/`).
 */
const content: Layout = (ctx) => {
  const state = { tables: 0 };
  return ctx.h('div', { className: ['prose'] }, ctx.content.children.map((n) => dress(ctx, n as ElementContent, state)));
};

/** The node dressed, or the node itself when nothing in it needs dressing (most of a page, tens of thousands of nodes). */
function dress(ctx: LayoutContext, node: ElementContent, state: { tables: number }): ElementContent {
  if (node.type !== 'element') return node;
  const { h } = ctx;
  const id = typeof node.properties.id === 'string' ? node.properties.id : undefined;
  if (ANCHORED.has(node.tagName) && id) {
    // The link sits beside the heading, not inside it, so the heading's name stays its text.
    const heading = { ...node, children: node.children.map((c) => dress(ctx, c, state)) };
    return h('div', { className: ['heading-wrapper', `level-${node.tagName}`] }, [
      heading,
      h('a', { className: ['anchor-link'], href: `#${id}`, dataPagefindIgnore: '' }, [
        h('span', { className: ['sr-only'] }, `Link to section “${textOf(node).trim()}”`),
        ctx.partial('icon', { name: 'link' }),
      ]),
    ]);
  }
  if (node.tagName === 'table') {
    state.tables++;
    const caption = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'caption');
    const label = caption ? textOf(caption).trim() : `Table ${state.tables}`;
    // Focusable so keyboard users can scroll it; named so screen readers announce the region.
    return h('div', { className: ['table-wrapper'], role: 'region', ariaLabel: label, tabIndex: 0 }, [copy(ctx, node, state)]);
  }
  if (node.tagName === 'img') {
    return { ...node, properties: { loading: 'lazy', decoding: 'async', ...node.properties } };
  }
  const classes = node.tagName === 'aside' && Array.isArray(node.properties.className) ? node.properties.className.map(String) : undefined;
  if (classes?.includes('notice')) {
    const kind = classes.find((c) => c.startsWith('notice-'))?.slice('notice-'.length) ?? 'note';
    const [first, ...rest] = node.children;
    if (first?.type === 'element' && (first.properties.className as string[] | undefined)?.includes('notice-title')) {
      const title = { ...first, children: [ctx.partial('icon', { name: NOTICE_ICONS[kind] ?? 'note' }), ...first.children] as ElementContent[] };
      return { ...node, children: [title, ...rest.map((c) => dress(ctx, c, state))] };
    }
  }
  return copy(ctx, node, state);
}

function copy(ctx: LayoutContext, node: Element, state: { tables: number }): Element {
  // Code frames and raw blocks need no dressing: share them as they are.
  if (node.tagName === 'pre' || (node.tagName === 'div' && (node.properties.className as string[] | undefined)?.includes('highlight'))) return node;
  // So is any element nothing in which was dressed (most of a page): a copy only where something changed.
  let children: ElementContent[] | undefined;
  for (let i = 0; i < node.children.length; i++) {
    const child = node.children[i] as ElementContent;
    const dressed = dress(ctx, child, state);
    if (dressed !== child) children ??= node.children.slice(0, i);
    children?.push(dressed);
  }
  return children ? { ...node, children } : node;
}

/** The text of a node, as `hast-util-to-string` gives it (themes carry no dependencies). */
function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

export default content;

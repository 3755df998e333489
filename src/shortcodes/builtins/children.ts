import type { Element, ElementContent } from 'hast';
import { h } from '../../html/h.js';
import { rules } from '../../diagnostics/rules.js';
import { withoutAutoId } from '../../transforms/heading-ids.js';
import type { PageSummary, ShortcodeContext, ShortcodeDefinition } from '../definition.js';
import { isTrue } from './values.js';

const STYLES = ['li', 'h2', 'h3', 'h4', 'h5', 'h6', 'div'];

/**
 * The Learn/Relearn theme's `{{% children %}}`: the pages of the current
 * section, as links, by weight then title (`sort="title"` by title).
 * `description="true"` adds each page's description, `depth="2"` lists
 * grandchildren too, `showhidden="true"` includes `hidden` pages, and
 * `style` (`li`, `h2`…`h6`, `div`) picks the markup. Authors often never
 * close it; both forms work.
 */
export const children: ShortcodeDefinition = {
  name: 'children',
  inner: 'optional',
  render(ctx) {
    let style = ctx.get('style') || 'li';
    if (!STYLES.includes(style)) {
      ctx.report(`unknown children style \`${style}\`; use one of ${STYLES.join(', ')}`, { ruleId: rules.shortcodeParams, severity: 'warning', param: 'style' });
      style = 'li';
    }
    const depth = Math.max(1, Number.parseInt(ctx.get('depth') ?? '1', 10) || 1);
    const options: ListOptions = {
      style,
      depth,
      description: isTrue(ctx.get('description')),
      showHidden: isTrue(ctx.get('showhidden')),
      byTitle: (ctx.get('sort') ?? '').toLowerCase() === 'title',
    };
    return { hast: [list(ctx, ctx.page.url, options, 1)] };
  },
};

interface ListOptions {
  style: string;
  depth: number;
  description: boolean;
  showHidden: boolean;
  byTitle: boolean;
}

function list(ctx: ShortcodeContext, url: string, options: ListOptions, level: number): Element {
  let pages = ctx.pages.children(url).filter((p) => options.showHidden || !p.hidden);
  if (options.byTitle) pages = [...pages].sort((a, b) => a.title.localeCompare(b.title) || a.url.localeCompare(b.url));
  const items = pages.map((page) => item(ctx, page, options, level));
  return options.style === 'li'
    ? h('ul', { className: level === 1 ? ['children', 'children-li'] : undefined }, items)
    : h('div', { className: level === 1 ? ['children', `children-${options.style}`] : undefined }, items.flat());
}

function item(ctx: ShortcodeContext, page: PageSummary, options: ListOptions, level: number): ElementContent {
  const link = h('a', { href: page.url }, page.title);
  const parts: ElementContent[] = [];
  if (options.style === 'li' || options.style === 'div') parts.push(options.style === 'div' ? h('p', link) : link);
  else parts.push(withoutAutoId(h(options.style, link)));
  if (options.description && page.description) parts.push(h('p', page.description));
  if (level < options.depth && ctx.pages.children(page.url).length) parts.push(list(ctx, page.url, options, level + 1));
  return options.style === 'li' ? h('li', parts) : h('div', parts);
}

import type { ElementContent } from 'hast';
import { h } from '../../html/h.js';
import type { ShortcodeDefinition } from '../definition.js';
import { firstOf, isTrue } from './values.js';

/**
 * The Learn/Relearn theme's `{{% expand "Title" %}}…{{% /expand %}}`: a
 * collapsible section, closed unless `open`/`expanded` is true (or a second
 * positional `true`). Built on `<details>`, so it works without JavaScript
 * and with the keyboard. The title is inline markdown; the body renders as markdown.
 */
export const expand: ShortcodeDefinition = {
  name: 'expand',
  inner: 'required',
  async render(ctx) {
    const title = firstOf(ctx.get, 'title', 0) || 'Expand me...';
    const open = isTrue(firstOf(ctx.get, 'open', 'expanded', 1));
    const body = ctx.inner ? ((await ctx.inner.render()).children as ElementContent[]) : [];
    return { hast: [h('details', { className: ['expand'], open: open || undefined }, [h('summary', await ctx.markdownify(title)), ...body])] };
  },
};

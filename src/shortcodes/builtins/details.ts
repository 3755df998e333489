import type { ElementContent } from 'hast';
import { h } from '../../html/h.js';
import type { ShortcodeDefinition } from '../definition.js';
import { isTrue } from './values.js';

/**
 * Hugo's `{{< details summary="…" open=true >}}…{{< /details >}}` (built in
 * since Hugo 0.140): a `<details>` whose summary is inline markdown and whose
 * body renders as markdown. `class`, `name` and `title` become attributes.
 */
export const details: ShortcodeDefinition = {
  name: 'details',
  inner: 'required',
  async render(ctx) {
    const get = (key: string) => ctx.get(key) || undefined;
    const summary = await ctx.markdownify(get('summary') ?? 'Details');
    const body = ctx.inner ? ((await ctx.inner.render()).children as ElementContent[]) : [];
    const open = ctx.get('open');
    return {
      hast: [
        h('details', { className: get('class')?.split(/\s+/), name: get('name'), open: isTrue(open) || undefined, title: get('title') }, [h('summary', summary), ...body]),
      ],
    };
  },
};

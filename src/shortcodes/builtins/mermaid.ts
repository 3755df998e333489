import { h } from '../../html/h.js';
import type { ShortcodeDefinition } from '../definition.js';
import { deindent } from './values.js';

/**
 * `{{< mermaid >}}graph LR; A-->B{{< /mermaid >}}` (Learn, Relearn): the
 * diagram source in `<pre class="mermaid">`, drawn in the browser by the
 * mermaid script, which Strata serves itself (no CDN) on pages that use it.
 * Without JavaScript the source stays readable.
 */
export const mermaid: ShortcodeDefinition = {
  name: 'mermaid',
  inner: 'required',
  async render(ctx) {
    ctx.useFeature('mermaid');
    const source = ctx.inner ? deindent(await ctx.inner.text()) : '';
    return { hast: [h('pre', { className: ['mermaid'] }, source)] };
  },
};

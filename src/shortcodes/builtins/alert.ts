import type { ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { h } from '../../html/h.js';
import { rules } from '../../diagnostics/rules.js';
import { withoutAutoId } from '../../transforms/heading-ids.js';
import type { ShortcodeDefinition } from '../definition.js';

const COLORS = ['primary', 'secondary', 'success', 'danger', 'warning', 'info', 'light', 'dark'];

/**
 * Docsy's `{{% alert title="Warning" color="warning" %}}…{{% /alert %}}`: a
 * Bootstrap alert (`<div class="alert alert-warning" role="alert">`) with an
 * optional `<h4 class="alert-heading">` (HTML allowed, as in Docsy) and a body
 * rendered as markdown. `color` defaults to `primary`.
 */
export const alert: ShortcodeDefinition = {
  name: 'alert',
  inner: 'required',
  async render(ctx) {
    let color = ctx.get('color') || 'primary';
    if (!COLORS.includes(color)) {
      ctx.report(`unknown alert color \`${color}\`; use one of ${COLORS.join(', ')}`, { ruleId: rules.shortcodeParams, severity: 'warning', param: 'color' });
      color = 'primary';
    }
    const title = ctx.get('title');
    const body = ctx.inner ? ((await ctx.inner.render()).children as ElementContent[]) : [];
    const heading = title ? [withoutAutoId(h('h4', { className: ['alert-heading'] }, fromHtml(title, { fragment: true }).children as ElementContent[]))] : [];
    return { hast: [h('div', { className: ['alert', `alert-${color}`], role: 'alert' }, [...heading, ...body])] };
  },
};

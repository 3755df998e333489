import type { ElementContent } from 'hast';
import { h } from '../../html/h.js';
import { rules } from '../../diagnostics/rules.js';
import type { ShortcodeDefinition } from '../definition.js';

const KINDS = ['note', 'tip', 'info', 'warning'] as const;
const TITLES: Record<string, string> = { note: 'Note', tip: 'Tip', info: 'Info', warning: 'Warning' };

/**
 * `{{% notice tip %}}…{{% /notice %}}`: a callout whose inner content renders
 * as markdown. Built as a tree, so the theme styles it and nothing is escaped twice.
 */
export const notice: ShortcodeDefinition = {
  name: 'notice',
  inner: 'required',
  async render(ctx) {
    let kind = ctx.get(0) ?? ctx.get('type') ?? 'note';
    if (!(KINDS as readonly string[]).includes(kind)) {
      ctx.report(`unknown notice type \`${kind}\`; use one of ${KINDS.join(', ')}`, { ruleId: rules.shortcodeParams, severity: 'warning', param: 0 });
      kind = 'note';
    }
    const body = ctx.inner ? (await ctx.inner.render()).children : [];
    const title = ctx.get(1) ?? ctx.get('title') ?? (TITLES[kind] as string);
    const callout = h('aside', { className: ['notice', `notice-${kind}`], role: 'note' }, [
      h('p', { className: ['notice-title'] }, title),
      ...(body as ElementContent[]),
    ]);
    return { hast: [callout] };
  },
};

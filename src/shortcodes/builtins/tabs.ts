import type { Element, ElementContent } from 'hast';
import { h } from '../../html/h.js';
import { rules } from '../../diagnostics/rules.js';
import { ScratchKey, type ShortcodeContext, type ShortcodeDefinition } from '../definition.js';
import { codeBlock } from './code-block.js';
import { deindent, firstOf } from './values.js';

interface Tab {
  title: string;
  content: ElementContent[];
}

/** Where each `tab` leaves its panel for the enclosing `tabs`. */
const TABS = new ScratchKey<Tab>('tabs');
const CONTAINERS = ['tabs', 'tabpane'];

/**
 * Tab views, as in Learn/Relearn (`tabs`/`tab`) and Docsy (`tabpane`/`tab`):
 *
 *     {{< tabs groupid="os" >}}
 *     {{% tab title="macOS" %}}…markdown…{{% /tab %}}
 *     {{< tab title="Helm values" codelang="yaml" >}}…code…{{< /tab >}}
 *     {{< /tabs >}}
 *
 * Output follows the WAI-ARIA tabs pattern (`tablist`, `tab`, `tabpanel`,
 * `aria-selected`, `aria-controls`), ids unique on the page. Every panel is
 * in the HTML, so without JavaScript all of them show; the theme's `tabs.js`
 * turns them into tabs. `groupid` syncs the views that share it.
 */
export const tabs: ShortcodeDefinition = { name: 'tabs', inner: 'required', render: renderTabs };
/** Docsy's name for `tabs`. */
export const tabpane: ShortcodeDefinition = { name: 'tabpane', inner: 'required', render: renderTabs };

/**
 * One tab: `title` (or `name`, Docsy's `header`, or the first positional
 * value). The body renders as markdown, or, with `codelang` (Docsy: `lang`),
 * as a code block of that language. Outside `tabs` it is a view of one tab.
 */
export const tab: ShortcodeDefinition = {
  name: 'tab',
  inner: 'required',
  async render(ctx) {
    const lang = firstOf(ctx.get, 'codelang', 'lang');
    const content: ElementContent[] =
      lang !== undefined ? [codeBlock(lang, ctx.inner ? deindent(await ctx.inner.text()) : '')] : ctx.inner ? ((await ctx.inner.render()).children as ElementContent[]) : [];
    const container = ctx.parent && CONTAINERS.includes(ctx.parent.name) ? ctx.parent : undefined;
    const title = firstOf(ctx.get, 'title', 'name', 'header', 0) ?? `Tab ${(container?.scratch.get(TABS).length ?? 0) + 1}`;
    if (container) {
      container.scratch.add(TABS, { title, content });
      return '';
    }
    return { hast: [tabView(ctx, [{ title, content }])] };
  },
};

async function renderTabs(ctx: ShortcodeContext) {
  // Rendering the inner content runs the nested `tab` calls, which add their panels.
  if (ctx.inner) await ctx.inner.expand();
  const panels = ctx.scratch.get(TABS);
  if (panels.length === 0) {
    ctx.report(`\`${ctx.name}\` holds no \`tab\``, { ruleId: rules.shortcodeParams, severity: 'warning' });
    return { hast: [] };
  }
  return { hast: [tabView(ctx, panels)] };
}

function tabView(ctx: ShortcodeContext, panels: readonly Tab[]): Element {
  ctx.useFeature('tabs');
  const id = ctx.uniqueId('tabs');
  const label = ctx.get('title') || undefined;
  return h('div', { className: ['tabs'], dataTabGroup: ctx.get('groupid') || undefined }, [
    h(
      'div',
      { role: 'tablist', ariaLabel: CONTAINERS.includes(ctx.name) ? label : undefined },
      panels.map((panel, i) =>
        h(
          'button',
          { type: 'button', role: 'tab', id: `${id}-tab-${i + 1}`, ariaSelected: i === 0 ? 'true' : 'false', ariaControls: `${id}-panel-${i + 1}`, tabIndex: i === 0 ? 0 : -1 },
          panel.title,
        ),
      ),
    ),
    ...panels.map((panel, i) =>
      h('div', { role: 'tabpanel', id: `${id}-panel-${i + 1}`, ariaLabelledBy: `${id}-tab-${i + 1}`, tabIndex: 0, dataTabTitle: panel.title }, structuredClone(panel.content)),
    ),
  ]);
}

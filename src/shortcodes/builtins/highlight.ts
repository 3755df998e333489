import { rules } from '../../diagnostics/rules.js';
import type { ShortcodeDefinition } from '../definition.js';
import { codeBlock, type CodeOptions } from './code-block.js';
import { deindent } from './values.js';

/**
 * Hugo's `{{< highlight go "linenos=table,hl_lines=2 4-5" >}}…{{< /highlight >}}`
 * (named `lang`, `linenos`, `hl_lines`, `linenostart` work too). The inner text,
 * nested shortcodes resolved to text and de-indented, becomes the same code
 * block a fence makes; highlighting happens later, for both alike.
 */
export const highlight: ShortcodeDefinition = {
  name: 'highlight',
  inner: 'required',
  async render(ctx) {
    const lang = ctx.get(0) ?? ctx.get('lang');
    const options: CodeOptions = parseOptions(ctx.get(1) ?? ctx.get('options') ?? '');
    for (const [key, field] of [['hl_lines', 'hlLines'], ['linenos', 'linenos'], ['linenostart', 'linenostart']] as const) {
      const value = ctx.get(key);
      if (value !== undefined) options[field] = value;
    }
    if (lang === undefined) ctx.report('highlight needs a language (`{{< highlight go >}}`); the code is shown without one', { ruleId: rules.shortcodeParams, severity: 'warning' });
    const text = ctx.inner ? deindent(await ctx.inner.text()) : '';
    return { hast: [codeBlock(lang, text, options)] };
  },
};

/** `linenos=table,hl_lines=2 4-5,linenostart=10` → options; unknown keys (`style`, `noclasses`) are Hugo's styling, ignored. */
function parseOptions(text: string): CodeOptions {
  const options: CodeOptions = {};
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    const value = part.slice(eq + 1).trim().replace(/^["'[]+|["'\]]+$/g, '');
    if (key === 'hl_lines') options.hlLines = value.replace(/["',]+/g, ' ').replace(/\s+/g, ' ');
    else if (key === 'linenos') options.linenos = value;
    else if (key === 'linenostart') options.linenostart = value;
  }
  return options;
}

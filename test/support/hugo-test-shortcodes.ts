import type { ShortcodeDefinition } from '../../src/shortcodes/definition.js';
import type { ParamValue, Params } from '../../src/shortcodes/parser.js';

/**
 * TypeScript twins of the test templates in test/hugo-site/layouts/shortcodes/,
 * so the differential fixtures exercise shortcode syntax, not template features.
 */
export const hugoTestShortcodes: ShortcodeDefinition[] = [
  { name: 'hello', inner: 'none', render: () => '<b>hi</b>' },
  {
    name: 'params',
    inner: 'none',
    render: (ctx) => `<span class="params" data-kind="${ctx.params.kind === 'named' ? 'named' : 'positional'}">${entries(ctx.params).map(([k, v]) => `[${k}=${escapeHtml(v.value)}]`).join('')}</span>`,
  },
  {
    name: 'paramtypes',
    inner: 'none',
    render: (ctx) => `<span class="paramtypes">${entries(ctx.params).map(([k, v]) => `[${k}:${goType(v)}]`).join('')}</span>`,
  },
  { name: 'inner', inner: 'required', render: async (ctx) => `<div class="inner">${(await ctx.inner?.expand()) ?? ''}</div>` },
  { name: 'mdout', inner: 'none', render: (ctx) => `**${ctx.get(0) ?? ''}** and [a link](/target/)` },
];

function entries(params: Params): Array<[string, ParamValue]> {
  if (params.kind === 'named') return [...params.values.entries()].sort(([a], [b]) => a.localeCompare(b));
  if (params.kind === 'positional') return params.values.map((v, i) => [String(i), v]);
  return [];
}

/** How Hugo types a parameter value (`printf "%T"`). */
function goType(v: ParamValue): string {
  if (v.quoting !== 'bare') return 'string';
  if (/^-?\d+$/.test(v.value)) return 'int';
  if (/^-?\d+\.\d+$/.test(v.value)) return 'float64';
  if (v.value === 'true' || v.value === 'false') return 'bool';
  return 'string';
}

/** Go's html/template escapes values printed in HTML text. */
function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
}

import { rules } from '../../diagnostics/rules.js';
import type { ShortcodeDefinition } from '../definition.js';

/**
 * Hugo's `{{< param "key" >}}`: a front matter value of the page, else the
 * site's `params` (Hugo's `.Page.Param`). Keys are case-insensitive and may
 * be dotted (`product.version`). A key set nowhere is an error, as in Hugo.
 */
export const param: ShortcodeDefinition = {
  name: 'param',
  inner: 'none',
  render(ctx) {
    const key = ctx.get(0) ?? ctx.get('name');
    if (key === undefined || key === '') {
      ctx.report('param needs a key (`{{< param "version" >}}`)', { ruleId: rules.shortcodeParams });
      return { text: '' };
    }
    const value = lookup(ctx.page.params, key) ?? lookup(ctx.site.params, key);
    if (value === undefined || value === null) {
      ctx.report(`param \`${key}\` is set neither in the page's front matter nor in the site's params`, { ruleId: rules.shortcodeParams, param: 0 });
      return { text: '' };
    }
    return { text: goString(value) };
  },
};

function lookup(params: Readonly<Record<string, unknown>>, key: string): unknown {
  let at: unknown = params;
  for (const part of key.split('.')) {
    if (typeof at !== 'object' || at === null || Array.isArray(at)) return undefined;
    const entries = Object.entries(at as Record<string, unknown>);
    at = (entries.find(([k]) => k === part) ?? entries.find(([k]) => k.toLowerCase() === part.toLowerCase()))?.[1];
  }
  return at;
}

/** How Go's templates print a value: lists as `[a b]`, maps as `map[k:v]`. */
function goString(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(goString).join(' ')}]`;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null)
    return `map[${Object.entries(value)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}:${goString(v)}`)
      .join(' ')}]`;
  return String(value);
}

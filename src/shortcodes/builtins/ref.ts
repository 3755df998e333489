import { rules } from '../../diagnostics/rules.js';
import type { ShortcodeContext, ShortcodeDefinition, ShortcodeResult } from '../definition.js';

/**
 * Hugo's `{{< ref "/operations/x.md#anchor" >}}` and `relref`: the URL of a
 * page of the version being built, found by its content path (`/ops/x.md`,
 * `/ops/x`, `x.md` relative to the page, or a unique file name). The result
 * is the site path (`/operations/x/#anchor`), which the link stage turns into
 * a relative URL and whose anchor it checks. Unlike Hugo's `ref`, the URL is
 * never absolute: the site must work under any base path.
 */
function resolve(ctx: ShortcodeContext): ShortcodeResult {
  const key = ctx.get(0) !== undefined ? 0 : 'path';
  const target = ctx.get(key);
  if (target === undefined) {
    ctx.report(`${ctx.name} needs a page path (\`{{< ${ctx.name} "/section/page.md" >}}\`)`, { ruleId: rules.shortcodeParams });
    return { text: '' };
  }
  const hash = target.indexOf('#');
  const path = hash === -1 ? target : target.slice(0, hash);
  const fragment = hash === -1 ? '' : target.slice(hash);
  if (path === '') return { text: fragment };
  const page = ctx.pages.lookup(path);
  if (!page) {
    ctx.report(`${ctx.name} target \`${target}\` does not match a page of this version`, { ruleId: rules.linkMissingPage, param: key });
    return { text: '' };
  }
  return { text: page.url + fragment };
}

export const ref: ShortcodeDefinition = { name: 'ref', inner: 'none', render: resolve };
export const relref: ShortcodeDefinition = { name: 'relref', inner: 'none', render: resolve };

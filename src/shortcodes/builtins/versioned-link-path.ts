import { rules } from '../../diagnostics/rules.js';
import type { ShortcodeDefinition } from '../definition.js';

/**
 * `{{% versioned_link_path fromRoot="/reference/x/#anchor" %}}`: the URL of a
 * page in the version being built. It returns the site-root path; the link
 * stage turns it into a relative URL and checks page and anchor, reporting at
 * this call, so it works in markdown link destinations and raw `href`/`src`.
 */
export const versionedLinkPath: ShortcodeDefinition = {
  name: 'versioned_link_path',
  inner: 'none',
  render(ctx) {
    const key = ctx.get('fromRoot') === undefined && ctx.get(0) !== undefined ? 0 : 'fromRoot';
    const target = ctx.get(key);
    if (target === undefined) {
      ctx.report('versioned_link_path needs a `fromRoot` parameter', { ruleId: rules.shortcodeParams });
      return { text: '' };
    }
    return { text: target.startsWith('/') ? target : `/${target}` };
  },
};

import { rules } from '../../diagnostics/rules.js';
import type { ShortcodeDefinition } from '../definition.js';

/**
 * `{{< readfile file="static/content/x.md" markdown="true" >}}`: a file of the
 * version being built. With `markdown="true"` it is rendered as markdown
 * (inline when it is one paragraph, like Hugo's `markdownify`); otherwise it is
 * inserted as is. Unlike Hugo, a missing file is an error, not silence.
 */
export const readfile: ShortcodeDefinition = {
  name: 'readfile',
  inner: 'none',
  async render(ctx) {
    const key = ctx.get('file') === undefined && ctx.get(0) !== undefined ? 0 : 'file';
    const path = ctx.get(key);
    if (!path) {
      ctx.report('readfile needs a `file` parameter', { ruleId: rules.shortcodeParams });
      return '';
    }
    const file = await ctx.readFile(path);
    if (!file.ok) {
      const reasons = {
        missing: `readfile target \`${path}\` does not exist`,
        outside: `readfile target \`${path}\` is outside the site root`,
        directory: `readfile target \`${path}\` is a directory, not a file`,
        binary: `readfile target \`${path}\` is not a UTF-8 text file`,
      };
      ctx.report(reasons[file.reason], { ruleId: file.reason === 'outside' ? rules.readfileOutside : rules.readfileMissing, param: key });
      return '';
    }
    if (isTrue(ctx.get('markdown'))) return { markdownify: file.text };
    // Inserted as written; inside a code block it stays text, whatever characters it holds.
    return ctx.delim === '%' ? file.text : { html: file.text, text: file.text };
  },
};

function isTrue(value: string | undefined): boolean {
  return value === 'true' || value === '1';
}

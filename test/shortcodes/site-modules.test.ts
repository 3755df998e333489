import { afterEach, describe, expect, it } from 'vitest';
import { buildSite, type PageLine } from '../../src/build/build-site.js';
import { compareDiagnostics } from '../../src/diagnostics/diagnostic.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { makeSite, type TempSite } from '../support/site.js';

let site: TempSite | undefined;
afterEach(() => site?.cleanup());

async function build(files: Record<string, string>) {
  site = makeSite({ 'content/_index.md': '---\ntitle: Home\n---\nHome.\n', ...files });
  const pages = new Map<string, string>();
  const summary = await buildSite({ siteDir: site.dir, output: 'ndjson', onPage: (p: PageLine) => pages.set(p.url, p.html) });
  return { pages, problems: [...summary.diagnostics].sort(compareDiagnostics).map(formatDiagnostic) };
}

const LAYOUT = "import type { Layout } from 'strata-docs/theme';\nconst page: Layout = (ctx) => ctx.h('main', ctx.content.children);\nexport default page;\n";

describe('site shortcodes as TypeScript modules', () => {
  it('a default-exported function, named by its file, with params, inner content, page, version and data', async () => {
    const { pages, problems } = await build({
      'strata.config.json': JSON.stringify({ version: { name: '2.0.x' }, params: { org: 'Example' } }),
      'data/team/members.json': JSON.stringify([{ name: 'Ada' }, { name: 'Lin' }]),
      'shortcodes/team.ts': [
        "import type { Shortcode } from 'strata-docs';",
        "export const inner = 'required';",
        'const team: Shortcode = async (ctx) => {',
        '  const members = (ctx.site.data.team as { members: Array<{ name: string }> }).members;',
        "  const raw = ctx.inner?.raw.trim() ?? '';",
        "  const body = ctx.inner ? (await ctx.inner.render()).children : [];",
        "  return { hast: [ctx.h('section', { dataRole: ctx.get('role') ?? ctx.get(0) }, [ctx.h('p', `${members.map((m) => m.name).join(', ')} of ${String(ctx.site.params.org)} on ${ctx.page.title} (${ctx.version.name}), raw: ${raw}`), ...body])] };",
        '};',
        'export default team;',
      ].join('\n'),
      'content/about.md': '---\ntitle: About\n---\n{{< team role="dev" >}}\n**Hi**\n{{< /team >}}\n\n{{% team lead %}}x{{% /team %}}\n',
    });
    expect(problems).toEqual([]);
    expect(pages.get('/about/')).toBe(
      '<section data-role="dev"><p>Ada, Lin of Example on About (2.0.x), raw: **Hi**</p><p><strong>Hi</strong></p></section>\n' +
        '<section data-role="lead"><p>Ada, Lin of Example on About (2.0.x), raw: x</p><p>x</p></section>',
    );
  });

  it('a whole ShortcodeDefinition; the site overrides a built-in and the theme', async () => {
    const { pages, problems } = await build({
      'strata.config.json': JSON.stringify({ theme: 'mine' }),
      'themes/mine/layouts/page.ts': LAYOUT,
      'themes/mine/shortcodes/badge.ts': "export default (ctx) => `<span class=\"theme\">${ctx.get(0)}</span>`;\nexport const inner = 'none';\n",
      'themes/mine/shortcodes/chip.ts': "export default { inner: 'none', render: () => ({ text: 'theme chip' }) };\n",
      'shortcodes/badge.ts': "import type { ShortcodeDefinition } from 'strata-docs';\nconst badge: ShortcodeDefinition = { name: 'badge', inner: 'none', render: (ctx) => ({ text: `site ${ctx.get(0)}` }) };\nexport default badge;\n",
      'shortcodes/notice.ts': "export default () => ({ text: 'my notice' });\n",
      'content/p.md': '---\ntitle: P\n---\n{{< badge new >}} {{< chip >}} {{< notice >}}\n',
    });
    expect(problems).toEqual([]);
    expect(pages.get('/p/')).toBe('<p>site new theme chip my notice</p>');
  });

  it('a throw inside a module is reported at the calling shortcode; ctx.report too', async () => {
    const { problems, pages } = await build({
      'shortcodes/boom.ts': "export default (ctx) => { if (ctx.get('soft')) { ctx.report('soft problem', { severity: 'warning', param: 'soft' }); return ''; } throw new Error('kaboom'); };\n",
      'content/p.md': '---\ntitle: P\n---\nBefore.\n\n  Then {{< boom >}} and {{< boom soft="yes" >}}.\n',
    });
    expect(problems).toEqual([
      'content/p.md:6:8  error  shortcode `boom` failed: kaboom  [shortcode:failed]',
      'content/p.md:6:34  warning  soft problem  [shortcode:failed]',
    ]);
    expect(pages.size).toBe(2);
  });

  it('a module that cannot be loaded is an error naming its file, without a stack trace', async () => {
    const { problems } = await build({
      'shortcodes/broken.ts': 'export default (ctx => {\n',
      'shortcodes/wrong.ts': 'export default 42;\n',
      'shortcodes/mode.ts': "export const inner = 'sometimes';\nexport default () => '';\n",
      'content/p.md': '---\ntitle: P\n---\n{{< broken >}}\n',
    });
    expect(problems).toHaveLength(4);
    expect(problems[0]).toBe('content/p.md:4:1  error  unknown shortcode `broken`  [shortcode:unknown]');
    expect(problems[1]).toMatch(/^shortcodes\/broken\.ts:2:1  error  cannot load shortcode `broken`: .+  \[shortcode:load\]$/);
    expect(problems[1]).not.toMatch(/\n|\s+at\s|node_modules/);
    expect(problems.slice(2)).toEqual([
      'shortcodes/mode.ts  error  shortcode `mode`: `export const inner` must be `none`, `required` or `optional`, not "sometimes"  [shortcode:load]',
      'shortcodes/wrong.ts  error  shortcode `wrong`: the default export must be a function `(ctx) => result` or an object with a `render` function  [shortcode:load]',
    ]);
  });
});

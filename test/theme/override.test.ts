import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build-site.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { makeSite, type TempSite } from '../support/site.js';

let site: TempSite | undefined;
afterEach(() => site?.cleanup());

describe('overriding one partial of the default theme', () => {
  it("uses the site's layouts/footer.ts and keeps every other part of the theme", async () => {
    site = makeSite({
      'strata.config.json': JSON.stringify({ title: 'Override', version: { name: '1.0' } }),
      'content/_index.md': '---\ntitle: Home\n---\n## Hello\n\nText.\n',
      'layouts/footer.ts': `import type { Layout } from 'strata-docs/theme';

const footer: Layout = (ctx) => ctx.h('footer', { className: ['my-footer'] }, \`© Example — \${ctx.page.title}\`);
export default footer;
`,
    });
    const summary = await buildSite({ siteDir: site.dir, output: 'files' });
    expect(summary.diagnostics.map(formatDiagnostic)).toEqual([]);
    const html = readFileSync(path.join(site.dir, 'dist/1.0/index.html'), 'utf8');
    expect(html).toContain('<footer class="my-footer">© Example — Home</footer>');
    expect(html).not.toContain('site-footer');
    // The rest is still the theme's.
    expect(html).toContain('class="site-header"');
    expect(html).toContain('id="sidebar"');
    expect(html).toContain('class="search-dialog"');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build-site.js';
import { compareDiagnostics } from '../../src/diagnostics/diagnostic.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { makeSite, type TempSite } from '../support/site.js';

let site: TempSite | undefined;
afterEach(() => site?.cleanup());

/** Builds a one-version site in memory and returns its printed diagnostics. */
async function problems(files: Record<string, string>): Promise<string[]> {
  site = makeSite({
    'content/_index.md': '---\ntitle: Home\n---\nHome.\n',
    'content/target.md': '---\ntitle: Target\n---\n## Known heading\n',
    'static/content/version.md': '1.17\n',
    ...files,
  });
  const summary = await buildSite({ siteDir: site.dir, output: 'none' });
  return [...summary.diagnostics].sort(compareDiagnostics).map(formatDiagnostic);
}

describe('diagnostics point at the author’s file, line and column', () => {
  it('malformed YAML front matter', async () => {
    expect(await problems({ 'content/p.md': '---\ntitle: "unclosed\n---\nText\n' })).toEqual([
      expect.stringMatching(/^content\/p\.md:\d+:\d+  error  invalid YAML front matter: .+  \[front-matter:syntax\]$/),
    ]);
  });

  it('unclosed shortcode, at its opening tag after the front matter', async () => {
    expect(await problems({ 'content/p.md': '---\ntitle: P\n---\nIntro\n\n{{% notice tip %}}\nNever closed.\n' })).toEqual([
      'content/p.md:6:1  error  unclosed shortcode `notice`: no `{{% /notice %}}` follows  [shortcode:unclosed]',
    ]);
  });

  it('mismatched closing tag', async () => {
    expect(await problems({ 'content/p.md': '---\ntitle: P\n---\n{{% notice tip %}}\nx\n{{% /notise %}}\n' })).toEqual([
      'content/p.md:4:1  error  unclosed shortcode `notice`: no `{{% /notice %}}` follows  [shortcode:unclosed]',
      'content/p.md:6:1  error  closing tag for shortcode `notise` does not match start tag `notice`  [shortcode:mismatch]',
    ]);
  });

  it('unknown shortcode, with a suggestion', async () => {
    expect(await problems({ 'content/p.md': '---\ntitle: P\n---\nSee {{< readfil file="static/content/version.md" >}}.\n' })).toEqual([
      'content/p.md:4:5  error  unknown shortcode `readfil`; did you mean `readfile`  [shortcode:unknown]',
    ]);
  });

  it('mixed named and positional parameters', async () => {
    expect(await problems({ 'content/p.md': '---\ntitle: P\n---\n\n  {{< readfile file="static/content/version.md" extra >}}\n' })).toEqual([
      'content/p.md:5:49  error  shortcode `readfile`: cannot mix named and positional parameters  [shortcode:params]',
    ]);
  });

  it('readfile target missing, at its file parameter', async () => {
    expect(await problems({ 'content/p.md': '---\ntitle: P\n---\nVersion {{< readfile file="static/content/nope.md" markdown="true" >}}\n' })).toEqual([
      'content/p.md:4:22  error  readfile target `static/content/nope.md` does not exist  [shortcode:readfile-missing]',
    ]);
  });

  it('readfile target outside the site root', async () => {
    expect(await problems({ 'content/p.md': '---\ntitle: P\n---\n{{< readfile file="../../../../etc/passwd" >}}\n' })).toEqual([
      'content/p.md:4:14  error  readfile target `../../../../etc/passwd` is outside the site root  [shortcode:readfile-outside]',
    ]);
  });

  it('broken link from versioned_link_path, at the shortcode', async () => {
    expect(await problems({ 'content/p.md': '---\ntitle: P\n---\n\nRead [the guide]({{% versioned_link_path fromRoot="/targte/" %}}).\n' })).toEqual([
      'content/p.md:5:18  error  link to `/targte/` does not match a page or file of this version; did you mean `/target/`  [links:missing-page]',
    ]);
  });

  it('broken plain markdown link', async () => {
    expect(await problems({ 'content/p.md': '---\ntitle: P\n---\nSee [x](/missing/page/).\n' })).toEqual([
      'content/p.md:4:5  error  link to `/missing/page/` does not match a page or file of this version  [links:missing-page]',
    ]);
  });

  it('broken anchor on another page', async () => {
    expect(await problems({ 'content/p.md': '---\ntitle: P\n---\nSee [x]({{< versioned_link_path fromRoot="/target/#known-headin" >}}).\n' })).toEqual([
      'content/p.md:4:9  error  link to `#known-headin` does not match a heading or id on `/target/`; did you mean `known-heading`  [links:missing-anchor]',
    ]);
  });

  it('broken anchor on the same page', async () => {
    expect(await problems({ 'content/p.md': '---\ntitle: P\n---\n## Here {#here}\n\n[up](#there)\n' })).toEqual([
      'content/p.md:6:1  error  link to `#there` does not match a heading or id on this page; did you mean `here`  [links:missing-anchor]',
    ]);
  });

  it('an id in raw HTML is a valid anchor', async () => {
    expect(await problems({ 'content/p.md': '---\ntitle: P\n---\n<a id="raw"></a>\nText\n\n[to raw](#raw)\n' })).toEqual([]);
  });

  it('links inside HTML comments are not checked (comments never reach readers)', async () => {
    expect(await problems({ 'content/p.md': '---\ntitle: P\n---\n<!-- [x]({{% versioned_link_path fromRoot="/gone/" %}}) -->\nText\n' })).toEqual([]);
  });

  it('collects every problem of every page, not just the first', async () => {
    const out = await problems({
      'content/a.md': '---\ntitle: A\nweight: heavy\n---\n{{< nope >}}\n',
      'content/b.md': '---\ntitle: B\n---\n[x](/nowhere/)\n',
    });
    expect(out.map((line) => line.split('  ')[0])).toEqual(['content/a.md:3:1', 'content/a.md:5:1', 'content/b.md:4:1']);
  });
});

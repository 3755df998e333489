import { afterEach, describe, expect, it } from 'vitest';
import { buildSite, type PageLine } from '../../src/build/build-site.js';
import { compareDiagnostics } from '../../src/diagnostics/diagnostic.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { makeSite, type TempSite } from '../support/site.js';

let site: TempSite | undefined;
afterEach(() => site?.cleanup());

async function build(files: Record<string, string>, options: { drafts?: boolean } = {}) {
  site = makeSite({ 'content/_index.md': '---\ntitle: Home\n---\nHome.\n', ...files });
  const pages = new Map<string, PageLine>();
  const summary = await buildSite({ siteDir: site.dir, output: 'ndjson', drafts: options.drafts ?? false, onPage: (p) => pages.set(p.url, p) });
  return { pages, problems: [...summary.diagnostics].sort(compareDiagnostics).map(formatDiagnostic) };
}

describe('Hugo tree conventions', () => {
  it('a draft _index.md leaves out its whole section (unless --drafts); a hidden one is built', async () => {
    const files = {
      'content/old/_index.md': '---\ntitle: Old\ndraft: true\n---\n',
      'content/old/page.md': '---\ntitle: Old page\n---\n{{< unknown >}}\n',
      'content/old/deep/more.md': '---\ntitle: More\n---\n',
      'content/internal/_index.md': '---\ntitle: Internal\nhidden: true\n---\n',
      'content/internal/page.md': '---\ntitle: Internal page\n---\n',
    };
    const built = await build(files);
    expect(built.problems).toEqual([]);
    expect([...built.pages.keys()].sort()).toEqual(['/', '/internal/', '/internal/page/']);
    const drafts = await build(files, { drafts: true });
    expect([...drafts.pages.keys()].sort()).toEqual(['/', '/internal/', '/internal/page/', '/old/', '/old/deep/more/', '/old/page/']);
  });

  it('front matter after blank lines, pages without front matter, editor leftovers skipped', async () => {
    const { pages, problems } = await build({
      'content/a.md': '\n\n\n---\ntitle: After blanks\n---\n## Body\n',
      'content/b.md': 'Just text, *no* front matter.\n',
      'content/#autosave.md': 'x',
      'content/c.md~': 'x',
    });
    expect(problems).toEqual([]);
    expect(pages.get('/a/')).toMatchObject({ title: 'After blanks', html: '<h2 id="body">Body</h2>' });
    expect(pages.get('/b/')).toMatchObject({ title: 'B', html: '<p>Just text, <em>no</em> front matter.</p>' });
    expect(pages.size).toBe(3);
  });

  it('autoHeadingID = false in a Hugo config: only explicit ids', async () => {
    const { pages } = await build({ 'hugo.toml': '[markup.goldmark.parser]\nautoHeadingID = false\n', 'content/a.md': '---\ntitle: A\n---\n## Auto\n\n## Explicit {#mine}\n' });
    expect(pages.get('/a/')?.html).toBe('<h2>Auto</h2>\n<h2 id="mine">Explicit</h2>');
  });

  it('ref anchors are checked like links, at the call', async () => {
    const { problems } = await build({
      'content/a.md': '---\ntitle: A\n---\n## Real\n',
      'content/b.md': '---\ntitle: B\n---\nSee [a]({{< ref "a.md#real" >}}) and [b]({{< ref "a.md#unreal" >}}).\n',
    });
    expect(problems).toEqual(['content/b.md:4:42  error  link to `#unreal` does not match a heading or id on `/a/`; did you mean `real`  [links:missing-anchor]']);
  });

  it('a data file that cannot be parsed is an error at its line', async () => {
    const { problems } = await build({ 'data/products.yaml': 'a: 1\nb: [1\nc: 2\n' });
    expect(problems).toEqual([expect.stringMatching(/^data\/products\.yaml:\d+:\d+  error  invalid YAML in data file: .+  \[content:data\]$/)]);
  });
});

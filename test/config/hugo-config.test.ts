import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { makeSite, type TempSite } from '../support/site.js';

let site: TempSite | undefined;
afterEach(() => site?.cleanup());

async function load(files: Record<string, string>, configFile?: string) {
  site = makeSite(files);
  const loaded = await loadConfig(site.dir, configFile);
  return { ...loaded, problems: loaded.diagnostics.map(formatDiagnostic) };
}

const TOML = `
baseURL = "https://docs.example.com/gloo/"
Title = "Gloo"
contentDir = "docs/content/"
publishDir = "public"
staticDir = ["static", "assets"]
ignoreFiles = ["\\\\.tmp$", "^drafts/"]
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "404", "page-ish"]
languageCode = "en-us"

[params]
  product = "Gloo Gateway"

[markup.goldmark.renderer]
  unsafe = true
  hardWraps = false
[markup.goldmark.extensions]
  typographer = false
  table = true
  footnote = false
[markup.goldmark.parser]
  autoHeadingID = false
  autoHeadingIDType = "github"
[markup.tableOfContents]
  startLevel = 2
`;

describe('Hugo config', () => {
  it('maps Hugo keys (case-insensitively) to Strata config; each unknown key is one ignored warning', async () => {
    const { config, file, problems } = await load({ 'hugo.toml': TOML });
    expect(file).toBe('hugo.toml');
    expect(config).toMatchObject({
      baseUrl: 'https://docs.example.com/gloo/',
      title: 'Gloo',
      contentDir: 'docs/content',
      outDir: 'public',
      staticDir: 'static',
      ignoreFiles: ['\\.tmp$', '^drafts/'],
      disableKinds: ['taxonomy', 'term', 'RSS', 'sitemap', '404'],
      params: { product: 'Gloo Gateway' },
      markdown: { unsafe: true, typographer: false, autoHeadingIds: false },
    });
    expect(problems).toEqual([
      'hugo.toml  warning  Hugo config key `staticDir[1…]` is ignored; Strata reads one static folder  [config:ignored]',
      'hugo.toml  warning  Hugo config key `disableKinds: page-ish` is ignored; not a kind Hugo knows  [config:ignored]',
      'hugo.toml  warning  Hugo config key `languageCode` is ignored  [config:ignored]',
      'hugo.toml  warning  Hugo config key `markup.goldmark.renderer.hardWraps` is ignored  [config:ignored]',
      'hugo.toml  warning  Hugo config key `markup.goldmark.extensions.footnote` is ignored; Strata always renders it  [config:ignored]',
      'hugo.toml  warning  Hugo config key `markup.tableOfContents` is ignored  [config:ignored]',
    ]);
  });

  it('uses Hugo’s markdown defaults when the config leaves them unset: raw HTML off, typographer and heading ids on', async () => {
    const { config, problems } = await load({ 'config.yaml': 'title: Docs\n' });
    expect(problems).toEqual([]);
    expect(config.markdown).toEqual({ unsafe: false, typographer: true, autoHeadingIds: true });
  });

  it('reads YAML and JSON, and Hugo 0.112’s typographer table', async () => {
    expect((await load({ 'config.json': JSON.stringify({ title: 'J', markup: { goldmark: { extensions: { typographer: { disable: true } } } } }) })).config).toMatchObject({
      title: 'J',
      markdown: { typographer: false },
    });
    expect((await load({ 'hugo.yaml': 'baseURL: /docs/\nparams:\n  a: 1\n' })).config).toMatchObject({ baseUrl: '/docs/', params: { a: 1 } });
  });

  it('a strata.config.* wins over a Hugo config; --config names any file', async () => {
    const files = { 'strata.config.json': JSON.stringify({ title: 'Strata' }), 'hugo.toml': 'title = "Hugo"\n', 'docs.toml': 'title = "Docs"\n[strata]\nversion = { name = "1.17.x" }\n' };
    expect((await load(files)).config.title).toBe('Strata');
    const docs = await load(files, 'docs.toml');
    expect(docs.file).toBe('docs.toml');
    expect(docs.config).toMatchObject({ title: 'Docs', version: { name: '1.17.x' } });
  });

  it('reports a config file that is missing or broken, at its line', async () => {
    expect((await load({}, 'docs.toml')).problems).toEqual(['docs.toml  error  config file `docs.toml` does not exist  [config:invalid]']);
    const broken = await load({ 'hugo.toml': 'title = "x"\nbaseURL = \n' });
    expect(broken.problems).toEqual([expect.stringMatching(/^hugo\.toml:2:1  error  cannot load config: .+  \[config:invalid\]$/)]);
    expect((await load({ 'hugo.toml': 'ignoreFiles = ["("]\n' })).problems).toEqual(['hugo.toml  error  `ignoreFiles` entry `(` is not a valid regular expression  [config:invalid]']);
  });
});

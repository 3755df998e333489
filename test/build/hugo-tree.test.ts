import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildSummary, type PageLine } from '../../src/build/build-site.js';
import { compareDiagnostics } from '../../src/diagnostics/diagnostic.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { REPO, strata } from '../support/cli.js';

/** test/fixtures/hugo-tree: a Hugo docs tree using every shortcode and convention Strata takes over from Hugo. */
const TREE = path.join(REPO, 'test/fixtures/hugo-tree');

const IGNORED = [
  'docs.toml  warning  Hugo config key `enableGitInfo` is ignored  [config:ignored]',
  'docs.toml  warning  Hugo config key `languageCode` is ignored  [config:ignored]',
  'docs.toml  warning  Hugo config key `markup.highlight` is ignored  [config:ignored]',
  'docs.toml  warning  Hugo config key `theme` is ignored; Hugo themes are Go templates: Strata uses its own theme (`[strata] theme = "…"`), and `shortcodes/*.ts` for site shortcodes  [config:ignored]',
];

let summary: BuildSummary;
const pages = new Map<string, PageLine>();

beforeAll(async () => {
  summary = await buildSite({ siteDir: TREE, configFile: 'docs.toml', output: 'ndjson', onPage: (p) => pages.set(p.url, p) });
});

describe('a Hugo docs tree, unchanged', () => {
  it('builds with no errors; unknown Hugo keys are listed once each as ignored', () => {
    expect([...summary.diagnostics].sort(compareDiagnostics).map(formatDiagnostic)).toEqual(IGNORED);
    expect(summary.versions).toEqual([{ name: '1.17.x', pages: 12, latest: true, ms: expect.any(Number), errors: 0, warnings: 0 }]);
  });

  it('leaves out the draft section with its pages and the files ignoreFiles matches; keeps the hidden section', () => {
    expect([...pages.keys()].sort()).toEqual([
      '/',
      '/getting-started/',
      '/getting-started/configure/',
      '/getting-started/install/',
      '/operations/',
      '/operations/diagram/',
      '/operations/legacy/',
      '/operations/upgrade/',
      '/reference/',
      '/reference/changelog/',
      '/reference/notes/',
      '/reference/plain/',
    ]);
  });

  it('reads front matter after blank lines, and titles pages without front matter from their heading', () => {
    expect(pages.get('/reference/notes/')?.title).toBe('Notes');
    expect(pages.get('/reference/plain/')?.title).toBe('Plain page');
  });

  it('renders nested tabs with readfile inside code fences, with both readfile path forms', () => {
    const html = pages.get('/getting-started/install/')?.html ?? '';
    // Code blocks come out highlighted: compare their text.
    const code = [...html.matchAll(/<code class="language-(\w+)"[^>]*>([\s\S]*?)<\/code>/g)].map((m) => [m[1], (m[2] as string).replace(/<[^>]+>/g, '')]);
    expect(code).toContainEqual(['shell', 'brew install glooctl@1.17.3\n']);
    expect(code).toContainEqual(['yaml', 'gloo:\n  version: 1.17.3\n']);
    expect(html).toContain('GLOO_VERSION</span>');
    expect(html.match(/role="tablist"/g)).toHaveLength(2);
    expect(html).toContain('<a href="../../operations/upgrade/#before-you-upgrade">upgrade guide</a>');
  });

  it('lists children of unclosed children calls, hidden sections left out', () => {
    expect(pages.get('/')?.html).toContain(
      '<ul class="children children-li"><li><a href="getting-started/">Getting started</a><p>Install and configure the gateway.</p></li><li><a href="reference/">Reference</a></li></ul>',
    );
    expect(pages.get('/getting-started/')?.html).toContain('<li><a href="install/">Install</a><p>Install glooctl and the gateway.</p></li><li><a href="configure/">Configure</a><p>Route traffic.</p></li>');
  });

  it('runs the site shortcode module with the data files', () => {
    const html = pages.get('/getting-started/configure/')?.html ?? '';
    expect(html).toContain('<tr><td>Gloo Gateway</td><td>1.17, 1.16</td></tr><tr><td>Gloo Mesh</td><td>2.6</td></tr>');
    expect(html).toContain('<p>Supported in Gloo Gateway.</p>');
  });

  it('resolves images in page bundles and beside regular pages', () => {
    expect(pages.get('/operations/diagram/')?.html).toContain('<img src="flow.png" alt="Flow">');
    expect(pages.get('/operations/legacy/')?.html).toContain('<img src="../arch.png" alt="Architecture">');
    expect(pages.get('/operations/upgrade/')?.html).toContain('<img src="../diagram/flow.png" alt="The upgrade flow">');
  });
});

describe('strata build --config docs.toml (CLI)', () => {
  let out: string;
  let result: ReturnType<typeof strata>;
  beforeAll(() => {
    out = mkdtempSync(path.join(os.tmpdir(), 'strata-hugo-tree-'));
    // A copy: the build cache and stamp it leaves (.strata-cache/) stay out of the fixture.
    const tree = path.join(out, 'tree');
    cpSync(TREE, tree, { recursive: true, filter: (from) => path.basename(from) !== '.strata-cache' });
    result = strata(['build', tree, '--config', 'docs.toml', '--out', path.join(out, 'site')]);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('exits 0 and reports the ignored keys', () => {
    expect(result.status).toBe(0);
    // Progress lines (not a terminal here) go to stderr too.
    expect(result.stderr.split('\n').filter((l) => l && !/^\S+: \d+ pages in /.test(l))).toEqual(IGNORED);
    expect(result.stdout).toMatch(/\n12 pages in 1 version \[1\.17\.x \(12\)\], 0 errors, 4 warnings, \d+ ms → .*site\/\n$/);
  });

  it('copies content files (bundle images, snippets) and the mermaid bundle, which the page that draws a diagram records', () => {
    const site = path.join(out, 'site');
    expect(readFileSync(path.join(site, '1.17.x/operations/diagram/flow.png')).subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(existsSync(path.join(site, '1.17.x/operations/arch.png'))).toBe(true);
    expect(existsSync(path.join(site, '1.17.x/reference/snippets/values.yaml'))).toBe(true);
    expect(existsSync(path.join(site, '1.17.x/drafts'))).toBe(false);
    const assets = readdir(path.join(site, 'assets'));
    expect(assets.some((f) => /^mermaid\.[0-9a-f]{10}\.min\.js$/.test(f))).toBe(true);
    expect(assets.some((f) => /^tabs\.[0-9a-f]{10}\.js$/.test(f))).toBe(true);
    expect(assets.some((f) => /^shortcodes\.[0-9a-f]{10}\.css$/.test(f))).toBe(true);
  });
});

describe('strata migrate-check', () => {
  it('lists every shortcode the tree uses, with counts, files and status', () => {
    const r = strata(['migrate-check', TREE, '--config', path.join(TREE, 'docs.toml')]);
    expect(r.stdout).toBe(
      [
        'shortcode            uses  files  status',
        'alert                   1      1  built-in',
        'children                4      4  built-in',
        'details                 1      1  built-in',
        'expand                  1      1  built-in',
        'figure                  1      1  built-in',
        'highlight               1      1  built-in',
        'mermaid                 1      1  built-in',
        'notice                  1      1  built-in',
        'param                   2      2  built-in',
        'product_matrix          2      1  site module',
        'readfile                6      3  built-in',
        'ref                     2      2  built-in',
        'relref                  2      2  built-in',
        'tab                     4      1  built-in',
        'tabs                    2      1  built-in',
        'versioned_link_path     1      1  built-in',
        '',
        '16 shortcodes, 32 uses in 12 pages: none missing',
        '',
      ].join('\n'),
    );
    expect(r.status).toBe(0);
  });

  it('with --drafts, finds the shortcode no one has written yet and exits 1', () => {
    const r = strata(['migrate-check', TREE, '--config', 'docs.toml', '--drafts']);
    expect(r.stdout).toContain('nosuchshortcode         1      1  missing\n');
    expect(r.stdout).toContain('\nmissing `nosuchshortcode`:\n  content/drafts/secret.md:4:34\n');
    expect(r.stdout).toMatch(/\n17 shortcodes, 33 uses in 14 pages: 1 missing \(nosuchshortcode\)\n$/);
    expect(r.status).toBe(1);
  });
});

function readdir(dir: string): string[] {
  return existsSync(dir) ? (readdirSync(dir) as string[]) : [];
}

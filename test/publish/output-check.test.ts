import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { parseBaseUrl, type BaseUrl } from '../../src/publish/base-url.js';
import { fromHtml } from 'hast-util-from-html';
import { serializeHtml } from '../../src/html/serialize.js';
import { emptyScan, scanElement, scanHtml } from '../../src/publish/html-scan.js';
import { OutputCheck } from '../../src/publish/output-check.js';

function base(value: string): BaseUrl {
  const result = parseBaseUrl(value);
  if (!result.ok) throw new Error(result.reason);
  return result.base;
}

function check(files: Record<string, string>, baseUrl = '/docs/', options: { elsewhere?: (p: string) => boolean } = {}): string[] {
  const checker = new OutputCheck({ base: base(baseUrl), displayPrefix: 'dist/', ...options });
  for (const [path, data] of Object.entries(files)) checker.add(path, data);
  return checker.finish().map(formatDiagnostic);
}

describe('scanning HTML', () => {
  it('finds ids, links, assets, srcset candidates and meta refresh targets, with places', () => {
    const scan = scanHtml(
      '<!doctype html><html><head><meta http-equiv="refresh" content="0; url=../x/"><link rel="stylesheet" href="a.css"></head>\n' +
        '<body><h2 id="one">One</h2><a name="two"></a><a href="b/#one">b</a>\n<img src="c.png" srcset="c.png 1x, c@2x.png 2x"></body></html>',
    );
    expect([...scan.ids]).toEqual(['one', 'two']);
    expect(scan.references.map((r) => `${r.tag}[${r.attribute}]=${r.url}@${r.line}:${r.column}`)).toEqual([
      'meta[http-equiv=refresh]=../x/@1:55',
      'link[href]=a.css@1:101',
      'a[href]=b/#one@2:49',
      'img[src]=c.png@3:6',
      'img[srcset]=c.png@3:18',
      'img[srcset]=c@2x.png@3:18',
    ]);
  });

  it('does not mistake text in scripts, styles, comments and code for markup', () => {
    const scan = scanHtml(
      '<script>const s = "<a href=\'nope/\'>";</script><style>a[href="x"]{}</style><!-- <a href="c/"> --><pre><code>&lt;a href="d/"&gt;</code></pre><textarea><a href="e/"></textarea><a href="ok/">ok</a>',
    );
    expect(scan.references.map((r) => r.url)).toEqual(['ok/']);
  });
});

describe('the output check', () => {
  const page = (body: string) => `<!doctype html><html><head></head><body>${body}</body></html>`;

  it('accepts links to pages, folders, files and anchors that exist, and skips external ones', () => {
    expect(
      check({
        'v1/index.html': page('<a href="a/">a</a><a href="a">a</a><a href="a/index.html#x">x</a><a href="#top">top</a><a href="?q=1">q</a><img src="../assets/s.css"><a href="https://example.com/">e</a><a href="mailto:x@example.com">m</a>'),
        'v1/a/index.html': page('<h2 id="x">X</h2><a href="../">up</a>'),
        'assets/s.css': '',
      }),
    ).toEqual([]);
  });

  it('reports a missing target once, with how many other pages have it', () => {
    expect(
      check({
        'v1/index.html': page('<a href="gone/">g</a>'),
        'v1/a/index.html': page('<a href="../gone/">g</a>'),
        'v1/b/index.html': page('<a href="../gone/">g</a>'),
      }),
    ).toEqual(['dist/v1/a/index.html:1:44  error  `<a href="../gone/">` leads to `v1/gone/`, which is not in the output (and on 2 other pages)  [output:missing-target]']);
  });

  it('reports a fragment that matches no id on the page it points into, with a suggestion', () => {
    expect(check({ 'v1/index.html': page('<a href="a/#instal">i</a>'), 'v1/a/index.html': page('<h2 id="install">I</h2>') })).toEqual([
      'dist/v1/index.html:1:44  error  `<a href="a/#instal">`: `v1/a/index.html` has no element with id `instal`; did you mean `install`  [output:missing-anchor]',
    ]);
  });

  it('checks links within a page against its own ids, in the order of its other problems', () => {
    expect(
      check({
        'v1/a/index.html': page('<h2 id="here">H</h2><a href="#here">h</a><a href="#nope">n</a><a href="../gone/">g</a><a href="./#nada">n</a><a href="index.html#zip">z</a>'),
      }),
    ).toEqual([
      'dist/v1/a/index.html:1:85  error  `<a href="#nope">`: `v1/a/index.html` has no element with id `nope`  [output:missing-anchor]',
      'dist/v1/a/index.html:1:106  error  `<a href="../gone/">` leads to `v1/gone/`, which is not in the output  [output:missing-target]',
      'dist/v1/a/index.html:1:130  error  `<a href="./#nada">`: `v1/a/index.html` has no element with id `nada`  [output:missing-anchor]',
      'dist/v1/a/index.html:1:153  error  `<a href="index.html#zip">`: `v1/a/index.html` has no element with id `zip`  [output:missing-anchor]',
    ]);
  });

  it('counts theme links repeated on many pages (kept once) on every page that has them', () => {
    const checker = new OutputCheck({ base: base('/docs/'), displayPrefix: 'dist/' });
    const theme = (url: string) => ({ tag: 'a', attribute: 'href', url, line: 0, column: 0 });
    for (const path of ['v1/b/index.html', 'v1/a/index.html', 'v1/c/index.html']) {
      checker.addScanned(path, { ids: new Set(['x']), references: [theme('../gone/'), theme('../a/#x'), theme('../a/#y')], base: undefined });
    }
    expect(checker.finish().map(formatDiagnostic)).toEqual([
      'dist/v1/a/index.html  error  `<a href="../gone/">` leads to `v1/gone/`, which is not in the output (and on 2 other pages)  [output:missing-target]',
      'dist/v1/a/index.html  error  `<a href="../a/#y">`: `v1/a/index.html` has no element with id `y`; did you mean `x` (and on 2 other pages)  [output:missing-anchor]',
    ]);
  });

  it('takes pages as render threads scan them (packed), theme links and placed ones alike', () => {
    const checker = new OutputCheck({ base: base('/docs/'), displayPrefix: 'dist/' });
    for (const name of ['b', 'a', 'c']) {
      const tree = fromHtml(`<h2 id="x">X</h2><p><a href="../${name === 'a' ? 'lost' : 'a'}/">content</a></p>`, { fragment: true });
      const theme = fromHtml('<a href="../gone/">g</a><a href="../a/#x">x</a><a href="../a/#y">y</a><a href="/docs/v1/c/">c</a><a href="./">self</a>', { fragment: true });
      for (const child of theme.children) delete child.position;
      const scan = emptyScan(`content/${name}.md`);
      serializeHtml({ type: 'root', children: [...tree.children, ...theme.children] }, (element) => scanElement(element, scan));
      checker.addScanned(`v1/${name}/index.html`, scan);
    }
    expect(checker.finish().map(formatDiagnostic)).toEqual([
      'content/a.md:1:21  error  `<a href="../lost/">` leads to `v1/lost/`, which is not in the output  [output:missing-target]',
      'dist/v1/a/index.html  error  `<a href="../gone/">` leads to `v1/gone/`, which is not in the output (and on 2 other pages)  [output:missing-target]',
      'dist/v1/a/index.html  error  `<a href="../a/#y">`: `v1/a/index.html` has no element with id `y`; did you mean `x` (and on 2 other pages)  [output:missing-anchor]',
    ]);
  });

  it('reports absolute paths outside the base path, and checks those inside it', () => {
    expect(check({ 'v1/index.html': page('<link href="/assets/s.css"><a href="/docs/v1/">home</a><a href="/docs/v2/">v2</a>') })).toEqual([
      'dist/v1/index.html:1:47  error  `<link href="/assets/s.css">` leads to `/assets/s.css`, outside the base path `/docs/`: write links relative, or under the base path  [output:outside-base]',
      'dist/v1/index.html:1:99  error  `<a href="/docs/v2/">` leads to `v2/`, which is not in the output  [output:missing-target]',
    ]);
  });

  it('checks full URLs into the site itself, such as canonical links', () => {
    expect(check({ 'v1/index.html': '<link rel="canonical" href="https://docs.example.com/docs/latest/">' }, 'https://docs.example.com/docs/')).toEqual([
      'dist/v1/index.html:1:23  error  `<link href="https://docs.example.com/docs/latest/">` leads to `latest/`, which is not in the output  [output:missing-target]',
    ]);
  });

  it('wants absolute paths in 404.html, which is served at any address', () => {
    expect(check({ '404.html': page('<a href="v1/">v1</a><a href="/docs/v1/">v1</a>'), 'v1/index.html': page('') })).toEqual([
      'dist/404.html:1:44  error  `<a href="v1/">` must be an absolute path (`/docs/…`): 404.html is served at any address  [output:relative-in-404]',
    ]);
  });

  it('follows meta refresh targets of redirect pages', () => {
    expect(check({ 'v1/old/index.html': '<meta http-equiv="refresh" content="0; url=../new/">' })).toEqual([
      'dist/v1/old/index.html:1:28  error  `<meta http-equiv="refresh" content="../new/">` leads to `v1/new/`, which is not in the output  [output:missing-target]',
    ]);
  });

  it('leaves alone targets another run writes (other versions, with --version)', () => {
    expect(check({ 'v1/index.html': page('<a href="../v2/">v2</a><a href="../versions.json">v</a>') }, '/docs/', { elsewhere: (p) => !p.startsWith('v1/') })).toEqual([]);
  });

  it('takes a theme link as a sibling page resolved it only where it resolves alike (differential, 300 pages)', () => {
    // A page given its own address as <base href> is resolved on its own: the same results, the slow way.
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const folders = ['v1/', 'v1/a/', 'v1/a/b/', 'v1/c/', 'v2/', 'v2/a/', ''];
    const names = ['x', 'y', 'a', 'b', 'c', 'gone'];
    const urls = ['../', '../x/', '../../y/', '../a/#one', '../a/#nope', '../../v2/a/#two', '/docs/v1/', '/docs/v1/a/#one', '/docs/gone/', '/elsewhere/', './', '#one', 'b/', '../b/index.html', '../../../../x/'];
    const pages = Array.from({ length: 300 }, (_, i) => {
      const path = i === 150 ? '404.html' : `${folders[random(folders.length)]}${names[random(names.length)]}/index.html`;
      const references = Array.from({ length: 20 }, () => ({ tag: random(4) === 0 ? 'link' : 'a', attribute: 'href', url: urls[random(urls.length)] as string, line: 0, column: 0 }));
      return { path, ids: new Set(random(2) ? ['one', 'two'] : ['one']), references };
    });
    const run = (ownBase: boolean) => {
      const checker = new OutputCheck({ base: base('/docs/'), displayPrefix: 'dist/' });
      for (const page of pages) checker.addScanned(page.path, { ids: page.ids, references: page.references.map((r) => ({ ...r })), base: ownBase ? `/docs/${page.path}` : undefined });
      return checker.finish().map(formatDiagnostic);
    };
    const memoised = run(false);
    expect(memoised.length).toBeGreaterThan(5);
    expect(memoised).toEqual(run(true));
  });

  it('describes a theme link by its own tag, not by the tag a sibling had for the same address', () => {
    const checker = new OutputCheck({ base: base('/docs/'), displayPrefix: 'dist/' });
    const theme = (tag: string) => ({ tag, attribute: 'href', url: '../gone/', line: 0, column: 0 });
    // Added in this order; reported from the first by path (v1/a/), which has the <link>.
    checker.addScanned('v1/b/index.html', { ids: new Set(), references: [theme('a')], base: undefined });
    checker.addScanned('v1/a/index.html', { ids: new Set(), references: [theme('link')], base: undefined });
    expect(checker.finish().map(formatDiagnostic)).toEqual([
      'dist/v1/a/index.html  error  `<link href="../gone/">` leads to `v1/gone/`, which is not in the output (and on 1 other page)  [output:missing-target]',
    ]);
  });
});


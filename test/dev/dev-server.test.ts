import { readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO } from '../support/cli.js';
import { connectLive, rawGet, startFixture, type DevFixture, type LiveConnection } from '../support/dev.js';

/** A two-version site: 2.0.x in the working tree (latest), 1.0.x as a snapshot. */
const SITE: Record<string, string> = {
  'strata.config.json': JSON.stringify({ title: 'Dev test', version: { name: '2.0.x' } }),
  'content/_index.md': '---\ntitle: Home\n---\nWelcome. Read the [guide](/guide/#setup).\n',
  'content/guide.md': '---\ntitle: Guide\n---\n## Setup\n\nVersion {{< readfile file="static/content/v.md" markdown="true" >}}.\n',
  'content/other.md': '---\ntitle: Other\n---\nNothing included here.\n',
  'static/content/v.md': '2.0\n',
  'versions/1.0.x/content/_index.md': '---\ntitle: Home\n---\nOld docs.\n',
  'versions/1.0.x/content/guide.md': '---\ntitle: Guide\n---\nOld guide.\n',
};

let fixture: DevFixture | undefined;
const connections: LiveConnection[] = [];
afterEach(async (context) => {
  if (context.task.result?.state === 'fail' && fixture) console.log(`--- strata dev output of the failed test:\n${fixture.output()}\n--- events: ${connections.map((c) => c.events.map((e) => e.event).join(',')).join(' | ')}`);
  for (const c of connections.splice(0)) c.close();
  await fixture?.close();
  fixture = undefined;
});

async function start(files: Record<string, string> = SITE, options = {}): Promise<DevFixture> {
  fixture = await startFixture(files, options);
  return fixture;
}

async function live(f: DevFixture, page: string): Promise<LiveConnection> {
  const connection = await connectLive(f.url(page));
  connections.push(connection);
  return connection;
}

async function text(url: string): Promise<string> {
  return (await fetch(url)).text();
}

/** The error messages of a page's overlay, as printed (`file:line:col  error  message  [rule]`). */
async function overlayMessages(url: string): Promise<string[]> {
  const html = await text(url);
  return [...html.matchAll(/<p class="strata-dev-message">([^<]*)<\/p>/g)].map((m) => (m[1] ?? '').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
}

/** Resolves if `event` does not arrive within `ms`. */
async function noEvent(connection: LiveConnection, event: string, ms: number, since = connection.events.length): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  expect(connection.events.slice(since).map((e) => e.event)).not.toContain(event);
}

describe('strata dev: serving', () => {
  it('serves every version at the URLs of the build, from memory', async () => {
    const f = await start();
    expect(f.output()).toMatch(/Dev test: 5 pages in 2 versions \(2\.0\.x, 1\.0\.x\), ready in \d+ ms; pages render when first requested/);
    expect(await text(f.url('latest/guide/'))).toContain('Version 2.0.');
    expect(await text(f.url('2.0.x/guide/'))).toContain('Version 2.0.');
    expect(await text(f.url('1.0.x/guide/'))).toContain('Old guide.');
    expect(await text(f.url('1.0.x/guide/index.html'))).toContain('Old guide.');
    expect(JSON.parse(await text(f.url('versions.json'))).map((v: { version: string }) => v.version)).toEqual(['2.0.x', '1.0.x']);
    expect(await text(f.url())).toContain('url=latest/');
    expect(await text(f.url('latest/content/v.md'))).toBe('2.0\n');
    expect(JSON.parse(await text(f.url('1.0.x/strata-pages.json'))).pages).toEqual(['/', '/guide/']);

    const page = await text(f.url('latest/guide/'));
    const stylesheet = /<link rel="stylesheet" href="\.\.\/\.\.\/(assets\/[^"]+)"/.exec(page)?.[1];
    const css = await fetch(f.url(stylesheet));
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(page).toMatch(/<script type="module" src="\/__strata\/dev-client\.js" data-strata-dev data-events="\/__strata\/events" data-stamp="[0-9a-f]{16}"><\/script><\/body>/);
    expect((await fetch(f.url('__strata/dev-client.js'))).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('adds the slash to a page URL without one, and gives unknown URLs the 404 page', async () => {
    const f = await start();
    const noSlash = await fetch(f.url('2.0.x/guide'), { redirect: 'manual' });
    expect(noSlash.status).toBe(301);
    expect(noSlash.headers.get('location')).toBe('/2.0.x/guide/');
    for (const missing of ['latest/nope/', '3.0.x/', 'assets/nope.css', 'latest/content/nope.md', 'nope.html']) {
      const response = await fetch(f.url(missing));
      expect(response.status, missing).toBe(404);
      expect(await response.text()).toContain('<h1>Page not found</h1>');
    }
  });

  it('confines every request to the output: traversal, encoded dots and slashes, backslashes, NUL → 404', async () => {
    const f = await start();
    const origin = new URL(f.server.url).origin;
    const evil = [
      '/../strata.config.json',
      '/latest/../../strata.config.json',
      '/%2e%2e/strata.config.json',
      '/latest/%2e%2e/%2e%2e/strata.config.json',
      '/latest/..%2f..%2fstrata.config.json',
      '/latest/%2fetc%2fpasswd',
      '/latest\\..\\..\\strata.config.json',
      '/latest/%5c..%5cstrata.config.json',
      '/latest/content/v.md%00',
      '//etc/passwd',
      '/latest//guide/',
      '/2.0.x/../../../etc/passwd',
      '/latest/%',
    ];
    for (const url of evil) {
      const response = await rawGet(origin, url);
      expect(response.status, url).toBe(404);
      expect(response.body, url).toContain('Page not found');
      expect(response.body, url).not.toContain('"version"');
    }
    const post = await fetch(f.url('latest/guide/'), { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('serves under the base path of the config, and redirects / to it', async () => {
    const f = await start({ ...SITE, 'strata.config.json': JSON.stringify({ title: 'Dev test', version: { name: '2.0.x' }, baseUrl: 'https://docs.example.com/docs/gloo/' }) });
    expect(f.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/docs\/gloo\/$/);
    const origin = new URL(f.server.url).origin;
    const root = await fetch(`${origin}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/docs/gloo/');
    expect(await text(f.url('latest/guide/'))).toContain('data-events="/docs/gloo/__strata/events"');
    expect((await fetch(`${origin}/latest/guide/`)).status).toBe(404);
    expect((await rawGet(origin, '/docs/gloo/../gloo/latest/guide/')).status).toBe(404);
    const connection = await live(f, 'latest/guide/');
    f.site.write('content/guide.md', SITE['content/guide.md'] + '\nUnder a base path.\n');
    await connection.next('reload');
    expect(await text(f.url('latest/guide/'))).toContain('Under a base path.');
  });

  it('takes the next port when the one asked for is taken, and says so', async () => {
    const f = await start();
    const second = await startFixture(SITE, { port: f.server.port });
    try {
      expect(second.server.port).toBeGreaterThan(f.server.port);
      expect(second.output()).toContain(`port ${f.server.port} is in use, using ${second.server.port}`);
      expect(second.output()).toContain(`  http://127.0.0.1:${second.server.port}/`);
    } finally {
      await second.close();
    }
  });
});

describe('strata dev: changes', () => {
  it('reloads the browser showing an edited page once it is rebuilt, and leaves the others alone', async () => {
    const f = await start();
    const guide = await live(f, 'latest/guide/');
    const other = await live(f, 'latest/other/');
    const since = other.events.length;
    f.site.write('content/guide.md', SITE['content/guide.md'] + '\nA new paragraph.\n');
    await guide.next('reload');
    // The page is rebuilt by the time the browser is told: no render is waiting.
    expect(await text(f.url('latest/guide/'))).toContain('A new paragraph.');
    expect(await text(f.url('2.0.x/guide/'))).toContain('A new paragraph.');
    await noEvent(other, 'reload', 300, since);
    await expect.poll(() => f.output()).toMatch(/content\/guide\.md → 1 page to render again, 1 browser reloaded in \d+ ms/);
  });

  it('a version file re-renders the pages that read it, and only those', async () => {
    const f = await start();
    const guide = await live(f, 'latest/guide/');
    const other = await live(f, 'latest/other/');
    const since = other.events.length;
    f.site.write('static/content/v.md', '2.1\n');
    await guide.next('reload');
    expect(await text(f.url('latest/guide/'))).toContain('Version 2.1.');
    expect(await text(f.url('latest/content/v.md'))).toBe('2.1\n');
    await noEvent(other, 'reload', 300, since);
  });

  it('an unclosed shortcode shows in an overlay with its line, printed once; fixing it clears the overlay', async () => {
    const f = await start();
    const guide = await live(f, 'latest/guide/');
    f.site.write('content/guide.md', '---\ntitle: Guide\n---\n## Setup\n\n{{% notice tip %}}\nNever closed.\n');
    await guide.next('reload');
    const message = 'content/guide.md:6:1  error  unclosed shortcode `notice`: no `{{% /notice %}}` follows (2.0.x)  [shortcode:unclosed]';
    expect(await overlayMessages(f.url('latest/guide/'))).toEqual([message.replace(' (2.0.x)', '')]);
    const html = await text(f.url('latest/guide/'));
    expect(html).toContain('role="alertdialog"');
    expect(html).toContain('<mark>&gt; 6 | {{% notice tip %}}</mark>');
    await text(f.url('2.0.x/guide/'));
    expect(f.output().split(message).length - 1).toBe(1);
    // A second event for the same save (or a save that changed nothing) brings the same text: no render, no reload.
    const since = guide.events.length;
    f.site.write('content/guide.md', '---\ntitle: Guide\n---\n## Setup\n\n{{% notice tip %}}\nNever closed.\n');
    await noEvent(guide, 'reload', 500, since);
    expect(f.output().split(message).length - 1).toBe(1);

    f.site.write('content/guide.md', '---\ntitle: Guide\n---\n## Setup\n\n{{% notice tip %}}\nClosed now.\n{{% /notice %}}\n');
    await guide.next('reload');
    const fixed = await text(f.url('latest/guide/'));
    expect(fixed).not.toContain('role="alertdialog"');
    expect(fixed).toContain('Closed now.');
  });

  it('keeps serving through malformed front matter, half-written and binary files', async () => {
    const f = await start();
    const guide = await live(f, 'latest/guide/');
    f.site.write('content/guide.md', '---\ntitle: [never closed\n---\nBody.\n');
    await guide.next('reload');
    expect((await overlayMessages(f.url('latest/guide/')))[0]).toMatch(/^content\/guide\.md:\d+:\d+  error  invalid YAML front matter: .*\[front-matter:syntax\]$/);

    f.site.write('content/guide.md', '---\ntitle: Gui');
    await guide.next('reload');
    expect((await overlayMessages(f.url('latest/guide/')))[0]).toMatch(/\[front-matter:unclosed\]$/);

    writeFileSync(path.join(f.site.dir, 'content/guide.md'), Buffer.from([0x2d, 0x00, 0xff]));
    await guide.next('reload');
    expect((await overlayMessages(f.url('latest/guide/')))[0]).toMatch(/\[content:encoding\]$/);

    f.site.write('content/guide.md', SITE['content/guide.md'] as string);
    await guide.next('reload');
    expect(await overlayMessages(f.url('latest/guide/'))).toEqual([]);
    expect(await text(f.url('latest/guide/'))).toContain('Version 2.0.');
  });

  it('a deleted page is a 404, and pages linking to it report the broken link; restoring it heals both', async () => {
    const f = await start();
    expect(await overlayMessages(f.url('latest/'))).toEqual([]);
    const home = await live(f, 'latest/');
    const guide = await live(f, 'latest/guide/');
    unlinkSync(path.join(f.site.dir, 'content/guide.md'));
    await guide.next('reload');
    await home.next('reload');
    expect((await fetch(f.url('latest/guide/'))).status).toBe(404);
    expect(await overlayMessages(f.url('latest/'))).toEqual(['content/_index.md:4:19  error  link to `/guide/` does not match a page or file of this version  [links:missing-page]']);

    f.site.write('content/guide.md', SITE['content/guide.md'] as string);
    await guide.next('reload');
    await expect.poll(() => overlayMessages(f.url('latest/'))).toEqual([]);
    expect(await text(f.url('latest/guide/'))).toContain('Version 2.0.');
  });

  it('a new page resolves the links that were waiting for it', async () => {
    const f = await start({ ...SITE, 'content/other.md': '---\ntitle: Other\n---\nSee [the future](/future/).\n' });
    expect((await overlayMessages(f.url('latest/other/')))[0]).toMatch(/link to `\/future\/` does not match a page/);
    const other = await live(f, 'latest/other/');
    f.site.write('content/future.md', '---\ntitle: Future\n---\nHere now.\n');
    await other.next('reload');
    expect(await overlayMessages(f.url('latest/other/'))).toEqual([]);
    expect(await text(f.url('latest/future/'))).toContain('Here now.');
    // The navigation of every page of the version lists it.
    expect(await text(f.url('latest/guide/'))).toContain('Future');
  });

  it('a changed image reloads the browsers showing a page that uses it, and no others', async () => {
    const f = await start({ ...SITE, 'content/other.md': '---\ntitle: Other\n---\n![A dot](/img/dot.svg)\n', 'static/img/dot.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' });
    const other = await live(f, 'latest/other/');
    const guide = await live(f, 'latest/guide/');
    const since = guide.events.length;
    f.site.write('static/img/dot.svg', '<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>');
    await other.next('reload');
    expect(await text(f.url('latest/img/dot.svg'))).toContain('<circle r="1"/>');
    await noEvent(guide, 'reload', 300, since);
  });

  it('handles a burst of saves (a git checkout) as one change', async () => {
    const f = await start();
    const guide = await live(f, 'latest/guide/');
    const before = f.output();
    for (const [file, text] of [
      ['content/guide.md', `${SITE['content/guide.md']}\nChecked out.\n`],
      ['content/other.md', `${SITE['content/other.md']}\nChecked out.\n`],
      ['content/_index.md', `${SITE['content/_index.md']}\nChecked out.\n`],
      ['static/content/v.md', '2.2\n'],
    ] as const)
      f.site.write(file, text);
    await guide.next('reload');
    await f.server.settled();
    const batches = f.output().slice(before.length).split('\n').filter((line) => line.includes(' → '));
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatch(/ and 2 more → 3 pages to render again, 1 browser reloaded in \d+ ms$/);
    expect(await text(f.url('latest/guide/'))).toContain('Version 2.2.');
  });

  it('a new title shows in the navigation of every page of the version', async () => {
    const f = await start();
    expect(await text(f.url('latest/guide/'))).toContain('>Other<');
    const guide = await live(f, 'latest/guide/');
    f.site.write('content/other.md', SITE['content/other.md']?.replace('title: Other', 'title: Elsewhere') as string);
    await guide.next('reload');
    const page = await text(f.url('latest/guide/'));
    expect(page).toContain('>Elsewhere<');
    expect(page).not.toContain('>Other<');
  });

  it('a renamed page moves to its new URL; links to the old one are reported', async () => {
    const f = await start({ ...SITE, 'content/_index.md': '---\ntitle: Home\n---\nSee [other](/other/).\n' });
    const home = await live(f, 'latest/');
    renameSync(path.join(f.site.dir, 'content/other.md'), path.join(f.site.dir, 'content/moved.md'));
    await home.next('reload');
    expect((await fetch(f.url('latest/other/'))).status).toBe(404);
    expect(await text(f.url('latest/moved/'))).toContain('Nothing included here.');
    expect((await overlayMessages(f.url('latest/')))[0]).toBe('content/_index.md:4:5  error  link to `/other/` does not match a page or file of this version  [links:missing-page]');
  });

  it('checks anchors across pages once the target is rendered again', async () => {
    const f = await start(SITE, { idleMs: 50 });
    await expect.poll(() => f.output(), { timeout: 10_000 }).toMatch(/every page rendered \(5 pages/);
    expect(await overlayMessages(f.url('latest/'))).toEqual([]);
    const home = await live(f, 'latest/');
    f.site.write('content/guide.md', SITE['content/guide.md']?.replace('## Setup', '## Install') as string);
    await home.next('reload');
    expect(await overlayMessages(f.url('latest/'))).toEqual([
      'content/_index.md:4:19  error  link to `#setup` does not match a heading or id on `/guide/`  [links:missing-anchor]',
    ]);
  });

  it('a deleted version folder disappears; the server keeps going', async () => {
    const f = await start();
    const old = await live(f, '1.0.x/guide/');
    rmSync(path.join(f.site.dir, 'versions/1.0.x'), { recursive: true });
    await old.next('reload');
    expect((await fetch(f.url('1.0.x/guide/'))).status).toBe(404);
    expect(JSON.parse(await text(f.url('versions.json'))).map((v: { version: string }) => v.version)).toEqual(['2.0.x']);
    expect(await text(f.url('latest/guide/'))).toContain('Version 2.0.');
    expect(f.output()).toMatch(/version 1\.0\.x: versions\/1\.0\.x\/(content\/)? was removed: loading the site again/);
  });

  it('a config change loads the site again; a broken config shows on every page until fixed', async () => {
    const f = await start();
    const guide = await live(f, 'latest/guide/');
    f.site.write('strata.config.json', JSON.stringify({ title: 'Renamed docs', version: { name: '2.0.x' } }));
    await guide.next('reload');
    expect(await text(f.url('latest/guide/'))).toContain('Renamed docs');

    f.site.write('strata.config.json', '{ "title": ');
    await guide.next('reload');
    const broken = await overlayMessages(f.url('latest/guide/'));
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatch(/^strata\.config\.json  error  cannot load config: .*\[config:invalid\]$/);

    f.site.write('strata.config.json', JSON.stringify({ title: 'Fixed docs', version: { name: '2.0.x' } }));
    await guide.next('reload');
    expect(await overlayMessages(f.url('latest/guide/'))).toEqual([]);
    expect(await text(f.url('latest/guide/'))).toContain('Fixed docs');
  });

  it('a site that cannot load at first shows why on every page, and comes up once fixed', async () => {
    const f = await start({ ...SITE, 'strata.config.json': '{ nope' });
    const response = await fetch(f.url('latest/guide/'));
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('[config:invalid]');
    const page = await live(f, 'latest/guide/');
    f.site.write('strata.config.json', SITE['strata.config.json'] as string);
    await page.next('reload');
    expect(await text(f.url('latest/guide/'))).toContain('Version 2.0.');
  });
});

describe('strata dev: theme', () => {
  /** The site with a copy of the default theme in `themes/default/`, which replaces the built-in one and can be edited. */
  function withTheme(): Record<string, string> {
    const files = { ...SITE };
    const dir = path.join(REPO, 'themes/default');
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const abs = path.join(entry.parentPath, entry.name);
      files[`themes/default/${path.relative(dir, abs).split(path.sep).join('/')}`] = readFileSync(abs, 'utf8');
    }
    return files;
  }

  it('swaps a changed stylesheet without a reload; a layout change reloads', async () => {
    const f = await start(withTheme());
    const theme = path.join(f.site.dir, 'themes/default');
    const guide = await live(f, 'latest/guide/');
    const before = await text(f.url('latest/guide/'));
    const oldCss = /href="\.\.\/\.\.\/(assets\/style\.[0-9a-f]+\.css)"/.exec(before)?.[1] as string;

    writeFileSync(path.join(theme, 'assets/style.css'), 'body { color: rebeccapurple; }\n');
    const swap = await guide.next('css');
    const replace = JSON.parse(swap.data).replace as Array<[string, string]>;
    expect(replace).toHaveLength(1);
    const [from, to] = replace[0] as [string, string];
    expect(from).toBe(oldCss);
    expect(to).toMatch(/^assets\/style\.[0-9a-f]+\.css$/);
    expect(await text(f.url(to))).toBe('body { color: rebeccapurple; }\n');
    expect((await fetch(f.url(oldCss))).status).toBe(200); // pages loaded earlier still find theirs
    expect(await text(f.url('latest/guide/'))).toContain(to);

    const layout = path.join(theme, 'layouts/page.ts');
    f.site.write('themes/default/layouts/page.ts', readFileSync(layout, 'utf8').replace("ctx.partial('breadcrumbs'),", "h('p', 'Layout marker'), ctx.partial('breadcrumbs'),"));
    await guide.next('reload');
    expect(await text(f.url('latest/guide/'))).toContain('<p>Layout marker</p>');
  });
});

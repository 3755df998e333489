import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileEvent } from '../../src/dev/change-queue.js';
import { planChange, type SiteShape } from '../../src/dev/plan-change.js';

const site = path.resolve('/site');
const at = (...parts: string[]) => path.join(site, ...parts);
const shape: SiteShape = {
  siteDir: site,
  configFiles: ['strata.config.ts', 'strata.config.json'].map((f) => at(f)),
  themeDir: path.resolve('/strata/themes/default'),
  siteThemeDir: at('themes', 'default'),
  layoutsDir: at('layouts'),
  versionsDir: at('versions'),
  contentDir: 'content',
  versions: [
    { name: '1.17.x', root: site },
    { name: '1.16.x', root: at('versions', '1.16.x') },
    { name: '1.15.x', root: path.resolve('/elsewhere/1.15.x') },
  ],
};
const change = (p: string, kind: FileEvent['kind'] = 'change'): FileEvent => ({ kind, path: p });

describe('planChange', () => {
  it('a page of the working tree → that page, in that version', () => {
    const plan = planChange([change(at('content', 'ops', 'a.md'))], shape);
    expect(plan.reload).toBeUndefined();
    expect([...plan.versions]).toEqual([['1.17.x', { pages: new Map([['content/ops/a.md', 'change']]), files: new Map() }]]);
  });

  it('a snapshot folder wins over the working tree that contains it', () => {
    const plan = planChange([change(at('versions', '1.16.x', 'content', 'a.md'), 'add')], shape);
    expect(plan.versions.get('1.16.x')?.pages).toEqual(new Map([['content/a.md', 'add']]));
    expect(plan.versions.has('1.17.x')).toBe(false);
  });

  it('a version folder outside the site is its own version', () => {
    const plan = planChange([change(path.resolve('/elsewhere/1.15.x/static/content/v.md'), 'unlink')], shape);
    expect(plan.versions.get('1.15.x')?.files).toEqual(new Map([['static/content/v.md', 'unlink']]));
  });

  it('static files and content assets are files, not pages', () => {
    const plan = planChange([change(at('static', 'content', 'v.md')), change(at('content', 'img', 'x.png'), 'add')], shape);
    expect(plan.versions.get('1.17.x')).toEqual({
      pages: new Map(),
      files: new Map([
        ['static/content/v.md', 'change'],
        ['content/img/x.png', 'add'],
      ]),
    });
  });

  it('the config → reload the site', () => {
    expect(planChange([change(at('strata.config.ts'))], shape).reload).toBe('strata.config.ts changed');
    expect(planChange([change(at('strata.config.json'), 'add')], shape).reload).toBe('strata.config.json changed');
  });

  it('theme layouts → lay out again; theme assets → by name; other theme files → reload', () => {
    const theme = shape.themeDir;
    expect(planChange([change(path.join(theme, 'layouts', 'page.ts'))], shape)).toMatchObject({ reload: undefined, layouts: true, assets: [] });
    expect(planChange([change(path.join(theme, 'assets', 'style.css'))], shape)).toMatchObject({ reload: undefined, layouts: false, assets: ['style.css'] });
    expect(planChange([change(path.join(theme, 'assets', 'img', 'logo.svg'))], shape).assets).toEqual(['img/logo.svg']);
    expect(planChange([change(path.join(theme, 'shortcodes', 'x.ts'))], shape).reload).toMatch(/^theme file .*shortcodes\/x\.ts changed$/);
    expect(planChange([change(at('layouts', 'page.ts'), 'add')], shape).layouts).toBe(true);
  });

  it('a site theme appearing in place of the built-in one → reload', () => {
    expect(planChange([change(at('themes', 'default', 'layouts', 'page.ts'), 'add')], shape).reload).toBe('theme themes/default changed');
  });

  it('a version folder removed → reload; a new snapshot folder with content → reload', () => {
    expect(planChange([change(at('versions', '1.16.x'), 'unlinkDir')], shape).reload).toBe('version 1.16.x: versions/1.16.x/ was removed');
    expect(planChange([change(at('versions', '1.16.x', 'content'), 'unlinkDir')], shape).reload).toMatch(/was removed$/);
    expect(planChange([change(at('versions', '1.18.x', 'content', 'a.md'), 'add')], shape).reload).toBe('versions/1.18.x/ changed');
    expect(planChange([change(at('versions', '1.18.x'), 'addDir')], shape).reload).toBeUndefined();
  });

  it('folders alone change nothing; their files report themselves', () => {
    const plan = planChange([change(at('content', 'new'), 'addDir'), change(at('content', 'old'), 'unlinkDir')], shape);
    expect(plan.reload).toBeUndefined();
    expect(plan.versions.size).toBe(0);
  });

  it('ignores what the site does not read', () => {
    const plan = planChange([change(at('versions', 'notes.txt')), change(at('versions', '1.18.x', 'README.md')), change(path.resolve('/other/x.md'))], shape);
    expect(plan.ignored).toEqual([at('versions', 'notes.txt'), at('versions', '1.18.x', 'README.md'), path.resolve('/other/x.md')]);
    expect(plan.versions.size).toBe(0);
  });

  it('any other file of a version is a file a `readfile` may read', () => {
    expect(planChange([change(at('README.md'))], shape).versions.get('1.17.x')?.files).toEqual(new Map([['README.md', 'change']]));
  });

  it('a reload wins over everything else in the batch', () => {
    const plan = planChange([change(at('content', 'a.md')), change(at('strata.config.ts'))], shape);
    expect(plan.reload).toBe('strata.config.ts changed');
  });
});

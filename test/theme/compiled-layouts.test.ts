import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_THEMES_DIR, compiledLayout } from '../../src/theme/load-theme.js';

/**
 * The built-in theme's layouts are compiled with Strata (`npm run compile`),
 * so a build imports them without jiti; a layout edited since is compiled
 * from its source again.
 */
let dir: string;
const themes = () => path.join(dir, 'themes');
const compiled = () => path.join(dir, 'lib/themes');
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'strata-layouts-'));
  mkdirSync(path.join(themes(), 'default/layouts'), { recursive: true });
  mkdirSync(path.join(compiled(), 'default/layouts'), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(file: string, secondsAgo: number): string {
  writeFileSync(file, 'export default () => [];\n');
  const at = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(file, at, at);
  return file;
}

describe('compiled built-in layouts', () => {
  it('are used when compiled after their source was last changed', () => {
    const source = write(path.join(themes(), 'default/layouts/page.ts'), 60);
    const js = write(path.join(compiled(), 'default/layouts/page.js'), 30);
    expect(compiledLayout(source, themes(), compiled())).toBe(js);
  });

  it('are not used for a layout edited since, nor when missing, nor for a site’s own layouts', () => {
    const edited = write(path.join(themes(), 'default/layouts/page.ts'), 10);
    write(path.join(compiled(), 'default/layouts/page.js'), 30);
    expect(compiledLayout(edited, themes(), compiled())).toBeUndefined();
    const uncompiled = write(path.join(themes(), 'default/layouts/toc.ts'), 60);
    expect(compiledLayout(uncompiled, themes(), compiled())).toBeUndefined();
    mkdirSync(path.join(dir, 'site/layouts'), { recursive: true });
    const own = write(path.join(dir, 'site/layouts/page.ts'), 60);
    expect(compiledLayout(own, themes(), compiled())).toBeUndefined();
  });

  it('exist for every layout of the built-in theme once Strata is compiled', () => {
    const layouts = readdirSync(path.join(BUILTIN_THEMES_DIR, 'default/layouts')).filter((f) => f.endsWith('.ts'));
    expect(layouts.length).toBeGreaterThan(10);
    for (const layout of layouts) expect(compiledLayout(path.join(BUILTIN_THEMES_DIR, 'default/layouts', layout)), layout).toBeDefined();
  });
});

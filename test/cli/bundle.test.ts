import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyPackage, REPO } from '../support/cli.js';

/**
 * `strata` runs from bundles (scripts/bundle.mjs): a build that needs no
 * optional feature loads nothing from node_modules/, one module at a time
 * being what made a small rebuild slow. A module-loading hook records every
 * module the process imports.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'strata-bundle-'));
  writeFileSync(path.join(dir, 'hooks.mjs'), "import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) {\n  appendFileSync(process.env.STRATA_TEST_LOADED, `${url}\\n`);\n  return next(url, context);\n}\n");
  writeFileSync(path.join(dir, 'register.mjs'), "import { register } from 'node:module';\nregister(new URL('./hooks.mjs', import.meta.url));\n");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function site(guide: string, search = false): string {
  const root = path.join(dir, 'site');
  mkdirSync(path.join(root, 'content'), { recursive: true });
  writeFileSync(path.join(root, 'strata.config.json'), JSON.stringify({ title: 'Bundle', search, version: { name: '1.0.x' } }));
  writeFileSync(path.join(root, 'content/_index.md'), '---\ntitle: Home\n---\nSee [the guide](guide/).\n');
  writeFileSync(path.join(root, 'content/guide.md'), `---\ntitle: Guide\nweight: 2\n---\n${guide}`);
  return root;
}

/** Builds with the hook; the packages the process loaded modules of. */
function packagesLoaded(root: string): string[] {
  const log = path.join(dir, 'loaded.txt');
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', path.join(dir, 'register.mjs'), path.join(REPO, 'bin/strata.js'), 'build', root, '--out', path.join(dir, 'out')], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', STRATA_TEST_LOADED: log },
  });
  expect(r.stderr).not.toMatch(/error/i);
  expect(r.status).toBe(0);
  const urls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  expect(urls).toContain(new URL('lib/bundle/main.js', `file://${REPO}/`).href);
  return [...new Set(urls.flatMap((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? []))].sort();
}

/** The bundles' code (lib/bundle/*.cjs). */
function bundles(): string[] {
  return readdirSync(path.join(REPO, 'lib/bundle'))
    .filter((file) => file.endsWith('.cjs'))
    .map((file) => readFileSync(path.join(REPO, 'lib/bundle', file), 'utf8'));
}

describe('the bundled CLI', () => {
  it('builds a site with a JSON config and the built-in theme, search off, without loading a package', () => {
    expect(packagesLoaded(site('## Install\n\nSteps, a table and a [link](../).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n'))).toEqual([]);
  });

  it('loads an optional package when the site needs it (code to highlight: Shiki; search: Pagefind)', () => {
    expect(packagesLoaded(site('```yaml\nkind: Gateway\n```\n'))).toContain('shiki');
    expect(packagesLoaded(site('Steps.\n', true))).toContain('pagefind');
  });

  it('walks trees without naming a function per node (scripts/bundle.mjs)', () => {
    const bundle = bundles().join('\n');
    expect(bundle).toContain('node_modules/unist-util-visit-parents/lib/index.js');
    expect(bundle).not.toMatch(/defineProperty\(visit, ["']name["']/);
  });

  it('is ASCII, which V8 keeps in one byte a character, and imports only through the loader', () => {
    for (const bundle of bundles()) {
      expect(bundle).not.toMatch(/[\u0080-\uffff]/);
      expect(bundle).not.toMatch(/(?<![.\w$])import\(/);
    }
  });

  it('keeps the code it compiled beside the bundle, which the next run takes (src/cli/code-cache.ts)', () => {
    // `npm run compile` made one already; a copy of the package without it shows how runs make and take it.
    expect(readdirSync(path.join(REPO, 'lib/bundle'))).toContain('main.cjs.cache');
    const pkg = path.join(dir, 'pkg');
    copyPackage(pkg);
    const cache = path.join(pkg, 'lib/bundle/main.cjs.cache');
    rmSync(cache);
    const root = site('Steps.\n');
    const run = () => spawnSync(process.execPath, [path.join(pkg, 'bin/strata.js'), 'build', root, '--no-cache'], { encoding: 'utf8' });
    expect(run().status).toBe(0);
    const made = statSync(cache);
    expect(run().status).toBe(0);
    expect(statSync(cache).mtimeMs).toBe(made.mtimeMs);
  });
});

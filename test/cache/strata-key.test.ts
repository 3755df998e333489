import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyPackage } from '../support/cli.js';
import { copyExample } from '../support/dev.js';

/**
 * The build cache's keys include Strata itself: the CLI runs from the bundle,
 * so a changed bundle file must start the cache over, and an unchanged one
 * must not. Runs a copy of the package, whose bundle the test may change.
 */
describe('Strata in the cache keys', () => {
  const pkg = mkdtempSync(path.join(tmpdir(), 'strata-pkg-'));
  const site = copyExample();
  afterAll(() => {
    rmSync(pkg, { recursive: true, force: true });
    site.cleanup();
  });
  copyPackage(pkg);
  const build = () => spawnSync(process.execPath, [path.join(pkg, 'bin/strata.js'), 'build', site.dir], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('reuses the cache while the bundle is the same, and starts over when it changed', () => {
    expect(build().status).toBe(0);
    appendFileSync(path.join(site.dir, 'content/_index.md'), '\nEdited.\n');
    const warm = build();
    expect(warm.status).toBe(0);
    expect(warm.stdout).toMatch(/from the cache/);
    appendFileSync(path.join(pkg, 'lib/bundle/main.cjs'), '\n// a local fix\n');
    appendFileSync(path.join(site.dir, 'content/_index.md'), '\nEdited again.\n');
    const changed = build();
    expect(changed.status, changed.stderr).toBe(0);
    expect(changed.stdout).not.toMatch(/from the cache/);
    expect(changed.stdout).toMatch(/124 pages/);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { strata } from '../support/cli.js';
import { makeSite, type TempSite } from '../support/site.js';

let site: TempSite | undefined;
afterEach(() => site?.cleanup());

describe('strata version', () => {
  it('snapshots content/ and static/ into versions/<name>/, which then builds as a version', () => {
    site = makeSite({
      'strata.config.json': JSON.stringify({ version: { name: '2.0.x' } }),
      'content/_index.md': '---\ntitle: Home\n---\nVersion {{< readfile file="static/v.md" >}}\n',
      'static/v.md': '1.9',
    });
    const r = strata(['version', '1.9.x', site.dir]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Snapshot of 2 files written to .*versions\/1\.9\.x\/\n$/);
    expect(readFileSync(path.join(site.dir, 'versions/1.9.x/static/v.md'), 'utf8')).toBe('1.9');
    site.write('static/v.md', '2.0');
    expect(strata(['build', site.dir]).status).toBe(0);
    expect(readFileSync(path.join(site.dir, 'dist/1.9.x/index.html'), 'utf8')).toContain('Version 1.9');
    expect(readFileSync(path.join(site.dir, 'dist/2.0.x/index.html'), 'utf8')).toContain('Version 2.0');
  });

  it('refuses to overwrite a snapshot unless --force', () => {
    site = makeSite({ 'content/_index.md': 'Home v1\n', 'versions/1.0.x/content/_index.md': 'Frozen\n' });
    const refused = strata(['version', '1.0.x', site.dir]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe('strata version: versions/1.0.x/ already exists; use --force to replace it\n');
    expect(readFileSync(path.join(site.dir, 'versions/1.0.x/content/_index.md'), 'utf8')).toBe('Frozen\n');
    expect(strata(['version', '1.0.x', site.dir, '--force']).status).toBe(0);
    expect(readFileSync(path.join(site.dir, 'versions/1.0.x/content/_index.md'), 'utf8')).toBe('Home v1\n');
  });

  it('refuses a name that cannot be a version', () => {
    site = makeSite({ 'content/_index.md': 'Home\n' });
    const r = strata(['version', '../escape', site.dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^strata version: `\.\.\/escape` is not a version name/);
    expect(existsSync(path.join(site.dir, 'escape'))).toBe(false);
  });
});

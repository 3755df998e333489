import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build-site.js';
import { REPO } from '../support/cli.js';
import { diffTrees, readTree } from '../support/tree.js';

/** Two builds of the same input, into different folders, with sitemaps and their lastmod dates. */
describe('the output', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'strata-determinism-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('is byte for byte the same for the same input', async () => {
    const options = { siteDir: REPO, baseUrl: 'https://docs.example.com/gloo/', output: 'files' } as const;
    const first = await buildSite({ ...options, outDir: path.join(tmp, 'one') });
    const second = await buildSite({ ...options, outDir: path.join(tmp, 'two') });
    expect(first.written && second.written).toBe(true);
    expect(diffTrees(path.join(tmp, 'one'), path.join(tmp, 'two'))).toEqual([]);
    const files = [...readTree(path.join(tmp, 'one')).keys()];
    expect(files).toContain('sitemap.xml');
    expect(files).toContain('latest/sitemap.xml');
    expect(files.filter((f) => /tmp|\.old-/.test(f))).toEqual([]);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build-site.js';

/** The benchmark corpus generator (Hugo-style pages in three versions, from the seed page). */
const MAKE_CORPUS = path.resolve(import.meta.dirname, '../../bench/make-corpus.mjs');

function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const file = path.join(at, entry.name);
      if (entry.isDirectory()) walk(file);
      else out.set(path.relative(dir, file), readFileSync(file, 'latin1'));
    }
  };
  walk(dir);
  return out;
}

/**
 * Worker threads and the block cache are optimisations: the output must be
 * byte for byte what a single-threaded build without the block cache writes.
 */
describe('optimised builds write the same site', () => {
  let tmp: string;
  let site: string;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'strata-threads-'));
    execFileSync(process.execPath, [MAKE_CORPUS, path.join(tmp, 'corpus'), '--pages', '60', '--versions', '3', '--small'], { stdio: 'ignore' });
    site = path.join(tmp, 'corpus', '1.17.x');
    writeFileSync(
      path.join(site, 'strata.config.json'),
      JSON.stringify({ title: 'Corpus', version: { name: '1.17.x' }, versions: [{ name: '1.16.x', path: '../1.16.x' }, { name: '1.15.x', path: '../1.15.x' }] }),
    );
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('with two threads and the block cache as with none', { timeout: 120_000 }, async () => {
    const plain = await buildSite({ siteDir: site, outDir: path.join(tmp, 'plain'), output: 'files', threads: 0, blockCache: false });
    expect(plain.diagnostics).toEqual([]);
    expect(plain.pages).toBe(3 * 121);
    const fast = await buildSite({ siteDir: site, outDir: path.join(tmp, 'fast'), output: 'files', threads: 2 });
    expect(fast.threads).toBe(2);
    const a = tree(path.join(tmp, 'plain'));
    const b = tree(path.join(tmp, 'fast'));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const different = [...a.keys()].filter((file) => a.get(file) !== b.get(file));
    expect(different).toEqual([]);
  });

  it('reports problems in front matter at their line with threads as without', { timeout: 120_000 }, async () => {
    // The main thread lets go of page texts when threads render them: places in front matter come from what it keeps.
    const small = path.join(tmp, 'aliases');
    mkdirSync(path.join(small, 'content'), { recursive: true });
    writeFileSync(path.join(small, 'strata.config.json'), JSON.stringify({ title: 'Aliases', version: { name: '1.0.x' } }));
    writeFileSync(path.join(small, 'content/_index.md'), '---\ntitle: Home\n---\nHome.\n');
    writeFileSync(path.join(small, 'content/target.md'), '---\ntitle: Target\n---\nText.\n');
    // One page with a title (discovery decodes its front matter only), one whose title is its heading (read whole).
    writeFileSync(path.join(small, 'content/p.md'), '---\ntitle: P\nweight: 1\naliases: [/target/]\n---\nText.\n');
    writeFileSync(path.join(small, 'content/q.md'), '---\nweight: 2\n\naliases: [/target/]\n---\n# Q\n');
    const places = async (threads: number) => {
      const summary = await buildSite({ siteDir: small, outDir: path.join(tmp, `aliases-${threads}`), output: 'files', threads });
      expect(summary.threads).toBe(threads);
      return summary.diagnostics.map((d) => `${d.file}:${d.place?.line}:${d.place?.column} ${d.ruleId}`).sort();
    };
    const expected = ['content/p.md:4:1 content:alias-conflict', 'content/q.md:4:1 content:alias-conflict'];
    expect(await places(0)).toEqual(expected);
    expect(await places(2)).toEqual(expected);
  });
});

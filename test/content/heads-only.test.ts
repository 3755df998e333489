import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build-site.js';
import { discoverPages, rereadPage } from '../../src/content/discover.js';
import type { PageRecord } from '../../src/content/page.js';
import { FsTree } from '../../src/versions/fs-tree.js';

/**
 * A build's discovery decodes only each page's front matter (`headsOnly`):
 * the render threads read every page again anyway. Its records must be the
 * ones full discovery makes, less the text; a page whose first 4 KB cannot
 * tell (no title, long front matter, a bad byte further on) is read whole.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'strata-heads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(path.join(dir, 'content'));
const tree = new FsTree(dir, '');

/** Writes each page as `content/<name>.md` and discovers the folder both ways. */
async function discoverBoth(pages: Record<string, string | Buffer>) {
  rmSync(path.join(dir, 'content'), { recursive: true, force: true });
  mkdirSync(path.join(dir, 'content'));
  for (const [name, text] of Object.entries(pages)) writeFileSync(path.join(dir, 'content', `${name}.md`), text);
  const byName = (d: { pages: PageRecord[]; diagnostics: unknown[] }) => new Map(d.pages.map((p) => [path.basename(p.source, '.md'), p]));
  const whole = await discoverPages(tree, { contentDir: 'content' });
  const heads = await discoverPages(tree, { contentDir: 'content', headsOnly: true });
  expect(heads.diagnostics).toEqual(whole.diagnostics);
  return { whole: byName(whole), heads: byName(heads) };
}

const body = (size: number) => '## Steps\n\nRun the upgrade — then check it.\n\n'.repeat(Math.ceil(size / 45)).slice(0, size);
/** Front matter that ends with its closing `---` line's last character at byte `end` (its newline at `end`). */
function frontMatterEndingAt(end: number): string {
  const open = '---\ntitle: Cut\ndescription: "';
  const close = '"\n---';
  return open + 'x'.repeat(end - open.length - close.length) + close;
}

describe('discovery of front matter only', () => {
  it('gives the record full discovery gives, without the text, for pages whose first 4 KB hold their front matter', async () => {
    const pages = {
      yaml: `---\ntitle: Upgrade\nweight: 2\naliases: [/old/]\n---\n${body(20_000)}`,
      toml: `+++\ntitle = "TOML"\nweight = 3\n+++\n${body(9_000)}`,
      json: `{"title": "JSON", "weight": 4}\n${body(9_000)}`,
      crlf: `---\r\ntitle: Windows\r\n---\r\n${body(9_000).replaceAll('\n', '\r\n')}`,
      bom: `\uFEFF---\ntitle: With a BOM\n---\n${body(9_000)}`,
      blank: `\n\n---\ntitle: After blank lines\n---\n${body(9_000)}`,
      // A three-byte character across byte 4096: the cut goes back to its start.
      across: `---\ntitle: Across\n---\n${'a'.repeat(4095 - 22)}—${body(3_000)}`,
      short: '---\ntitle: Short\n---\nOne line.\n',
      closedAtEnd: '---\ntitle: Nothing after\n---',
    };
    const { whole, heads } = await discoverBoth(pages);
    expect(Buffer.byteLength(pages.across.slice(0, pages.across.indexOf('—')))).toBe(4095);
    for (const name of Object.keys(pages)) {
      const full = whole.get(name) as PageRecord;
      const head = heads.get(name) as PageRecord;
      expect(full.text, name).not.toBe('');
      expect(head, name).toEqual({ ...full, text: '', head: full.text.slice(0, full.bodyOffset) });
      // A render thread reads it again and gets the whole text, the record unchanged.
      expect(await rereadPage(tree, head, 'content'), name).toEqual({ ...full, head: head.head });
    }
  });

  it('reads whole the pages their first 4 KB cannot tell about, and reports their problems as full discovery does', async () => {
    const pages = {
      // The title is the body's first heading.
      untitled: `---\nweight: 1\n---\n# From the heading\n\n${body(9_000)}`,
      none: `# No front matter\n\n${body(9_000)}`,
      long: `---\ntitle: Long\ndescription: "${'y'.repeat(5_000)}"\n---\n${body(2_000)}`,
      // The closing line's newline is the 4097th byte, and a `---` cut out of `----` is no closing line.
      newlineAfterCut: `${frontMatterEndingAt(4096)}\n${body(2_000)}`,
      dashes: `${frontMatterEndingAt(4096)}-\nstill: front matter\n---\n${body(2_000)}`,
      badYaml: `---\ntitle: [unclosed\n---\n${body(9_000)}`,
      unclosed: `---\ntitle: Never closed\n${body(9_000)}`,
      // Bad bytes within the first 4 KB.
      badByte: Buffer.concat([Buffer.from('---\ntitle: Bad byte\n---\n'), Buffer.from([0xc3, 0x28]), Buffer.from(body(6_000))]),
      nul: Buffer.concat([Buffer.from('---\ntitle: Binary\n---\n'), Buffer.from([0]), Buffer.from(body(6_000))]),
      // A small file is read whole, and checked whole.
      smallBad: Buffer.concat([Buffer.from(`---\ntitle: Small\n---\n${body(1_000)}`), Buffer.from([0xff])]),
    };
    const { whole, heads } = await discoverBoth(pages);
    expect(Buffer.byteLength(frontMatterEndingAt(4096))).toBe(4096);
    for (const name of Object.keys(pages)) {
      const full = whole.get(name);
      expect(heads.get(name), name).toEqual(full);
      if (full) expect(heads.get(name)?.head, name).toBeUndefined();
    }
    expect(whole.get('untitled')?.title).toBe('From the heading');
    // `----` does not close the front matter: the next `---` does.
    expect(whole.get('dashes')?.bodyOffset).toBe(Buffer.byteLength(frontMatterEndingAt(4096)) + '-\nstill: front matter\n---\n'.length);
    for (const name of ['badByte', 'nul', 'smallBad']) expect(whole.get(name)?.diagnostics[0]?.ruleId, name).toBe('content:encoding');
  });

  it('leaves a bad byte after the first 4 KB to the renderer, which reports it where full discovery did', async () => {
    const before = `---\ntitle: Bad byte\n---\n${body(6_000)}\n`;
    const { whole, heads } = await discoverBoth({ late: Buffer.concat([Buffer.from(before), Buffer.from([0xc3, 0x28]), Buffer.from(' after\n')]) });
    const full = whole.get('late') as PageRecord;
    expect(full.diagnostics).toMatchObject([{ ruleId: 'content:encoding', place: { line: before.split('\n').length, column: 1 } }]);
    expect(heads.get('late')).toMatchObject({ text: '', diagnostics: [] });
    expect(await rereadPage(tree, heads.get('late') as PageRecord, 'content')).toEqual(full);
  });

  it('fails a build on a bad byte after the first 4 KB, at its place, with threads and without', { timeout: 60_000 }, async () => {
    const site = path.join(dir, 'site');
    mkdirSync(path.join(site, 'content'), { recursive: true });
    writeFileSync(path.join(site, 'strata.config.json'), JSON.stringify({ title: 'Late', version: { name: '1.0.x' } }));
    writeFileSync(path.join(site, 'content/_index.md'), '---\ntitle: Home\n---\nHome.\n');
    const before = `---\ntitle: Bad byte\n---\n${body(6_000)}\nThe byte: `;
    writeFileSync(path.join(site, 'content/late.md'), Buffer.concat([Buffer.from(before), Buffer.from([0xc3, 0x28]), Buffer.from(' after\n')]));
    for (const threads of [0, 2]) {
      const summary = await buildSite({ siteDir: site, outDir: path.join(dir, `out-${threads}`), output: 'files', threads });
      expect(summary.written, `threads: ${threads}`).toBe(false);
      expect(summary.diagnostics.map((d) => `${d.file}:${d.place?.line}:${d.place?.column} ${d.ruleId}`)).toEqual([`content/late.md:${before.split('\n').length}:11 content:encoding`]);
    }
  });
});

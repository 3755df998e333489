import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BuildCache, type CachedPage, type CachedSource } from '../../src/cache/build-cache.js';
import { applyDelta, diffTables, journalEntry, readJournal } from '../../src/cache/manifest-journal.js';

/**
 * The manifest's journal: a rebuild writes what it changed, not the whole
 * manifest, and a later build reads the manifest and the journal back as one.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'strata-journal-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const manifest = () => path.join(dir, '.strata-cache/manifest.bin');
const journal = () => path.join(dir, '.strata-cache/manifest.journal');
const open = () => BuildCache.open(dir, 'engine', path.join(dir, 'out'));

const page = (key: string, ids: string[] = []): CachedPage => ({ key, documents: [[`1.0/${key}/index.html`, `doc-${key}`]], meta: { ids, links: [], diagnostics: [], features: [], dependencies: [['static/x.md', 'f1']] } });
const source = (name: string, date?: Date): CachedSource => ({
  fingerprint: `1:2:${name}`,
  contentHash: `hash-${name}`,
  record: { source: name, file: name, kind: 'page', url: `/${name}/`, parent: undefined, title: name, linkTitle: name, weight: 1, description: '', draft: false, hidden: false, aliases: [], frontMatter: { title: name, params: date ? { date } : {} }, text: '', bodyOffset: 0, diagnostics: [] },
});

/** Pages every build keeps, so that the manifest has a size a site's has (a journal grows to a quarter of it). */
const FILLER = Array.from({ length: 300 }, (_, i) => `/filler-${i}/`);

/** A build that keeps `kept` pages as the last build left them, and records `fresh` ones anew. */
function rebuild(kept: string[], fresh: Record<string, CachedPage>, sources: Record<string, CachedSource> = {}): BuildCache {
  const cache = open();
  expect(cache.problem).toBeUndefined();
  for (const url of FILLER) cache.rememberPage('1.0', url, cache.page('1.0', url) ?? page(url.slice(1, -1)));
  for (const url of kept) cache.rememberPage('1.0', url, cache.page('1.0', url) as CachedPage);
  for (const [url, p] of Object.entries(fresh)) cache.rememberPage('1.0', url, p);
  for (const [name, s] of Object.entries(sources)) cache.rememberSource('1.0', name, s, true);
  cache.save(new Map(), () => false);
  return cache;
}

describe('the manifest journal', () => {
  it('holds what a rebuild changed, and is read back with the manifest as one', () => {
    rebuild([], { '/a/': page('a'), '/b/': page('b'), '/c/': page('c') }, { 'a.md': source('a.md') });
    expect(existsSync(journal())).toBe(false);
    const whole = readFileSync(manifest());

    // `a` kept, `b` rendered again, `c` gone, a source with a date added.
    rebuild(['/a/'], { '/b/': page('b2', ['new-id']) }, { 'd.md': source('d.md', new Date('2024-05-01T00:00:00Z')) });
    expect(readFileSync(manifest()).equals(whole)).toBe(true);
    expect(existsSync(journal())).toBe(true);

    const cache = open();
    expect(cache.page('1.0', '/a/')).toEqual(page('a'));
    expect(cache.page('1.0', '/b/')).toEqual(page('b2', ['new-id']));
    expect(cache.page('1.0', '/c/')).toBeUndefined();
    expect(cache.source('1.0', 'd.md', '1:2:d.md')?.record.frontMatter.params.date).toEqual(new Date('2024-05-01T00:00:00Z'));
    // The source the rebuild did not remember is gone: the journal records removals too.
    expect(cache.source('1.0', 'a.md', '1:2:a.md')).toBeUndefined();
  });

  it('adds one entry per rebuild, applied in order', () => {
    rebuild([], { '/a/': page('a'), '/b/': page('b') });
    rebuild(['/b/'], { '/a/': page('a2') });
    rebuild(['/b/'], { '/a/': page('a3') });
    rebuild(['/a/'], { '/b/': page('b2') });
    const cache = open();
    expect(cache.page('1.0', '/a/')?.key).toBe('a3');
    expect(cache.page('1.0', '/b/')?.key).toBe('b2');
  });

  it('writes nothing when a rebuild changed nothing', () => {
    rebuild([], { '/a/': page('a') });
    rebuild(['/a/'], {});
    expect(existsSync(journal())).toBe(false);
  });

  it('writes the manifest whole again once the journal would pass a quarter of it, and removes the journal', () => {
    rebuild([], { '/a/': page('a'), '/b/': page('b') });
    rebuild(['/b/'], { '/a/': page('a2') });
    expect(existsSync(journal())).toBe(true);
    const whole = readFileSync(manifest());
    // A change larger than the manifest itself.
    const many = Array.from({ length: 20000 }, (_, i) => `heading-${i}`);
    rebuild(['/b/'], { '/a/': page('a3', many) });
    expect(existsSync(journal())).toBe(false);
    expect(readFileSync(manifest()).equals(whole)).toBe(false);
    expect(open().page('1.0', '/a/')?.meta.ids).toHaveLength(20000);
  });

  it('is ignored with the manifest, and said so, when an entry is damaged', () => {
    rebuild([], { '/a/': page('a') });
    rebuild([], { '/a/': page('a2') });
    const bytes = readFileSync(journal());
    const last = bytes.length - 3;
    bytes[last] = (bytes[last] ?? 0) ^ 0xff;
    writeFileSync(journal(), bytes);
    const cache = open();
    expect(cache.problem).toMatch(/journal entry does not match its checksum/);
    expect(cache.page('1.0', '/a/')).toBeUndefined();
  });

  it('is ignored with the manifest when it ends inside an entry (a write cut short)', () => {
    rebuild([], { '/a/': page('a') });
    rebuild([], { '/a/': page('a2') });
    const whole = readFileSync(journal());
    // Cut inside the header, and inside the body.
    for (const length of [20, whole.length - 5]) {
      writeFileSync(journal(), whole.subarray(0, length));
      expect(open().problem).toMatch(/journal ends inside an entry/);
    }
  });

  it('is not applied to a manifest written after it (a build stopped before removing it), and is then replaced', () => {
    rebuild([], { '/a/': page('a'), '/b/': page('b') });
    rebuild(['/a/'], { '/b/': page('b2') });
    const left = path.join(dir, 'left-behind');
    copyFileSync(journal(), left);
    // A whole manifest that no longer has `/b/`, and the journal of the one before it put back.
    rebuild(['/a/'], { '/c/': page('c', Array.from({ length: 20000 }, (_, i) => `h-${i}`)) });
    expect(existsSync(journal())).toBe(false);
    copyFileSync(left, journal());
    const cache = open();
    expect(cache.problem).toBeUndefined();
    expect(cache.page('1.0', '/a/')?.key).toBe('a');
    expect(cache.page('1.0', '/b/')).toBeUndefined();
    // The next save does not build on it: the manifest is written whole and the stale journal removed.
    rebuild(['/a/', '/c/'], { '/d/': page('d') });
    expect(existsSync(journal())).toBe(false);
    expect(open().page('1.0', '/d/')?.key).toBe('d');
  });
});

describe('manifest deltas', () => {
  it('find what changed by reference, and give back the later tables when applied', () => {
    const kept = { v: 1 };
    const before = { sources: { '1.0': { 'a.md': kept, 'b.md': { v: 2 } }, '0.9': { 'x.md': { v: 3 } } }, pages: { p: kept, q: { v: 4 } }, files: { f: kept } };
    const after = { sources: { '1.0': { 'a.md': kept, 'c.md': { v: 5 } } }, pages: { p: kept, q: { v: 4 } }, files: { f: kept, g: { v: 6 } } };
    const { delta, changes } = diffTables(before, after);
    // `q` is equal but made anew: it counts as a change (a build only makes entries anew for what it did again).
    expect(delta).toEqual({ sources: { '1.0': { 'b.md': null, 'c.md': { v: 5 } }, '0.9': { 'x.md': null } }, pages: { q: { v: 4 } }, files: { g: { v: 6 } } });
    expect(changes).toBe(5);
    const applied = structuredClone(before);
    applyDelta(applied, delta);
    expect(applied).toEqual({ ...after, sources: { ...after.sources, '0.9': {} } });
  });

  it('are stored with their checksum and the manifest they apply to', () => {
    const file = path.join(dir, 'journal');
    const delta = { sources: {}, pages: { p: { v: 1 } }, files: {} };
    writeFileSync(file, Buffer.concat([journalEntry('base-1', delta), journalEntry('base-1', { ...delta, pages: { p: null } })]));
    expect(readJournal(file, 'base-1')).toEqual({ deltas: [delta, { ...delta, pages: { p: null } }], bytes: readFileSync(file).length, stale: false });
    expect(readJournal(file, 'base-2')).toMatchObject({ deltas: [], stale: true });
    expect(readJournal(path.join(dir, 'none'), 'base-1')).toEqual({ deltas: [], bytes: 0, stale: false });
  });
});

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OutputSink } from '../../src/build/output.js';
import { indexDirectory, SearchIndexSink } from '../../src/search/search-index.js';
import { makeSite } from '../support/site.js';

/** Keeps what is written, as the dev server would. */
class MemorySink implements OutputSink {
  readonly files = new Map<string, string | Uint8Array>();
  committed = false;
  async write(file: string, data: string | Uint8Array): Promise<void> {
    this.files.set(file, data);
  }
  async copy(): Promise<void> {}
  async commit(): Promise<void> {
    this.committed = true;
  }
  async abort(): Promise<void> {}
}

const page = (version: string, title: string, text: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav>Navigation words</nav><article data-pagefind-body data-pagefind-filter="version:${version}"><h1>${title}</h1><p>${text}</p></article></body></html>`;

const decode = (data: string | Uint8Array | undefined) => (typeof data === 'string' ? data : Buffer.from(data ?? []).toString('utf8'));

describe('SearchIndexSink', () => {
  it('passes every file on and writes a Pagefind bundle of the pages, without the prebuilt UIs', async () => {
    const inner = new MemorySink();
    const sink = new SearchIndexSink(inner, { exclude: (file) => file.startsWith('latest/') });
    await sink.write('1.17.x/a/index.html', page('1.17.x', 'Alpha', 'extProc attributes'));
    await sink.write('1.16.x/a/index.html', page('1.16.x', 'Alpha', 'older attributes'));
    await sink.write('latest/a/index.html', page('1.17.x', 'Alpha', 'extProc attributes'));
    await sink.write('assets/style.css', 'body{}');
    const result = await sink.finish();
    await sink.commit();

    expect(result.diagnostics).toEqual([]);
    expect(result.pages).toBe(2);
    expect(inner.committed).toBe(true);
    for (const file of ['1.17.x/a/index.html', '1.16.x/a/index.html', 'latest/a/index.html', 'assets/style.css', 'pagefind/pagefind.js', 'pagefind/pagefind-entry.json']) {
      expect(inner.files.has(file), file).toBe(true);
    }
    expect([...inner.files.keys()].some((f) => /pagefind-(ui|component-ui|modular-ui|highlight)/.test(f))).toBe(false);
    const entry = JSON.parse(decode(inner.files.get('pagefind/pagefind-entry.json'))) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0)).toBe(2);
    expect([...inner.files.keys()].filter((f) => f.startsWith('pagefind/filter/')).length).toBeGreaterThan(0);
  }, 60_000);

  it('writes nothing when no page was written', async () => {
    const inner = new MemorySink();
    const sink = new SearchIndexSink(inner);
    await sink.write('robots.txt', 'User-agent: *');
    expect(await sink.finish()).toEqual({ pages: 0, files: 0, diagnostics: [] });
    expect([...inner.files.keys()]).toEqual(['robots.txt']);
  });
});

describe('indexDirectory', () => {
  it('re-indexes an output folder merged from separate builds, replacing its bundle', async () => {
    const out = makeSite({
      '1.17.x/a/index.html': page('1.17.x', 'Alpha', 'extProc attributes'),
      '1.16.x/a/index.html': page('1.16.x', 'Alpha', 'older attributes'),
      'latest/a/index.html': page('1.17.x', 'Alpha', 'extProc attributes'),
      'pagefind/stale.txt': 'from a previous build',
    });
    try {
      const result = await indexDirectory(out.dir, { exclude: (file) => file.startsWith('latest/') });
      expect(result.diagnostics).toEqual([]);
      expect(result.pages).toBe(2);
      expect(existsSync(path.join(out.dir, 'pagefind/pagefind.js'))).toBe(true);
      expect(existsSync(path.join(out.dir, 'pagefind/stale.txt'))).toBe(false);
      const entry = JSON.parse(readFileSync(path.join(out.dir, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
      expect(Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0)).toBe(2);
    } finally {
      out.cleanup();
    }
  }, 60_000);
});

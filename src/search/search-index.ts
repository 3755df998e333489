import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { rules } from '../diagnostics/rules.js';
import type { OutputSink } from '../build/output.js';
import type * as PagefindModule from 'pagefind';
import { errorMessage } from '../util/error-text.js';

export interface SearchIndexOptions {
  /**
   * Output files (relative, forward slashes) to leave out of the index, such
   * as the `latest/` copy of a version that is indexed under its own name.
   */
  exclude?: (file: string) => boolean;
  /** Folder of the search bundle in the output. Default: `pagefind`. */
  bundleDir?: string;
}

export interface SearchIndexResult {
  pages: number;
  files: number;
  diagnostics: Diagnostic[];
}

/** Where the search bundle goes in the output. */
export const SEARCH_BUNDLE = 'pagefind';

const PAGEFIND_UI = /^pagefind-(?:component-|modular-)?ui\.|^pagefind-highlight\.js$/;

type Pagefind = typeof PagefindModule;
type PagefindIndex = NonNullable<Awaited<ReturnType<Pagefind['createIndex']>>['index']>;

/**
 * Stage 7's search index: an output sink that passes every file on and feeds
 * each HTML page to Pagefind as it is written, then writes Pagefind's bundle
 * (`pagefind/`) through the same sink, so it works for a folder and in memory
 * alike. Pages opt in with `data-pagefind-body` (the theme marks the article)
 * and carry a `version` filter, so one index serves every version.
 */
export class SearchIndexSink implements OutputSink {
  readonly #inner: OutputSink;
  readonly #options: SearchIndexOptions;
  #index: Promise<{ pagefind: Pagefind; index: PagefindIndex | undefined; errors: string[] }> | undefined;
  readonly #added: Array<Promise<string[]>> = [];

  constructor(inner: OutputSink, options: SearchIndexOptions = {}) {
    this.#inner = inner;
    this.#options = options;
  }

  async write(file: string, data: string | Uint8Array): Promise<void> {
    await this.#inner.write(file, data);
    void this.add(file, data);
  }

  /**
   * Indexes a page without writing it (a page already in the output). Not
   * awaited by `write`: Pagefind indexes while the next pages render, and
   * `finish` collects the outcome. What it returns settles once Pagefind has
   * the page, for callers that hold back the next one.
   */
  add(file: string, data: string | Uint8Array): Promise<unknown> {
    if (!file.endsWith('.html') || this.#options.exclude?.(file)) return Promise.resolve();
    const content = typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
    const added = this.#open()
      .then(async ({ index }) => {
        if (!index) return [];
        const response = await index.addHTMLFile({ sourcePath: file, content });
        return response.errors;
      })
      .catch((e: unknown) => [errorMessage(e)]);
    this.#added.push(added);
    return added;
  }

  copy(file: string, from: string): Promise<void> {
    // Copied files are static files, never pages of the site.
    return this.#inner.copy(file, from);
  }

  /** Writes the bundle; call once every page is written and before `commit`. */
  async finish(): Promise<SearchIndexResult> {
    const diagnostics: Diagnostic[] = [];
    const pages = this.#added.length;
    if (pages === 0) return { pages: 0, files: 0, diagnostics };
    const { pagefind, index, errors } = await this.#open();
    const problems = [...errors, ...(await Promise.all(this.#added)).flat()];
    let files = 0;
    if (index) {
      const built = await index.getFiles();
      problems.push(...built.errors);
      const dir = (this.#options.bundleDir ?? 'pagefind').replace(/\/$/, '');
      for (const f of built.files) {
        // The theme brings its own search UI: Pagefind's prebuilt UIs are not shipped.
        if (PAGEFIND_UI.test(f.path)) continue;
        await this.#inner.write(`${dir}/${f.path.split('\\').join('/')}`, f.content);
        files++;
      }
      await index.deleteIndex();
    }
    await pagefind.close();
    for (const problem of [...new Set(problems)]) diagnostics.push({ severity: 'warning', ruleId: rules.searchIndex, message: `search index: ${problem}` });
    return { pages, files, diagnostics };
  }

  commit(): Promise<void> {
    return this.#inner.commit();
  }

  async abort(): Promise<void> {
    if (this.#index) await (await this.#index).pagefind.close().catch(() => undefined);
    await this.#inner.abort();
  }

  #open() {
    this.#index ??= (async () => {
      const pagefind = await import('pagefind');
      try {
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', includeCharacters: '._-' });
        return { pagefind, index, errors };
      } catch (e) {
        return { pagefind, index: undefined, errors: [`Pagefind could not start (${errorMessage(e)}); the site has no search`] };
      }
    })();
    return this.#index;
  }
}

/** Pages sent to Pagefind ahead of its answers when indexing a folder. */
const IN_FLIGHT = 16;

/**
 * Indexes the pages already in an output folder, replacing its `pagefind/`:
 * for outputs merged from separate builds (one CI job per version), where
 * each job's index knows only its own version.
 */
export async function indexDirectory(dir: string, options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const bundleDir = (options.bundleDir ?? 'pagefind').replace(/\/$/, '');
  await fs.rm(path.join(dir, bundleDir), { recursive: true, force: true });
  const sink = new SearchIndexSink(new FolderSink(dir), options);
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  // Pages go to Pagefind in path order, so the same site gives the same index however it was written.
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // A few pages in flight keep Pagefind busy; all of them at once would hold every page's text, and its
  // encoded message, in memory together (gigabytes for a large site).
  const inFlight: Array<Promise<unknown>> = [];
  for (const file of files) {
    inFlight.push(sink.add(file, await fs.readFile(path.join(dir, ...file.split('/')))));
    if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
  }
  return sink.finish();
}

/** Writes straight into an existing folder (no staging): only for adding the bundle to a finished output. */
class FolderSink implements OutputSink {
  readonly #dir: string;
  constructor(dir: string) {
    this.#dir = path.resolve(dir);
  }
  async write(file: string, data: string | Uint8Array): Promise<void> {
    const abs = path.join(this.#dir, ...file.split('/'));
    if (!abs.startsWith(this.#dir + path.sep)) throw new Error(`refusing to write outside the output folder: ${file}`);
    await fs.mkdir(path.dirname(abs), { recursive: true });
    await fs.writeFile(abs, data);
  }
  async copy(file: string, from: string): Promise<void> {
    await this.write(file, await fs.readFile(from));
  }
  async commit(): Promise<void> {}
  async abort(): Promise<void> {}
}

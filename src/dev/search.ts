import { pageDocument } from '../build/page-document.js';
import { MemorySink } from '../build/output.js';
import { SEARCH_BUNDLE, SearchIndexSink } from '../search/search-index.js';
import type { DevContext } from './context.js';
import { renderedOf } from './render-entry.js';
import type { DevSite } from './site-state.js';

/** An index, and the site state it was made from. */
interface BuiltIndex {
  site: DevSite;
  epoch: number;
  files: Promise<Map<string, Buffer>>;
}

/**
 * Search in `strata dev`: the same Pagefind index a build writes, made in
 * memory from the pages as they are now, the first time a browser asks for
 * `pagefind/` after a change (not on every save: indexing means rendering
 * every page). The index before is kept too, so a search that started
 * before a save can fetch the rest of its files.
 */
export class DevSearch {
  #current: BuiltIndex | undefined;
  #previous: BuiltIndex | undefined;

  /** The bytes of `pagefind/<file>`, or undefined when there is no such file or the site has no search. */
  async file(ctx: DevContext, file: string): Promise<Buffer | undefined> {
    const site = ctx.site;
    if (!site?.loaded.config.search) return undefined;
    if (this.#current?.site !== site || this.#current.epoch !== site.epoch) {
      this.#previous = this.#current;
      this.#current = { site, epoch: site.epoch, files: indexSite(ctx, site) };
    }
    const found = (await this.#current.files).get(file);
    if (found || !this.#previous) return found;
    return (await this.#previous.files.catch(() => new Map<string, Buffer>())).get(file);
  }
}

/** Renders every page of every version (once per version: `latest/` is the same pages) and indexes it. */
async function indexSite(ctx: DevContext, site: DevSite): Promise<Map<string, Buffer>> {
  const memory = new MemorySink();
  const index = new SearchIndexSink(memory);
  for (const version of site.versions.values()) {
    const folder = version.prepared.version.name;
    for (const entry of version.entries.values()) {
      const rendered = await renderedOf(ctx, site, version, entry);
      try {
        index.add(`${folder}${entry.url}index.html`, pageDocument(rendered, version.prepared, site.all(), site.layout));
      } catch {
        // A page its layout cannot show is shown with its error when visited, and is not searchable meanwhile.
      }
    }
  }
  const { diagnostics } = await index.finish();
  ctx.terminal.diagnostics(diagnostics);
  const prefix = `${SEARCH_BUNDLE}/`;
  return new Map([...memory.files].filter(([path]) => path.startsWith(prefix)).map(([path, bytes]) => [path.slice(prefix.length), bytes]));
}

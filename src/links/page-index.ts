import { suggest } from '../shortcodes/suggest.js';

export type LinkTarget = { kind: 'page'; url: string } | { kind: 'file'; url: string };

/**
 * What one version contains, by URL: its pages, their aliases and its files.
 * Links, `versioned_link_path` and the switcher all resolve through it.
 */
export class PageIndex {
  readonly #pages = new Map<string, string>();
  readonly #files = new Set<string>();
  readonly #sources = new Map<string, string>();

  addPage(url: string, source: string, aliases: readonly string[] = []): void {
    this.#pages.set(url, url);
    this.#sources.set(source, url);
    for (const alias of aliases) if (!this.#pages.has(alias)) this.#pages.set(alias, url);
  }

  addFile(url: string): void {
    this.#files.add(url);
  }

  hasPage(url: string): boolean {
    return this.#pages.get(url) === url;
  }

  /** A site path (decoded, no query or fragment) → the page or file it names. */
  resolve(path: string): LinkTarget | undefined {
    if (this.#files.has(path)) return { kind: 'file', url: path };
    const clean = path.replace(/\/index\.html?$/, '/');
    const page = this.#pages.get(clean) ?? this.#pages.get(clean.endsWith('/') ? clean : `${clean}/`);
    return page === undefined ? undefined : { kind: 'page', url: page };
  }

  /** A content file (`content/a/b.md`) → its page URL, for links written to `.md` files. */
  pageOfSource(source: string): string | undefined {
    return this.#sources.get(source);
  }

  /** "; did you mean `/x/`" for a path that resolves to nothing. */
  suggestion(path: string): string {
    return suggest(path, [...this.#pages.keys()]);
  }

  pageUrls(): string[] {
    return [...new Set(this.#pages.values())];
  }
}

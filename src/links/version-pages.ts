import type { PageRecord } from '../content/page.js';
import type { PageSummary, ShortcodePages } from '../shortcodes/definition.js';
import { resolveInside } from '../versions/source-tree.js';

/**
 * The pages of one version as shortcodes see them: by URL, by Hugo `ref`
 * path, and as the children of a section. Built once per version; `from`
 * gives the view of one page, which `ref` paths are relative to.
 */
export class VersionPages {
  readonly #byUrl = new Map<string, PageSummary>();
  /** Content path without the content folder, lower-cased (`operations/x.md`) → page. */
  readonly #bySource = new Map<string, PageSummary>();
  /** File name without extension (`x`, or the folder of an `_index.md`/`index.md`) → pages. */
  readonly #byName = new Map<string, PageSummary[]>();
  readonly #children = new Map<string, PageSummary[]>();
  readonly #contentDir: string;

  constructor(pages: readonly PageRecord[], contentDir: string) {
    this.#contentDir = contentDir;
    const summaries = pages.map(summarize);
    for (const page of summaries) this.#byUrl.set(page.url, page);
    for (const [i, page] of summaries.entries()) {
      for (const alias of (pages[i] as PageRecord).aliases) if (!this.#byUrl.has(alias)) this.#byUrl.set(alias, page);
      const rel = page.source.slice(contentDir.length + 1).toLowerCase();
      this.#bySource.set(rel, page);
      const name = baseName(rel);
      if (name !== undefined) this.#byName.set(name, [...(this.#byName.get(name) ?? []), page]);
      if (page.kind === 'home') continue;
      const section = this.#sectionOf(page);
      if (section !== undefined) this.#children.set(section, [...(this.#children.get(section) ?? []), page]);
    }
    for (const list of this.#children.values()) list.sort(byWeightThenTitle);
  }

  /** The view from the page whose content file is `source`. */
  from(source: string): ShortcodePages {
    const rel = source.slice(this.#contentDir.length + 1);
    const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
    return {
      byUrl: (url) => this.#byUrl.get(url),
      lookup: (path) => this.#lookup(path, dir),
      children: (url) => [...(this.#children.get(url) ?? [])],
    };
  }

  #lookup(ref: string, dir: string): PageSummary | undefined {
    const path = ref.trim().replace(/\\/g, '/').toLowerCase();
    if (path === '' || path === '/') return this.#find('');
    if (!path.startsWith('/')) {
      const relative = this.#find(resolveInside(path, dir));
      if (relative) return relative;
    }
    const absolute = this.#find(resolveInside(path));
    if (absolute) return absolute;
    if (!path.replace(/^\.?\//, '').includes('/')) {
      const named = this.#byName.get(stripExtension(path.replace(/^\.?\//, '')));
      if (named?.length === 1) return named[0];
    }
    return undefined;
  }

  /** A content-relative path with or without extension, or a section/bundle folder. */
  #find(rel: string | undefined): PageSummary | undefined {
    if (rel === undefined) return undefined;
    if (/\.(md|markdown)$/.test(rel)) return this.#bySource.get(rel);
    const prefix = rel === '' ? '' : `${rel}/`;
    return this.#bySource.get(`${rel}.md`) ?? this.#bySource.get(`${prefix}_index.md`) ?? this.#bySource.get(`${prefix}index.md`) ?? this.#bySource.get(`${rel}.markdown`);
  }

  /** The nearest ancestor that is a section or the home page (Hugo's `.Parent`). */
  #sectionOf(page: PageSummary): string | undefined {
    let at = page.url.replace(/[^/]+\/$/, '');
    for (;;) {
      const found = this.#byUrl.get(at);
      if (found && found.url === at && found.kind !== 'page') return at;
      if (at === '/' || at === '') return undefined;
      at = at.replace(/[^/]+\/$/, '');
    }
  }
}

function summarize(page: PageRecord): PageSummary {
  return {
    url: page.url,
    kind: page.kind,
    title: page.title,
    linkTitle: page.linkTitle,
    description: page.description,
    weight: page.weight,
    hidden: page.hidden,
    source: page.source,
    params: page.frontMatter.params,
  };
}

function stripExtension(name: string): string {
  return name.replace(/\.(md|markdown)$/, '');
}

function baseName(rel: string): string | undefined {
  const parts = rel.split('/');
  const file = stripExtension(parts.pop() as string);
  if (file === '_index' || file === 'index') return parts.pop();
  return file;
}

/** Hugo's default page order: weight (unset last), then link title, then URL. */
export function byWeightThenTitle(a: PageSummary, b: PageSummary): number {
  const wa = a.weight || Number.MAX_SAFE_INTEGER;
  const wb = b.weight || Number.MAX_SAFE_INTEGER;
  return wa - wb || a.linkTitle.localeCompare(b.linkTitle) || a.url.localeCompare(b.url);
}

import { siteLayoutInfo, type LoadedSite } from '../build/load-site.js';
import type { SiteLayoutInfo } from '../build/layout-page.js';
import { MemorySink } from '../build/output.js';
import { LATEST_FOLDER } from '../build/page-document.js';
import type { PreparedVersion } from '../build/prepare-version.js';
import type { RenderedPage, VersionEnv } from '../build/render-page.js';
import { rootFiles } from '../build/site-files.js';
import { createRenderTools, createVersionEnv, type RenderTools } from '../build/version-env.js';
import type { CodeHighlighter } from '../transforms/highlight-code.js';
import { versionFiles, type OutputFile } from '../build/version-files.js';
import type { PageRecord } from '../content/page.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { PageLink } from '../transforms/links.js';
import { DependencyMap } from './dependency-map.js';

/** What the last render of a page found: all that other pages and the change planner need of it. */
export interface PageFacts {
  ids: ReadonlySet<string>;
  links: readonly PageLink[];
  diagnostics: readonly Diagnostic[];
}

/** A page laid out for one output folder, dev extras included, ready to send. */
export interface PageDocument {
  html: Buffer;
  /** Identifies this exact document; a browser showing another stamp is out of date. */
  stamp: string;
  /** The version's layout generation it was laid out for. */
  layout: number;
}

/** One page of a version in memory. */
export interface PageEntry {
  readonly version: string;
  readonly url: string;
  record: PageRecord;
  /** Bumped whenever the page's inputs change; renders of older generations are thrown away. */
  generation: number;
  /** The render under way for `generation`. */
  rendering: Promise<RenderedPage> | undefined;
  /**
   * The render of `generation`, while kept: pages a browser shows keep it to
   * be laid out again cheaply; others drop it once their documents exist
   * (a rendered tree is ~0.5 MB for a long page).
   */
  rendered: RenderedPage | undefined;
  facts: PageFacts | undefined;
  /** The generation `facts` belong to (-1: never rendered). */
  factsGeneration: number;
  /** Errors in this page's links to anchors of other pages, found once those are rendered. */
  anchors: Diagnostic[];
  /** The page laid out (the same in the version's folder and in `latest/`). */
  document: PageDocument | undefined;
}

/** One version in memory: discovered pages, the render environment, and what pages used. */
export interface VersionState {
  readonly name: string;
  prepared: PreparedVersion;
  env: VersionEnv;
  /** By page URL. */
  entries: Map<string, PageEntry>;
  /** Page URL → tree paths its `readfile`s read (as found, and as written when missing). */
  files: DependencyMap;
  /** Page URL → URLs of the pages and files it links to. */
  links: DependencyMap;
  /** Bumped when every page of the version must be laid out again (nav, switcher, theme). */
  layoutGeneration: number;
  /** Output files besides pages, by folder, then by path inside the folder; made when first asked for. */
  outputs: Map<string, Map<string, OutputFile>>;
}

/** What an output path holds in the in-memory site. */
export type Lookup =
  | { kind: 'page'; version: VersionState; entry: PageEntry }
  | { kind: 'data'; data: string | Uint8Array }
  | { kind: 'source'; version: VersionState; source: string }
  /** A page or folder exists at this path plus `/`. */
  | { kind: 'slash' };

/** Pages whose rendered tree is kept because a browser showed them recently. */
const KEEP_RENDERED = 32;

/**
 * The site the dev server serves from memory: the loaded site (config, theme,
 * discovered versions), the hashed assets, and per version the page entries
 * and dependency maps. Nothing is rendered when it is made.
 */
export class DevSite {
  loaded: LoadedSite;
  layout: SiteLayoutInfo;
  /** Every asset ever written, old hashes too: a page loaded before a theme change still finds its stylesheet. */
  readonly assets: MemorySink;
  readonly versions: Map<string, VersionState>;
  readonly drafts: boolean;
  /** Why loading the site again failed (it is served as it was before): shown on every page. */
  errors: Diagnostic[] = [];
  /** Why the theme no longer loads (the last good one is used): shown on every page. */
  themeErrors: Diagnostic[] = [];
  /** Bumped when a change batch starts: a render that spans a batch is done again. */
  epoch = 0;
  /** Pages never rendered, in the order background rendering takes them. */
  readonly unrendered = new Set<PageEntry>();
  /** Pages whose inputs changed and that no browser has asked for yet. */
  readonly stale = new Set<PageEntry>();
  /** Pages browsers asked for, least recent first. */
  readonly viewed = new Set<PageEntry>();
  /** Shortcodes, markdown and highlighting caches shared by every version's pages. */
  tools: RenderTools;

  /** The environment a version's pages render in. */
  envFor(prepared: PreparedVersion): VersionEnv {
    return createVersionEnv(prepared, this.loaded.config, this.tools);
  }

  private constructor(loaded: LoadedSite, layout: SiteLayoutInfo, assets: MemorySink, drafts: boolean, highlighter: CodeHighlighter | undefined) {
    this.loaded = loaded;
    this.tools = createRenderTools(loaded.config, loaded.registry, highlighter);
    this.layout = layout;
    this.assets = assets;
    this.drafts = drafts;
    this.versions = new Map();
    for (const prepared of loaded.versions) {
      const state: VersionState = {
        name: prepared.version.name,
        prepared,
        env: createVersionEnv(prepared, loaded.config, this.tools),
        entries: new Map(),
        files: new DependencyMap(),
        links: new DependencyMap(),
        layoutGeneration: 0,
        outputs: new Map(),
      };
      for (const record of uniquePages(prepared)) {
        const entry = newEntry(state.name, record);
        state.entries.set(record.url, entry);
        this.unrendered.add(entry);
      }
      this.versions.set(state.name, state);
    }
  }

  /** `previous`: the site this one replaces (after a config change), whose code highlighter it keeps. */
  static async create(loaded: LoadedSite, drafts: boolean, previous?: DevSite): Promise<DevSite> {
    const assets = new MemorySink();
    const layout = await siteLayoutInfo(loaded, assets);
    return new DevSite(loaded, layout, assets, drafts, previous?.tools.highlighter);
  }

  /** Every version, newest first, as the switcher lists them. */
  all(): PreparedVersion[] {
    return [...this.versions.values()].map((v) => v.prepared);
  }

  pageCount(): number {
    let n = 0;
    for (const v of this.versions.values()) n += v.entries.size;
    return n;
  }

  /** What is at `path` (an output path: `latest/a/`, `assets/x.css`, `versions.json`). */
  lookup(path: string): Lookup | undefined {
    const rootPath = path === '' ? 'index.html' : path;
    if (!rootPath.includes('/')) {
      const root = rootFiles(this.all()).find((f) => f.path === rootPath);
      if (root) return { kind: 'data', data: root.data };
    }
    if (path.startsWith('assets/')) {
      const data = this.assets.files.get(path);
      return data ? { kind: 'data', data } : undefined;
    }
    const slash = path.indexOf('/');
    const folder = slash === -1 ? path : path.slice(0, slash);
    const version = this.#versionInFolder(folder);
    if (!version) return undefined;
    if (slash === -1) return { kind: 'slash' };
    const rest = path.slice(slash + 1);
    const url = `/${rest}`.replace(/(^|\/)index\.html?$/, '$1');
    const entry = url.endsWith('/') ? version.entries.get(url) : undefined;
    if (entry) return { kind: 'page', version, entry };
    const outputs = this.outputsOf(version, folder);
    const file = outputs.get(rest) ?? (rest === '' || rest.endsWith('/') ? outputs.get(`${rest}index.html`) : undefined);
    if (file) return 'data' in file ? { kind: 'data', data: file.data } : { kind: 'source', version, source: file.source };
    if (!url.endsWith('/') && version.entries.has(`${url}/`)) return { kind: 'slash' };
    return undefined;
  }

  /** A version folder's files besides pages: static files, content assets, strata-pages.json, alias redirects. */
  outputsOf(version: VersionState, folder: string): Map<string, OutputFile> {
    let outputs = version.outputs.get(folder);
    if (!outputs) {
      outputs = new Map(versionFiles(version.prepared, this.layout, folder).map((file) => [file.path.slice(folder.length + 1), file]));
      version.outputs.set(folder, outputs);
    }
    return outputs;
  }

  /** Marks a page as shown in a browser: it keeps its rendered tree, the least recent one loses it. */
  touch(entry: PageEntry): void {
    this.viewed.delete(entry);
    this.viewed.add(entry);
    if (this.viewed.size <= KEEP_RENDERED) return;
    const [oldest] = this.viewed;
    if (oldest) {
      this.viewed.delete(oldest);
      oldest.rendered = undefined;
    }
  }

  /** Forgets a page that no longer exists. */
  retire(version: VersionState, entry: PageEntry): void {
    version.files.delete(entry.url);
    version.links.delete(entry.url);
    this.unrendered.delete(entry);
    this.stale.delete(entry);
    this.viewed.delete(entry);
    entry.rendering = undefined;
  }

  close(): void {
    this.loaded.close();
  }

  #versionInFolder(folder: string): VersionState | undefined {
    if (folder === LATEST_FOLDER) return [...this.versions.values()].find((v) => v.prepared.version.latest);
    return this.versions.get(folder);
  }
}

export function newEntry(version: string, record: PageRecord): PageEntry {
  return {
    version,
    url: record.url,
    record,
    generation: 0,
    rendering: undefined,
    rendered: undefined,
    facts: undefined,
    factsGeneration: -1,
    anchors: [],
    document: undefined,
  };
}

/** One record per URL, the one the build serves (the last one discovered wins, as in `byUrl`). */
export function uniquePages(prepared: PreparedVersion): PageRecord[] {
  return prepared.pages.filter((page) => prepared.byUrl.get(page.url) === page);
}

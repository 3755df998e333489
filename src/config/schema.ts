import type { MarkdownOptions } from '../markdown/processor.js';

export type VersionStatus = 'maintained' | 'unmaintained' | 'prerelease';

/** One version of the docs, as the user configures it. */
export interface VersionConfig {
  /** Folder name in the output and name in the switcher (`1.17.x`, `v1.16`, `main`). */
  name: string;
  /** Shown in the switcher; defaults to the name. */
  label?: string;
  status?: VersionStatus;
  /** Build this version from a git ref (branch, tag or commit) instead of a folder. */
  ref?: string;
  /** Folder holding this version's `content/` and `static/`; defaults to `versions/<name>/`. */
  path?: string;
}

/** What users write in `strata.config.ts` (every field optional). */
export interface UserConfig {
  /** Site title, in the header and every page title. Default: `Documentation`. */
  title?: string;
  description?: string;
  /** Where the site is served: `/`, `/docs/gloo/` or `https://docs.example.com/gloo/`. Default: `/`. */
  baseUrl?: string;
  /** Output folder. Default: `dist`. */
  outDir?: string;
  /** Markdown pages. Default: `content`. */
  contentDir?: string;
  /** Files copied into every version as they are. Default: `static`. */
  staticDir?: string;
  /** A folder under `themes/` of the site, or `default` for the built-in theme. Default: `default`. */
  theme?: string;
  /** "Edit this page" link prefix, e.g. `https://github.com/org/docs/edit/main/`. */
  editUrl?: string;
  /** The version the working tree holds. Default: `{ name: 'current' }`. */
  version?: VersionConfig;
  /** Other versions: snapshot folders and git refs. Folders under `versions/` are found without being listed. */
  versions?: VersionConfig[];
  /** Which version `latest/` serves. Default: the highest version that is not a prerelease. */
  latest?: string;
  /** Also write a `_redirects` file (Netlify, Cloudflare Pages) for the old URLs in front matter `aliases`. Default: false. */
  redirectsFile?: boolean;
  /** Build the search index (Pagefind) of every version. Default: true. */
  search?: boolean;
  markdown?: MarkdownOptions;
  /** Site-wide values for layouts and shortcodes (Hugo's `.Site.Params`, read by `param`). */
  params?: Record<string, unknown>;
  /** Content files to leave out: regular expressions matched against `content/…` paths (Hugo's `ignoreFiles`). */
  ignoreFiles?: string[];
  /**
   * Kinds of output not to produce (Hugo's `disableKinds`): `404`, `sitemap`, `robotsTXT`.
   * Hugo's `taxonomy`, `term` and `RSS` are accepted and change nothing: Strata makes none.
   */
  disableKinds?: string[];
}

/** The config after defaults: what the rest of Strata reads. */
export interface StrataConfig {
  title: string;
  description: string;
  baseUrl: string;
  outDir: string;
  contentDir: string;
  staticDir: string;
  theme: string;
  editUrl: string | undefined;
  version: VersionConfig;
  versions: VersionConfig[];
  latest: string | undefined;
  redirectsFile: boolean;
  search: boolean;
  markdown: MarkdownOptions;
  params: Record<string, unknown>;
  ignoreFiles: string[];
  disableKinds: string[];
}

export const defaults: StrataConfig = {
  title: 'Documentation',
  description: '',
  baseUrl: '/',
  outDir: 'dist',
  contentDir: 'content',
  staticDir: 'static',
  theme: 'default',
  editUrl: undefined,
  version: { name: 'current' },
  versions: [],
  latest: undefined,
  redirectsFile: false,
  search: true,
  markdown: { typographer: true, unsafe: true },
  params: {},
  ignoreFiles: [],
  disableKinds: [],
};

/** Typed identity, for editor completion in `strata.config.ts`. */
export function defineConfig(config: UserConfig): UserConfig {
  return config;
}

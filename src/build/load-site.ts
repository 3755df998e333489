import path from 'node:path';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import type { StrataConfig } from '../config/schema.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { builtinShortcodes, ShortcodeRegistry } from '../shortcodes/registry.js';
import { loadShortcodeModules } from '../shortcodes/load-modules.js';
import { rules } from '../diagnostics/rules.js';
import { parseBaseUrl } from '../publish/base-url.js';
import { loadTheme, type Theme } from '../theme/load-theme.js';
import { GitTree } from '../versions/git-tree.js';
import { resolveVersions } from '../versions/resolve-versions.js';
import type { InputSnapshot } from '../util/input-snapshot.js';
import { FeatureAssets } from './feature-assets.js';
import type { SiteLayoutInfo } from './layout-page.js';
import type { OutputSink } from './output.js';
import type { DiscoveryCache } from '../content/discover.js';
import { prepareVersion, type PreparedVersion } from './prepare-version.js';
import { writeAssets } from './site-assets.js';

export interface LoadOptions {
  siteDir: string;
  /** A config file to use instead of the site's own (`docs.toml`); relative to `siteDir`. */
  configFile?: string;
  baseUrl?: string;
  drafts?: boolean;
  /** Reuses what the last build read (the build cache), version by version. */
  discoveryCache?: (version: string) => DiscoveryCache;
  /** The config, when the caller loaded it already. */
  config?: LoadedConfig;
  /** The files the caller walked already in this build (the build stamp's walk). */
  seen?: InputSnapshot;
  /** Discovery decodes only pages' front matter (`DiscoverOptions.headsOnly`). */
  headsOnly?: boolean;
}

/** A site after stage 1: config, theme and every version discovered, nothing rendered. */
export interface LoadedSite {
  siteDir: string;
  config: StrataConfig;
  /** Config file name relative to the site, when there is one. */
  configFile: string | undefined;
  theme: Theme;
  /** Built-in, theme and site shortcodes. */
  registry: ShortcodeRegistry;
  /** Vendor files (mermaid) that pages' shortcode features may need. */
  features: FeatureAssets;
  versions: PreparedVersion[];
  /** Ends git processes behind versions read from refs. */
  close(): void;
}

/**
 * Loads everything a build or the dev server needs before rendering. Problems
 * in config, theme or versions come back as diagnostics with no site.
 */
export async function loadSite(options: LoadOptions): Promise<{ site: LoadedSite | undefined; diagnostics: Diagnostic[] }> {
  const siteDir = path.resolve(options.siteDir);
  const { config, file: configFile, diagnostics } = options.config ?? (await loadConfig(siteDir, options.configFile));
  if (options.baseUrl !== undefined) config.baseUrl = options.baseUrl;
  const base = parseBaseUrl(config.baseUrl);
  if (base.ok) config.baseUrl = base.base.href;
  else diagnostics.push({ severity: 'error', ruleId: rules.configInvalid, message: `base URL: ${base.reason}`, ...(options.baseUrl === undefined && configFile ? { file: configFile } : {}) });
  if (hasErrors(diagnostics)) return { site: undefined, diagnostics };
  const { theme, diagnostics: themeDiagnostics } = await loadTheme(siteDir, config.theme);
  diagnostics.push(...themeDiagnostics);
  const { versions, diagnostics: versionDiagnostics } = await resolveVersions(siteDir, config, configFile, options.seen);
  diagnostics.push(...versionDiagnostics);
  const modules = theme ? await loadShortcodeModules(siteDir, [path.join(theme.dir, 'shortcodes'), path.join(siteDir, 'shortcodes')]) : undefined;
  const close = () => {
    for (const version of versions) if (version.tree instanceof GitTree) version.tree.close();
  };
  if (!theme || !modules || hasErrors(diagnostics)) {
    close();
    return { site: undefined, diagnostics };
  }
  const prepared = await Promise.all(
    versions.map((version) => {
      const cache = options.discoveryCache?.(version.name);
      return prepareVersion(version, config, options.drafts ?? false, { ...(cache ? { cache } : {}), headsOnly: options.headsOnly ?? false });
    }),
  );
  // A shortcode module that fails to load is reported, and the build goes on without it, so its uses are reported too.
  diagnostics.push(...modules.diagnostics);
  const registry = new ShortcodeRegistry(builtinShortcodes, ...modules.layers);
  const features = await FeatureAssets.load();
  return { site: { siteDir, config, configFile, theme, registry, features, versions: prepared, close }, diagnostics };
}

/** Writes the theme's assets into `sink` and returns what layouts need to know about the site. */
export async function siteLayoutInfo(site: LoadedSite, sink: OutputSink): Promise<SiteLayoutInfo> {
  const assets = await writeAssets(site.theme, sink);
  // Vendor files are written later, only if a page uses them; their names are known now.
  for (const [name, output] of site.features.names()) assets.set(name, output);
  return layoutInfoFor(site.config, site.theme, assets);
}

/** What layouts know of the site, from plain data (a worker builds it from the same). */
export function layoutInfoFor(config: StrataConfig, theme: Theme, assets: Map<string, string>): SiteLayoutInfo {
  const base = config.baseUrl.endsWith('/') ? config.baseUrl : `${config.baseUrl}/`;
  return {
    title: config.title,
    description: config.description,
    editUrl: config.editUrl,
    search: config.search,
    assets,
    theme,
    urlOf: (outputPath) => base + outputPath.replace(/^\//, ''),
  };
}

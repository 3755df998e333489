import path from 'node:path';
import { loadSite, siteLayoutInfo } from '../build/load-site.js';
import { CONFIG_FILES } from '../config/load.js';
import { defaults } from '../config/schema.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { loadTheme } from '../theme/load-theme.js';
import { FsTree } from '../versions/fs-tree.js';
import { VERSIONS_DIR } from '../versions/resolve-versions.js';
import type { DevContext } from './context.js';
import type { SiteShape } from './plan-change.js';
import { basePathOf } from './request-path.js';
import { DevSite } from './site-state.js';

/**
 * Loads the whole site (config, theme, every version discovered; nothing
 * rendered) and makes it the one served. When loading fails, the last good
 * site stays in service with the errors on every page; with none, every page
 * shows the errors. Returns whether it loaded.
 */
export async function loadDevSite(ctx: DevContext): Promise<boolean> {
  const { site: loaded, diagnostics } = await loadSite({ siteDir: ctx.siteDir, drafts: ctx.drafts, ...(ctx.baseUrl === undefined ? {} : { baseUrl: ctx.baseUrl }) });
  ctx.terminal.diagnostics(diagnostics);
  if (!loaded) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (ctx.site) {
      ctx.site.errors = errors;
      for (const version of ctx.site.versions.values()) version.layoutGeneration++;
    } else ctx.failure = errors;
    return false;
  }
  const next = await DevSite.create(loaded, ctx.drafts, ctx.site);
  const previous = ctx.site;
  ctx.site = next;
  ctx.failure = [];
  ctx.basePath = basePathOf(loaded.config.baseUrl);
  previous?.close();
  return true;
}

/**
 * Loads the theme again after its layouts or assets changed: pages are laid
 * out again, renders stay. Returns the stylesheets to swap (old → new hashed
 * path) when stylesheets are all that changed, so browsers need no reload.
 */
export async function reloadTheme(ctx: DevContext, site: DevSite, layoutsChanged: boolean): Promise<Array<[string, string]> | undefined> {
  const { theme, diagnostics } = await loadTheme(ctx.siteDir, site.loaded.config.theme);
  ctx.terminal.diagnostics(diagnostics);
  for (const version of site.versions.values()) {
    version.layoutGeneration++;
    version.outputs.clear();
  }
  if (!theme || hasErrors(diagnostics)) {
    site.themeErrors = diagnostics.filter((d) => d.severity === 'error');
    return undefined;
  }
  site.themeErrors = [];
  const before = site.layout.assets;
  site.loaded = { ...site.loaded, theme };
  site.layout = await siteLayoutInfo(site.loaded, site.assets);
  const swapped: Array<[string, string]> = [];
  let other = layoutsChanged;
  for (const [name, hashed] of site.layout.assets) {
    const old = before.get(name);
    if (old === hashed) continue;
    if (old !== undefined && name.endsWith('.css')) swapped.push([old, hashed]);
    else other = true;
  }
  for (const name of before.keys()) if (!site.layout.assets.has(name)) other = true;
  return other || swapped.length === 0 ? undefined : swapped;
}

/** Where the site's inputs are, for the change planner. */
export function siteShape(ctx: DevContext, site: DevSite | undefined): SiteShape {
  const config = site?.loaded.config ?? defaults;
  const themeDir = site?.loaded.theme.dir ?? path.join(ctx.siteDir, 'themes', config.theme);
  const versions = (site ? [...site.versions.values()] : []).flatMap((v) => {
    const tree = v.prepared.version.tree;
    return tree instanceof FsTree ? [{ name: v.name, root: tree.root }] : [];
  });
  return {
    siteDir: ctx.siteDir,
    configFiles: CONFIG_FILES.map((f) => path.join(ctx.siteDir, f)),
    themeDir,
    siteThemeDir: path.join(ctx.siteDir, 'themes', config.theme),
    layoutsDir: path.join(ctx.siteDir, 'layouts'),
    versionsDir: path.join(ctx.siteDir, VERSIONS_DIR),
    contentDir: config.contentDir,
    versions,
  };
}

/**
 * What to watch: config files, the theme and the site's layouts, the
 * `versions/` folder, and the content and static folders of every version
 * read from a folder. Paths that do not exist yet are watched for creation.
 */
export function watchedPaths(ctx: DevContext): string[] {
  const shape = siteShape(ctx, ctx.site);
  const config = ctx.site?.loaded.config ?? defaults;
  const roots = shape.versions.length ? shape.versions.map((v) => v.root) : [ctx.siteDir];
  const paths = new Set<string>([...shape.configFiles, shape.themeDir, shape.siteThemeDir, shape.layoutsDir, shape.versionsDir]);
  for (const root of roots) {
    if (root.startsWith(shape.versionsDir + path.sep)) continue; // inside the versions/ folder, watched already
    paths.add(path.join(root, config.contentDir));
    paths.add(path.join(root, config.staticDir));
  }
  return [...paths];
}

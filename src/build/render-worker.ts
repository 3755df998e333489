import { Tinypool, type Transferable } from 'tinypool';
import { loadConfig } from '../config/load.js';
import { loadShortcodeModules } from '../shortcodes/load-modules.js';
import { builtinShortcodes, ShortcodeRegistry } from '../shortcodes/registry.js';
import { loadTheme } from '../theme/load-theme.js';
import { emptySnapshot } from '../util/input-snapshot.js';
import { reopenTree } from '../versions/resolve-versions.js';
import path from 'node:path';
import { layoutInfoFor } from './load-site.js';
import { deriveVersion } from './prepare-version.js';
import { createRenderTools } from './version-env.js';
import { runPageTask, type PageResult, type PageTask, type RenderContext } from './render-task.js';
import type { WorkerData } from './render-pool.js';

/**
 * A render thread. It loads what cannot cross threads (config with plugins,
 * theme layouts, shortcode modules) itself, rebuilds each version from the
 * plain data discovery produced, then renders the page tasks it is given.
 */
const context: Promise<RenderContext> = setup(Tinypool.workerData as WorkerData);

async function setup(data: WorkerData): Promise<RenderContext> {
  const { config } = await loadConfig(data.siteDir, data.configFile);
  if (data.baseUrl !== undefined) config.baseUrl = data.baseUrl;
  const { theme } = await loadTheme(data.siteDir, config.theme);
  if (!theme) throw new Error('the theme could not be loaded in a render thread');
  const modules = await loadShortcodeModules(data.siteDir, [path.join(theme.dir, 'shortcodes'), path.join(data.siteDir, 'shortcodes')]);
  // A thread lives for one build: what it learns of the folders it reads from holds that long.
  const seen = emptySnapshot();
  const versions = data.versions.map(({ version, discovered }) => deriveVersion({ ...version, tree: reopenTree(data.siteDir, version.origin, version.displayPrefix, seen) }, discovered));
  return {
    config,
    tools: createRenderTools(config, new ShortcodeRegistry(builtinShortcodes, ...modules.layers)),
    layout: { ...layoutInfoFor(config, theme, new Map(data.assets)), lastModified: new Map(data.lastModified) },
    versions,
    reread: true,
    envs: new Map(),
    made: new Set(),
  };
}

export default async function render(task: PageTask): Promise<PageResult[]> {
  const results = await runPageTask(task, await context);
  // Documents are moved to the main thread, not copied: it writes their bytes as they are, and its heap
  // never holds the pages' HTML (hundreds of megabytes of strings waiting for a major collection).
  // A version's folder and `latest/` share one document: each buffer is listed once.
  const buffers = [...new Set(results.flatMap((result) => result.documents.flatMap((document) => ('data' in document ? [document.data.buffer] : []))))];
  const movable = { [Tinypool.transferableSymbol]: buffers, [Tinypool.valueSymbol]: results } as unknown as Transferable;
  return Tinypool.move(movable) as unknown as PageResult[];
}

import { existsSync, promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { rules } from '../diagnostics/rules.js';
import { importUserModule } from '../util/load-module.js';
import type { Layout } from './contract.js';
import { errorFirstLine } from '../util/error-text.js';

export interface Theme {
  name: string;
  dir: string;
  layouts: ReadonlyMap<string, Layout>;
  /** Asset file name → its contents, to be written with hashed names. */
  assets: ReadonlyMap<string, Buffer>;
  /** Every file the theme is made of, for the dev server and the cache. */
  files: string[];
}

/** The theme shipped with Strata. */
export const BUILTIN_THEMES_DIR = fileURLToPath(new URL('../../themes/', import.meta.url));
/** Its layouts as `npm run compile` leaves them, types stripped (scripts/bundle.mjs). */
const COMPILED_THEMES_DIR = fileURLToPath(new URL('../../lib/themes/', import.meta.url));

/**
 * Loads a theme's layouts and assets, then the site's own `layouts/`, which
 * override the theme's one by one.
 */
export async function loadTheme(siteDir: string, name: string): Promise<{ theme: Theme | undefined; diagnostics: Diagnostic[] }> {
  const own = path.join(siteDir, 'themes', name);
  const dir = existsSync(own) ? own : path.join(BUILTIN_THEMES_DIR, name);
  const diagnostics: Diagnostic[] = [];
  if (!existsSync(dir)) {
    diagnostics.push({ severity: 'error', ruleId: rules.configInvalid, message: `theme \`${name}\` not found (looked in themes/${name}/ and Strata's built-in themes)` });
    return { theme: undefined, diagnostics };
  }
  const layouts = new Map<string, Layout>();
  const files: string[] = [];
  for (const layoutDir of [path.join(dir, 'layouts'), path.join(siteDir, 'layouts')]) {
    for (const file of await listFiles(layoutDir, /\.(ts|mts|js|mjs)$/)) {
      files.push(file);
      try {
        const layout = await importLayout(file);
        if (typeof layout !== 'function') throw new Error('its default export is not a function');
        layouts.set(path.basename(file).replace(/\.[^.]+$/, ''), layout);
      } catch (e) {
        diagnostics.push({
          severity: 'error',
          ruleId: rules.configInvalid,
          message: `cannot load layout: ${errorFirstLine(e)}`,
          file: path.relative(siteDir, file),
        });
      }
    }
  }
  if (!layouts.has('page')) diagnostics.push({ severity: 'error', ruleId: rules.configInvalid, message: `theme \`${name}\` has no \`layouts/page\` layout` });
  const assets = new Map<string, Buffer>();
  for (const file of await listFiles(path.join(dir, 'assets'), /\.(css|js|svg|woff2?)$/)) {
    files.push(file);
    assets.set(path.relative(path.join(dir, 'assets'), file).split(path.sep).join('/'), await fs.readFile(file));
  }
  return { theme: { name, dir, layouts, assets, files: files.sort() }, diagnostics };
}

async function importLayout(file: string): Promise<Layout> {
  const compiled = compiledLayout(file);
  return compiled ? ((await import(pathToFileURL(compiled).href)) as { default: Layout }).default : importUserModule<Layout>(file);
}

/**
 * A built-in layout's compiled form (`themes` compiled into `compiledThemes`),
 * when it is there and not older than its source: an edited layout (a theme
 * author at work) is compiled by jiti.
 */
export function compiledLayout(file: string, themes = BUILTIN_THEMES_DIR, compiledThemes = COMPILED_THEMES_DIR): string | undefined {
  if (!file.startsWith(themes) || !file.endsWith('.ts')) return undefined;
  const compiled = path.join(compiledThemes, path.relative(themes, file)).replace(/\.ts$/, '.js');
  const made = statSync(compiled, { throwIfNoEntry: false });
  return made && made.mtimeMs >= (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) ? compiled : undefined;
}

async function listFiles(dir: string, pattern: RegExp): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && pattern.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

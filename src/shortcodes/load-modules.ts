import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Jiti } from 'jiti';
import type { Diagnostic, Place } from '../diagnostics/diagnostic.js';
import { rules } from '../diagnostics/rules.js';
import type { ShortcodeDefinition } from './definition.js';
import type { InnerMode } from './parser.js';
import { errorFirstLine, errorMessage } from '../util/error-text.js';

export interface ShortcodeModules {
  /** The shortcodes of each folder, in the order the folders were given. */
  layers: ShortcodeDefinition[][];
  /** Every module file read, for the dev server and the cache. */
  files: string[];
  diagnostics: Diagnostic[];
}

const MODULE_FILE = /\.(ts|mts|js|mjs)$/;
const INNER_MODES: readonly InnerMode[] = ['none', 'required', 'optional'];

/** Site modules import types (and `ScratchKey`) from `strata-docs`: always the Strata that runs them. */
const SELF = ((): string => {
  const js = fileURLToPath(new URL('../index.js', import.meta.url));
  return existsSync(js) ? js : js.replace(/\.js$/, '.ts');
})();

/**
 * Loads shortcode modules, `shortcodes/<name>.ts` of the theme and of the
 * site. The default export is a function `(ctx) => result` (a named export
 * `inner` says whether it takes inner content: `none`, `required` or
 * `optional`, the default) or a whole `ShortcodeDefinition`. The file name is
 * the shortcode's name. A module that cannot be loaded is an error naming
 * the file; the build goes on without it.
 */
export async function loadShortcodeModules(siteDir: string, dirs: readonly string[]): Promise<ShortcodeModules> {
  // jiti (a large module) is loaded only for a site or theme that has shortcode modules.
  let jiti: Jiti | undefined;
  const result: ShortcodeModules = { layers: [], files: [], diagnostics: [] };
  for (const dir of dirs) {
    const layer: ShortcodeDefinition[] = [];
    for (const file of await listModules(dir)) {
      result.files.push(file);
      const name = path.basename(file).replace(MODULE_FILE, '');
      const shown = path.relative(siteDir, file).split(path.sep).join('/');
      const fail = (message: string, place?: Place) =>
        result.diagnostics.push({ severity: 'error', ruleId: rules.shortcodeLoad, message, file: shown, ...(place ? { place } : {}) });
      let mod: Record<string, unknown>;
      try {
        jiti ??= (await import('jiti')).createJiti(import.meta.url, { fsCache: true, moduleCache: false, alias: { 'strata-docs': SELF } });
        mod = await jiti.import<Record<string, unknown>>(file);
      } catch (e) {
        fail(`cannot load shortcode \`${name}\`: ${errorFirstLine(e)}`, placeIn(e, file));
        continue;
      }
      const definition = toDefinition(name, mod, fail);
      if (definition) layer.push(definition);
    }
    result.layers.push(layer);
  }
  return result;
}

function toDefinition(name: string, mod: Record<string, unknown>, fail: (message: string) => void): ShortcodeDefinition | undefined {
  const exported = mod.default;
  if (typeof exported === 'function') {
    const inner = mod.inner ?? 'optional';
    if (!INNER_MODES.includes(inner as InnerMode)) {
      fail(`shortcode \`${name}\`: \`export const inner\` must be \`none\`, \`required\` or \`optional\`, not ${JSON.stringify(inner)}`);
      return undefined;
    }
    return { name, inner: inner as InnerMode, render: exported as ShortcodeDefinition['render'] };
  }
  if (typeof exported === 'object' && exported !== null && typeof (exported as { render?: unknown }).render === 'function') {
    const definition = exported as Partial<ShortcodeDefinition> & Pick<ShortcodeDefinition, 'render'>;
    const inner = definition.inner ?? 'optional';
    if (!INNER_MODES.includes(inner)) {
      fail(`shortcode \`${name}\`: \`inner\` must be \`none\`, \`required\` or \`optional\`, not ${JSON.stringify(inner)}`);
      return undefined;
    }
    return { name, inner, render: (ctx) => definition.render(ctx) };
  }
  fail(`shortcode \`${name}\`: the default export must be a function \`(ctx) => result\` or an object with a \`render\` function`);
  return undefined;
}

async function listModules(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && MODULE_FILE.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(dir, e.name))
    .sort();
}

/** Where in the module a syntax error is: jiti appends ` <file>:<line>:<column>` (0-based column). */
function placeIn(e: unknown, file: string): Place | undefined {
  const message = errorMessage(e);
  const at = message.lastIndexOf(`${file}:`);
  const m = at === -1 ? null : /^:(\d+):(\d+)/.exec(message.slice(at + file.length));
  return m ? { line: Number(m[1]), column: Number(m[2]) + 1 } : undefined;
}

import path from 'node:path';
import { loadConfig } from '../config/load.js';
import { discoverPages } from '../content/discover.js';
import { formatDiagnostic } from '../diagnostics/format.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { loadShortcodeModules } from '../shortcodes/load-modules.js';
import { builtinShortcodes, ShortcodeRegistry } from '../shortcodes/registry.js';
import { shortcodeInventory, type InventoryEntry, type ShortcodeSource } from '../shortcodes/inventory.js';
import { loadTheme } from '../theme/load-theme.js';
import { FsTree } from '../versions/fs-tree.js';
import { resolveConfigFlag } from './config-flag.js';
import type { Command } from './main.js';

export const migrateCheckCommand: Command = {
  summary: `Usage: strata migrate-check [SITE_DIR] [--config FILE] [--drafts]

Lists every shortcode the content of SITE_DIR (default: .) calls, with how many
times, in how many files, and whether Strata has it: built in, a module in the
theme's or the site's shortcodes/ folder, or missing. Exits 1 when any is
missing, listing where each missing one is called.

Options:
  --config FILE     the site's config (strata.config.ts, or a Hugo config such as docs.toml)
  --drafts          include pages marked draft: true (left out, as by strata build)`,
  siteDirArgument: true,
  options: {
    config: { type: 'string' },
    drafts: { type: 'boolean' },
  },
  async run({ positionals, values }) {
    const siteDir = path.resolve(positionals[0] ?? '.');
    const configFile = resolveConfigFlag(values.config, siteDir);
    const { config, diagnostics } = await loadConfig(siteDir, configFile);
    if (hasErrors(diagnostics)) {
      for (const d of diagnostics) console.error(formatDiagnostic(d));
      return 1;
    }
    const { theme } = await loadTheme(siteDir, config.theme);
    const dirs = [...(theme ? [path.join(theme.dir, 'shortcodes')] : []), path.join(siteDir, 'shortcodes')];
    const modules = await loadShortcodeModules(siteDir, dirs);
    for (const d of modules.diagnostics) console.error(formatDiagnostic(d));
    const [themeLayer = [], siteLayer = []] = theme ? modules.layers : [[], ...modules.layers];
    const registry = new ShortcodeRegistry(builtinShortcodes, themeLayer, siteLayer);
    const site = new Set(siteLayer.map((d) => d.name));
    const themed = new Set(themeLayer.map((d) => d.name));
    const builtin = new Set(builtinShortcodes.map((d) => d.name));
    const sourceOf = (name: string): ShortcodeSource =>
      site.has(name) ? 'site module' : themed.has(name) ? 'theme module' : builtin.has(name) ? 'built-in' : 'missing';

    const discovery = await discoverPages(new FsTree(siteDir, ''), { contentDir: config.contentDir, drafts: values.drafts === true, ignoreFiles: config.ignoreFiles });
    const inventory = shortcodeInventory(discovery.pages, registry.innerMode, sourceOf);
    process.stdout.write(formatInventory(inventory, discovery.pages.length));
    return inventory.some((e) => e.source === 'missing') ? 1 : 0;
  },
};

/** The table, the places of missing shortcodes, and a summary line. */
export function formatInventory(inventory: readonly InventoryEntry[], pages: number): string {
  const rows = [['shortcode', 'uses', 'files', 'status'], ...inventory.map((e) => [e.name, String(e.uses.length), String(e.files.length), e.source])];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => (r[i] as string).length)));
  const line = (r: string[]) => `${(r[0] as string).padEnd(widths[0] as number)}  ${(r[1] as string).padStart(widths[1] as number)}  ${(r[2] as string).padStart(widths[2] as number)}  ${r[3]}`;
  const out = inventory.length ? rows.map(line) : ['no shortcodes'];
  const missing = inventory.filter((e) => e.source === 'missing');
  for (const entry of missing) {
    out.push('', `missing \`${entry.name}\`:`);
    for (const use of entry.uses) out.push(`  ${use.file}:${use.place.line}:${use.place.column}`);
  }
  const uses = inventory.reduce((n, e) => n + e.uses.length, 0);
  out.push(
    '',
    `${inventory.length} shortcode${inventory.length === 1 ? '' : 's'}, ${uses} use${uses === 1 ? '' : 's'} in ${pages} page${pages === 1 ? '' : 's'}: ` +
      (missing.length ? `${missing.length} missing (${missing.map((e) => e.name).join(', ')})` : 'none missing'),
  );
  return `${out.join('\n')}\n`;
}

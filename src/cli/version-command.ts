import path from 'node:path';
import { loadConfig } from '../config/load.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../diagnostics/format.js';
import { snapshotVersion } from '../versions/snapshot.js';
import type { Command } from './main.js';

export const versionCommand: Command = {
  summary: `Usage: strata version <name> [SITE_DIR] [--force]

Snapshots the working tree's content/ and static/ into versions/<name>/,
which then builds as its own version.

Options:
  --force   replace an existing versions/<name>/`,
  options: { force: { type: 'boolean' } },
  async run({ positionals, values }) {
    const [name, siteDir = '.'] = positionals;
    if (!name || positionals.length > 2) {
      console.error('strata version: give the name of the version to snapshot, e.g. `strata version 1.17.x`');
      return 2;
    }
    const { config, diagnostics } = await loadConfig(path.resolve(siteDir));
    if (hasErrors(diagnostics)) {
      for (const d of diagnostics) console.error(formatDiagnostic(d));
      return 1;
    }
    const result = await snapshotVersion(path.resolve(siteDir), config, name, values.force === true);
    if (!result.ok) {
      console.error(`strata version: ${result.message}`);
      return 1;
    }
    console.log(`Snapshot of ${result.files} files written to ${path.relative(process.cwd(), result.folder) || '.'}/`);
    return 0;
  },
};

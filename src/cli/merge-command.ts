import path from 'node:path';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { summarize } from '../diagnostics/format.js';
import { mergeSites } from '../publish/merge.js';
import { reportFormat } from './build-command.js';
import { printDiagnostics } from './report.js';
import { formatDuration, formatTable } from './table.js';
import type { Command } from './main.js';

export const mergeCommand: Command = {
  summary: `Usage: strata merge DIR... [options]

Combines the outputs of \`strata build --version NAME\` (one per version, built
on separate machines) into one site: every version folder, latest/, and the
root files (versions.json, index.html, 404.html, sitemap index, robots.txt),
the same as one full build would write. Every link of the result is checked.

Options:
  --out DIR         output folder (default: dist)
  --warn-only       report errors as warnings and write the output anyway
  --format FORMAT   text (default) or github (GitHub Actions annotations)`,
  options: {
    out: { type: 'string' },
    'warn-only': { type: 'boolean' },
    format: { type: 'string' },
  },
  async run({ positionals, values }) {
    if (positionals.length === 0) {
      console.error('strata merge: give the folders to merge, e.g. `strata merge out/1.17.x out/1.16.x --out dist`');
      return 2;
    }
    const format = reportFormat('merge', values.format);
    if (!format) return 2;
    const summary = await mergeSites({ inputs: positionals, outDir: typeof values.out === 'string' ? values.out : 'dist', warnOnly: values['warn-only'] === true });
    printDiagnostics(summary.diagnostics, process.stdout, { format });
    const { errors, warnings } = summarize(summary.diagnostics);
    if (summary.versions.length) {
      const rows = summary.versions.map((v) => [v.name + (v.latest ? ' (latest)' : ''), String(v.files), v.input]);
      process.stdout.write(formatTable(['version', 'files', 'from'], rows, new Set([1])));
    }
    const where = summary.written ? ` → ${path.relative(process.cwd(), summary.outDir) || '.'}/` : ' — nothing written';
    process.stdout.write(
      `${summary.versions.length} version${summary.versions.length === 1 ? '' : 's'}, ${summary.files} files, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${formatDuration(summary.ms)}${where}\n`,
    );
    return hasErrors(summary.diagnostics) ? 1 : 0;
  },
};

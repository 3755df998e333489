import path from 'node:path';
import type { BuildSummary } from '../build/build-site.js';
import { compareDiagnostics } from '../diagnostics/diagnostic.js';
import { formatDiagnostic, summarize } from '../diagnostics/format.js';

/** Every diagnostic, sorted, then one summary line. */
export function printReport(summary: BuildSummary, out: NodeJS.WritableStream): void {
  const sorted = [...summary.diagnostics].sort(compareDiagnostics);
  const errorStream = out === process.stdout ? process.stderr : out;
  for (const d of sorted) errorStream.write(`${formatDiagnostic(d)}\n`);
  const { errors, warnings } = summarize(summary.diagnostics);
  const versions = summary.versions.map((v) => `${v.name} (${v.pages})`).join(', ');
  const where = summary.written ? ` → ${path.relative(process.cwd(), summary.outDir) || '.'}/` : errors ? ' — nothing written' : '';
  out.write(
    `${summary.pages} pages in ${summary.versions.length} version${summary.versions.length === 1 ? '' : 's'}${versions ? ` [${versions}]` : ''}, ` +
      `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${Math.round(summary.ms)} ms${where}\n`,
  );
}

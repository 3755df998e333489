import path from 'node:path';
import type { BuildSummary } from '../build/build-site.js';
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic, formatGithub, summarize } from '../diagnostics/format.js';
import { formatDuration, formatTable } from './table.js';

export type ReportFormat = 'text' | 'github';

export interface ReportOptions {
  /** `github` prints GitHub Actions workflow commands, so problems show on the pull request. */
  format?: ReportFormat;
  /** The site folder, for paths in GitHub annotations (relative to the repository, where the workflow runs). */
  siteDir?: string;
}

/** Every diagnostic, sorted, then a table per version and one summary line. */
export function printReport(summary: BuildSummary, out: NodeJS.WritableStream, options: ReportOptions = {}): void {
  printDiagnostics(summary.diagnostics, out, options);
  const { errors, warnings } = summarize(summary.diagnostics);
  if (summary.versions.length) out.write(versionTable(summary));
  const versions = summary.versions.map((v) => `${v.name} (${v.pages})`).join(', ');
  const where = summary.written ? ` → ${path.relative(process.cwd(), summary.outDir) || '.'}/` : errors ? ' — nothing written' : '';
  const cached = summary.cache && summary.cache.reused > 0 ? ` (${summary.cache.reused} from the cache, ${summary.cache.files} file${summary.cache.files === 1 ? '' : 's'} changed)` : '';
  out.write(
    `${summary.pages} pages in ${summary.versions.length} version${summary.versions.length === 1 ? '' : 's'}${versions ? ` [${versions}]` : ''}, ` +
      `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${Math.round(summary.ms)} ms${cached}${where}\n`,
  );
}

/**
 * Diagnostics in the chosen format: text lines on the error stream, or GitHub
 * workflow commands on `out` (the runner reads them from standard output).
 */
export function printDiagnostics(diagnostics: readonly Diagnostic[], out: NodeJS.WritableStream, options: ReportOptions = {}): void {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  if (options.format === 'github') {
    const prefix = options.siteDir === undefined ? '' : path.relative(process.cwd(), options.siteDir).split(path.sep).join('/');
    const inRepo = prefix !== '' && !prefix.startsWith('..') && !path.isAbsolute(prefix);
    for (const d of sorted) out.write(`${formatGithub(inRepo && d.file !== undefined ? { ...d, file: `${prefix}/${d.file}` } : d)}\n`);
    return;
  }
  const errorStream = out === process.stdout ? process.stderr : out;
  for (const d of sorted) errorStream.write(`${formatDiagnostic(d)}\n`);
}

/** version · pages · warnings · errors · time, one row per version built, and the total. */
function versionTable(summary: BuildSummary): string {
  const { errors, warnings } = summarize(summary.diagnostics);
  const rows = summary.versions.map((v) => [v.name + (v.latest ? ' (latest)' : ''), String(v.pages), String(v.warnings), String(v.errors), formatDuration(v.ms)]);
  rows.push(['total', String(summary.pages), String(warnings), String(errors), formatDuration(summary.ms)]);
  return formatTable(['version', 'pages', 'warnings', 'errors', 'time'], rows, new Set([1, 2, 3, 4]));
}

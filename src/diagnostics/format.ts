import type { Diagnostic } from './diagnostic.js';

/** `content/x.md:12:7  error  message  [rule-id]`, the form every command prints. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${d.file}${d.place ? `:${d.place.line}:${d.place.column}` : ''}` : '(site)';
  const version = d.version ? ` (${d.version})` : '';
  return `${where}  ${d.severity}  ${d.message}${version}  [${d.ruleId}]`;
}

/** GitHub Actions workflow command, so problems show up on the pull request. */
export function formatGithub(d: Diagnostic): string {
  const props = [d.file && `file=${escapeProperty(d.file)}`, d.place && `line=${d.place.line}`, d.place && `col=${d.place.column}`, `title=${escapeProperty(d.ruleId)}`]
    .filter(Boolean)
    .join(',');
  return `::${d.severity} ${props}::${escapeData(d.message + (d.version ? ` (${d.version})` : ''))}`;
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function summarize(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const d of diagnostics) if (d.severity === 'error') errors++;
  return { errors, warnings: diagnostics.length - errors };
}

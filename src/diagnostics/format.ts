import type { Diagnostic } from './diagnostic.js';

/** `content/x.md:12:7  error  message  [rule-id]`, the form every command prints. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${visible(d.file)}${d.place ? `:${d.place.line}:${d.place.column}` : ''}` : '(site)';
  const version = d.version ? ` (${d.version})` : '';
  return `${where}  ${d.severity}  ${visible(d.message)}${version}  [${d.ruleId}]`;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Control characters shown as `\u001b`: messages quote what authors wrote (a
 * `readfile` path, a file name), and a terminal or CI log must not run an
 * escape sequence hidden in a page (clear the screen, hide the errors).
 */
export function visible(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** GitHub Actions workflow command, so problems show up on the pull request. */
export function formatGithub(d: Diagnostic): string {
  const props = [d.file && `file=${escapeProperty(visible(d.file))}`, d.place && `line=${d.place.line}`, d.place && `col=${d.place.column}`, `title=${escapeProperty(d.ruleId)}`]
    .filter(Boolean)
    .join(',');
  return `::${d.severity} ${props}::${escapeData(visible(d.message) + (d.version ? ` (${d.version})` : ''))}`;
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

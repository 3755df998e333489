import type { RuleId } from './rules.js';

export type Severity = 'error' | 'warning';

/** A place in a file, 1-based like editors and vfile-message. */
export interface Place {
  line: number;
  column: number;
}

/**
 * One problem in the user's input. Diagnostics are data: stages return them
 * instead of throwing, and the build prints them all at the end.
 */
export interface Diagnostic {
  severity: Severity;
  ruleId: RuleId;
  message: string;
  /** Path relative to the site root, with forward slashes (`content/ops/x.md`). */
  file?: string;
  place?: Place;
  /** The docs version the problem was found in, when the site has several. */
  version?: string;
}

export function error(ruleId: RuleId, message: string, file?: string, place?: Place): Diagnostic {
  return { severity: 'error', ruleId, message, ...(file === undefined ? {} : { file }), ...(place ? { place } : {}) };
}

export function warning(ruleId: RuleId, message: string, file?: string, place?: Place): Diagnostic {
  return { severity: 'warning', ruleId, message, ...(file === undefined ? {} : { file }), ...(place ? { place } : {}) };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order for printing: by file, then position, then rule. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file ?? '').localeCompare(b.file ?? '') ||
    (a.place?.line ?? 0) - (b.place?.line ?? 0) ||
    (a.place?.column ?? 0) - (b.place?.column ?? 0) ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.message.localeCompare(b.message)
  );
}

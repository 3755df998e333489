import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../diagnostics/format.js';

/**
 * The dev server's terminal: one line per event worth knowing, and each
 * change's diagnostics once (when the render that found them finishes), in
 * the form `strata build` prints them.
 */
export class Terminal {
  readonly #out: NodeJS.WritableStream;
  readonly #err: NodeJS.WritableStream;

  constructor(out: NodeJS.WritableStream, err: NodeJS.WritableStream) {
    this.#out = out;
    this.#err = err;
  }

  line(text: string): void {
    this.#out.write(`${text}\n`);
  }

  problem(text: string): void {
    this.#err.write(`${text}\n`);
  }

  /** Prints diagnostics sorted; `version` names the docs version when the site has several. */
  diagnostics(list: readonly Diagnostic[], version?: string): void {
    for (const d of [...list].sort(compareDiagnostics)) this.#err.write(`${formatDiagnostic(version && !d.version ? { ...d, version } : d)}\n`);
  }
}

/** `12:04:31`, to tell one change's lines from the next. */
export function clock(date = new Date()): string {
  return date.toTimeString().slice(0, 8);
}

import fc from 'fast-check';

/**
 * How hard to fuzz: `STRATA_FUZZ_RUNS` inputs per property (CI runs the
 * default; `npm run fuzz` runs 20,000). `STRATA_FUZZ_SEED` (and
 * `STRATA_FUZZ_PATH`) replay a failure: fast-check prints both when a
 * property fails, with the smallest input it could shrink the failure to.
 */
export const RUNS = Number(process.env.STRATA_FUZZ_RUNS ?? 200);

/** The longest one input may take, in ms; a slower input fails the property (a hang or quadratic blow-up). */
export const PER_INPUT_MS = Number(process.env.STRATA_FUZZ_PER_INPUT_MS ?? 5_000);

/** A vitest timeout that fits `RUNS` inputs of `msPerInput`. */
export function budget(msPerInput: number): number {
  return Math.max(60_000, RUNS * msPerInput * 3);
}

export function fuzzOptions<T>(): fc.Parameters<T> {
  const seed = process.env.STRATA_FUZZ_SEED;
  const path = process.env.STRATA_FUZZ_PATH;
  return {
    numRuns: RUNS,
    ...(seed === undefined ? {} : { seed: Number(seed) }),
    ...(path === undefined ? {} : { path }),
    // Asynchronous work that never settles fails the input instead of hanging the run.
    plugins: [fc.timeout(PER_INPUT_MS)],
  };
}

/** Runs `work` and throws when it took longer than `PER_INPUT_MS` (synchronous code cannot be interrupted, only measured). */
export async function timed<T>(what: string, work: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  if (ms > PER_INPUT_MS) throw new Error(`${what} took ${Math.round(ms)} ms (limit ${PER_INPUT_MS} ms)`);
  return result;
}

/** Pieces of shortcode syntax, whole and broken, to build inputs that reach every state of the lexer. */
export const SHORTCODE_PIECES = [
  '{{<', '{{%', '>}}', '%}}', '{{< /', '{{% /', '/>}}', '/%}}', '{{</*', '*/>}}', '{{%/*', '*/%}}', '{{', '}}',
  'notice', 'tip', 'readfile', 'tabs', 'tab', 'highlight', 'x', 'file=', 'title=', '=', '"', '`', '\\"', '\\', "'",
  ' ', '  ', '\t', '\n', '\r\n', '<', '>', '%', '/', '*', 'a b', '"quoted value"', '`raw`', 'é', '😀', '\u0000', '\u00a0',
];

/** Pieces of markdown that open and close blocks and spans. */
export const MARKDOWN_PIECES = [
  '# ', '## ', '- ', '* ', '1. ', '> ', '```', '~~~', '```yaml\n', '    ', '\n\n', '\n', '*', '**', '_', '__', '`', '[', ']', '(', ')',
  '![', '](', '<div>', '</div>', '<span>', '<!--', '-->', '<pre>', '</pre>', '|', '| --- |', '---', '===', '[^1]', '[^1]: ', ': ', '{#id}',
  '&amp;', '&#0;', '\\', 'http://x.y/', 'www.a.bc', '<https://a.b>', 'a@b.cd', '"', "'", '--', '...', '<<', '>>', '~~', '- [ ] ', '<script>',
  '[x](#nowhere)', '[y](/nowhere/)', '[z](../)', '<a id="i">', '</a>',
];

/** Text mixing random characters with the pieces above. */
export function textOf(pieces: readonly string[], maxPieces = 60): fc.Arbitrary<string> {
  return fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pieces) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) }), { maxLength: maxPieces, size: 'max' }).map((parts) => parts.join(''));
}

/** Every diagnostic's place lies inside `text`: a line that exists, a column at most one past its end. */
export function placeProblems(text: string, diagnostics: ReadonlyArray<{ file?: string; place?: { line: number; column: number }; message: string }>): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  for (const d of diagnostics) {
    if (!d.place) continue;
    const { line, column } = d.place;
    const length = lines[line - 1]?.length;
    if (!Number.isInteger(line) || !Number.isInteger(column) || length === undefined || column < 1 || column > length + 1) out.push(`${line}:${column} is outside the file (${lines.length} lines): ${d.message}`);
  }
  return out;
}

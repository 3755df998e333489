import type { Place } from './diagnostic.js';

/**
 * Turns string offsets into line/column places. Built once per file and only
 * consulted when something is reported, as Hugo's lexer does.
 */
export class LineIndex {
  readonly #starts: number[];

  constructor(text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.#starts = starts;
  }

  place(offset: number): Place {
    const line = this.line(offset);
    return { line, column: this.column(offset, line) };
  }

  /** The 1-based column of an offset on its line (as `line` gives it). */
  column(offset: number, line: number): number {
    return offset - this.lineStart(line) + 1;
  }

  /** The 1-based line an offset is on (`place` without making an object, for trees' thousands of points, with `column`). */
  line(offset: number): number {
    return lastAtOrBelow(this.#starts, offset) + 1;
  }

  /** Offset of the start of a 1-based line (clamped to the text). */
  lineStart(line: number): number {
    const starts = this.#starts;
    return starts[Math.min(Math.max(line - 1, 0), starts.length - 1)] as number;
  }
}

/** The index of the last entry of an ascending, non-empty list that is ≤ `value` (0 when none is). */
export function lastAtOrBelow(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((sorted[mid] as number) <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

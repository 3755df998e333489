/**
 * One copy of each distinct string. Data that arrives from other threads
 * (structured clone) brings its own copy of every string, and thousands of
 * pages repeat the same ids, URLs and file names: what is kept for the whole
 * build goes through a pool.
 */
export class StringPool {
  readonly #strings = new Map<string, string>();

  get(text: string): string {
    const kept = this.#strings.get(text);
    if (kept !== undefined) return kept;
    this.#strings.set(text, text);
    return text;
  }
}

import type { Root } from 'hast';

/**
 * Parsed blocks by their text, least recently used out first. Pages are
 * rendered version after version, so a small cache catches the same
 * paragraph in every version of a page; the bound keeps memory flat.
 * A quarter of a million characters of markdown holds some eight large pages
 * and the blocks many pages share (code, notices). On corpus A it finds 96 %
 * of the blocks four times as many would (64,419 hits against 67,241), and
 * costs 30 MiB less at the peak over two threads: a parsed tree takes some
 * 45 bytes per character of its markdown.
 */
export class BlockCache {
  readonly #entries = new Map<string, Root>();
  readonly #maxChars: number;
  #chars = 0;
  hits = 0;
  misses = 0;

  constructor(maxChars = 250_000) {
    this.#maxChars = maxChars;
  }

  get(text: string): Root | undefined {
    const tree = this.#entries.get(text);
    if (tree) {
      this.hits++;
      this.#entries.delete(text);
      this.#entries.set(text, tree);
    } else this.misses++;
    return tree;
  }

  set(text: string, tree: Root): void {
    this.#entries.set(text, tree);
    this.#chars += text.length;
    for (const [key] of this.#entries) {
      if (this.#chars <= this.#maxChars) break;
      this.#entries.delete(key);
      this.#chars -= key.length;
    }
  }
}

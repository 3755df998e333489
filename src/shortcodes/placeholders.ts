import type { ElementContent } from 'hast';

/** What a `{{< >}}` call produced; restored into the tree after markdown. */
export type PlaceholderContent =
  /** HTML to insert; `text` is used where markup cannot go (code, attributes). */
  | { kind: 'html'; html: string; text?: string }
  /** Plain text, escaped wherever it lands (a URL, a version number). */
  | { kind: 'text'; text: string }
  /** A tree built by the shortcode (callouts, rendered markdown). */
  | { kind: 'hast'; nodes: ElementContent[] };

export interface Placeholder {
  token: string;
  content: PlaceholderContent;
  /** Offset of the call in the page file, for diagnostics about what it produced. */
  origin: number;
}

/**
 * Placeholders are letters and digits only, so they survive every markdown
 * construct unchanged: link destinations, headings, table cells, code.
 * Tokens are numbered in page order, never derived from content, so the same
 * markdown with different version values parses to the same tree.
 */
export const PLACEHOLDER_PATTERN = /ZSTRATA(\d+)PHZ/g;

export class Placeholders {
  readonly entries: Placeholder[] = [];

  add(content: PlaceholderContent, origin: number): string {
    const token = `ZSTRATA${this.entries.length}PHZ`;
    this.entries.push({ token, content, origin });
    return token;
  }

  get(index: number): Placeholder | undefined {
    return this.entries[index];
  }
}

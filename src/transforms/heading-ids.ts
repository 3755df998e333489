import type { Element, ElementData, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { eachElement } from '../util/each-element.js';
import { HEADING_TEXT_PROPERTY } from '../markdown/plugins/heading-text.js';

export interface HeadingInfo {
  depth: number;
  id: string;
  /** The heading's text as readers see it (shortcodes resolved). */
  text: string;
  /** Whether the author wrote the id (`{#id}`). */
  explicit: boolean;
  element: Element;
}

const HEADING = /^h([1-6])$/;

declare module 'hast' {
  interface ElementData {
    /** Set on headings a shortcode builds (a figure's title): no automatic id, as Hugo gives none to HTML. */
    strataNoAutoId?: boolean;
  }
}

/** Marks a heading built by a shortcode so it gets no automatic id (an explicit `id` stays). */
export function withoutAutoId<T extends Element>(heading: T): T {
  heading.data = { ...heading.data, strataNoAutoId: true } as ElementData;
  return heading;
}

/**
 * Gives every heading an id as Hugo's goldmark does: `{#id}` wins and reserves
 * its id; otherwise the id is made from the heading's source text (with
 * shortcodes resolved) and made unique with `-1`, `-2`, in document order.
 */
export function assignHeadingIds(tree: Root, options: { auto?: boolean } = {}): HeadingInfo[] {
  const auto = options.auto !== false;
  const taken = new Set<string>();
  const headings: HeadingInfo[] = [];
  eachElement(tree, (node) => {
    const m = HEADING.exec(node.tagName);
    if (!m) return;
    const source = node.properties[HEADING_TEXT_PROPERTY];
    delete node.properties[HEADING_TEXT_PROPERTY];
    const text = toString(node).trim();
    const explicit = typeof node.properties.id === 'string' && node.properties.id !== '';
    // Headings a shortcode builds (a figure's title) get no automatic id: Hugo gives none to HTML.
    if (!explicit && (!auto || node.data?.strataNoAutoId)) return;
    let id: string;
    if (explicit) {
      id = node.properties.id as string;
      taken.add(id);
    } else {
      id = unique(anchorName(typeof source === 'string' ? source : text) || 'heading', taken);
      node.properties.id = id;
    }
    headings.push({ depth: Number(m[1]), id, text, explicit, element: node });
  });
  return headings;
}

/**
 * Hugo's github-style anchor (markup/goldmark/autoid.go): trimmed, then each
 * space or `-` becomes `-`, letters, digits and `_` are lower-cased, the rest dropped.
 */
export function anchorName(text: string): string {
  // Printable ASCII (most headings): the same rules, on the whole string at once.
  if (PRINTABLE_ASCII.test(text)) return text.trim().replace(NOT_KEPT, '').replace(/ /g, '-').toLowerCase();
  let out = '';
  for (const ch of text.trim()) {
    if (ch === ' ' || ch === '-') out += '-';
    else if (ch === '_' || /[\p{L}\p{Nd}]/u.test(ch)) out += ch.toLowerCase();
  }
  return out;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** What `anchorName` drops, in ASCII: all but letters, digits, `_`, space and `-`. */
const NOT_KEPT = /[^\w -]/g;

function unique(base: string, taken: Set<string>): string {
  let id = base;
  for (let i = 1; taken.has(id); i++) id = `${base}-${i}`;
  taken.add(id);
  return id;
}

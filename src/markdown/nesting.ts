import type { Nodes } from 'hast';

/**
 * Limits on how deeply a page may nest, so no input can overflow the
 * renderer's stack (micromark, mdast-util-to-hast and the hast utilities all
 * recurse once per level) or make micromark's container matching crawl (a
 * 1,000-deep indented list takes it half a minute). Real docs nest a handful
 * of levels; these limits are far above that.
 */

/** Lists and block quotes inside one another. */
export const MAX_CONTAINER_NESTING = 100;
/** Elements inside one another in a page's body, raw HTML included (browsers stop nesting at 512 too). */
export const MAX_ELEMENT_NESTING = 512;

export interface DeepNesting {
  /** Offset of the marker that went one level too deep. */
  offset: number;
  depth: number;
}

const MARKER = /^(?:>[ \t]?|(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$))/;

/**
 * Where lists and block quotes first nest deeper than `limit`, found line by
 * line before parsing: an estimate of CommonMark's container stack (list
 * items stay open while lines are indented to their content; block quotes
 * count on the lines that carry their `>`), cheap enough to run on every page.
 */
export function findDeepNesting(markdown: string, limit = MAX_CONTAINER_NESTING): DeepNesting | undefined {
  const items: number[] = [];
  let offset = 0;
  while (offset < markdown.length) {
    const eol = markdown.indexOf('\n', offset);
    const end = eol === -1 ? markdown.length : eol;
    let pos = offset;
    let column = 0;
    for (; pos < end; pos++) {
      const c = markdown.charCodeAt(pos);
      if (c === 0x20) column++;
      else if (c === 0x09) column += 4 - (column % 4);
      else break;
    }
    if (pos < end && markdown.charCodeAt(pos) !== 0x0d) {
      while (items.length && (items[items.length - 1] as number) > column) items.pop();
      let quotes = 0;
      for (;;) {
        const m = MARKER.exec(markdown.slice(pos, Math.min(end, pos + 16)));
        if (!m) break;
        if (m[0][0] === '>') quotes++;
        column += m[0].length;
        pos += m[0].length;
        if (m[0][0] !== '>') items.push(column);
        if (items.length + quotes > limit) return { offset: pos - m[0].length, depth: items.length + quotes };
        while (pos < end && (markdown.charCodeAt(pos) === 0x20 || markdown.charCodeAt(pos) === 0x09)) {
          column++;
          pos++;
        }
      }
    }
    offset = end + 1;
  }
  return undefined;
}

/** The first node, in document order, nested deeper than `limit`; found without recursion (the tree may be deeper than the stack). */
export function findDeepNode(root: Nodes, limit = MAX_ELEMENT_NESTING): { node: Nodes; depth: number } | undefined {
  const stack: Array<{ node: Nodes; depth: number }> = [{ node: root, depth: 0 }];
  while (stack.length) {
    const entry = stack.pop() as { node: Nodes; depth: number };
    if (entry.depth > limit) return entry;
    if ('children' in entry.node) for (let i = entry.node.children.length - 1; i >= 0; i--) stack.push({ node: entry.node.children[i] as Nodes, depth: entry.depth + 1 });
  }
  return undefined;
}

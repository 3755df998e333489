import type { Nodes, Root } from 'hast';
import type { LineIndex } from '../diagnostics/line-index.js';
import type { SourceMap } from '../shortcodes/source-map.js';

/**
 * Rewrites the positions of a freshly parsed tree from expanded-markdown
 * offsets to places in the page file (front matter and shortcodes accounted
 * for), so every later diagnostic points at what the author wrote.
 */
export function mapPositions(tree: Root, map: SourceMap, lines: LineIndex): void {
  const visit = (node: Nodes): void => {
    const position = node.position;
    if (position?.start?.offset !== undefined && position.end?.offset !== undefined) {
      const start = map.toOriginal(position.start.offset);
      const end = Math.max(start, map.toOriginal(position.end.offset));
      node.position = { start: { ...lines.place(start), offset: start }, end: { ...lines.place(end), offset: end } };
    } else if (position) {
      // Partial positions (some plugins make them) would point into the expanded text: drop them.
      delete node.position;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
}

/** Drops positions of a tree that came from elsewhere (a file read by `readfile`). */
export function stripPositions(node: Nodes): void {
  delete node.position;
  if ('children' in node) for (const child of node.children) stripPositions(child);
}

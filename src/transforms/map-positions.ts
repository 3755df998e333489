import type { Nodes, Root } from 'hast';
import type { Point } from 'unist';
import type { LineIndex } from '../diagnostics/line-index.js';
import type { SourceMap } from '../shortcodes/source-map.js';

/**
 * Rewrites the positions of a freshly parsed tree from expanded-markdown
 * offsets to places in the page file (front matter and shortcodes accounted
 * for), so every later diagnostic points at what the author wrote. Points are
 * changed in place (a page has tens of thousands); one that several nodes
 * share (plugins may share them) is changed once.
 */
export function mapPositions(tree: Root, map: SourceMap, lines: LineIndex): void {
  const mapped = new Set<Point>();
  const place = (point: Point, offset: number): void => {
    point.line = lines.line(offset);
    point.column = lines.column(offset, point.line);
    point.offset = offset;
    mapped.add(point);
  };
  const visit = (node: Nodes): void => {
    const position = node.position;
    if (position?.start?.offset !== undefined && position.end?.offset !== undefined) {
      const { start, end } = position;
      if (!mapped.has(start)) place(start, map.toOriginal(start.offset as number));
      if (!mapped.has(end)) place(end, Math.max(start.offset as number, map.toOriginal(end.offset as number)));
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

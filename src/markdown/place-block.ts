import type { Nodes } from 'hast';
import type { Point, Position } from 'unist';
import type { Block } from './split-blocks.js';
import { copyPlain } from '../util/copy-plain.js';

/**
 * Takes a node parsed in a batch of blocks out to its own block: positions
 * become relative to the block's text, as parsing the block alone gives them.
 * In place (the batch's tree is not used again); a point several nodes share
 * is in `moved` once moved, and moves once.
 */
export function takeOut(node: Nodes, block: Block, moved: Set<Point>): void {
  if (node.position) {
    // hast-util-from-parse5 can give a node parse5 saw no end of a position without `end`.
    const { start, end } = node.position as Partial<Position>;
    if (start) moveBack(start, block, moved);
    if (end) moveBack(end, block, moved);
  }
  if ('children' in node) for (const child of node.children) takeOut(child, block, moved);
}

function moveBack(point: Point, block: Block, moved: Set<Point>): void {
  if (moved.has(point)) return;
  point.line -= block.line - 1;
  if (point.offset !== undefined) point.offset -= block.start;
  moved.add(point);
}

/**
 * Drops the positions of text nodes. After parsing only elements are pointed
 * at (links, headings, the output check), and a cached tree is copied for
 * every page that uses it: each position kept is one more to copy. Only the
 * page-wide raw HTML pass places text by them, so blocks it will see keep them.
 */
export function dropTextPositions(node: Nodes): void {
  if (node.type === 'text') delete node.position;
  else if ('children' in node) for (const child of node.children) dropTextPositions(child);
}

/**
 * A copy of a cached block's node, placed where the block sits in the page.
 * One pass copies and moves: cached trees are shared by every page that has
 * the block, and the page's own plugins change the copy, never the cache.
 */
export function placedCopy<T extends Nodes>(node: T, block: Block): T {
  return copy(node, block.line - 1, block.start) as T;
}

function copy(node: Nodes, lines: number, offset: number): Nodes {
  const out: Record<string, unknown> = {};
  for (const key in node) {
    const value = (node as unknown as Record<string, unknown>)[key];
    if (key === 'children') out.children = (value as Nodes[]).map((child) => copy(child, lines, offset));
    else if (key === 'position') out.position = moved(value as Position, lines, offset);
    // Properties and data: copied so a page may change them.
    else out[key] = copyPlain(value);
  }
  return out as unknown as Nodes;
}

function moved(position: Position, lines: number, offset: number): Position {
  // hast-util-from-parse5 can give a node parse5 saw no end of a position without `end`.
  return { start: movedPoint(position.start, lines, offset), end: movedPoint(position.end, lines, offset) } as Position;
}

function movedPoint(point: Point | undefined, lines: number, offset: number): Point | undefined {
  if (!point) return undefined;
  return point.offset === undefined ? { line: point.line + lines, column: point.column } : { line: point.line + lines, column: point.column, offset: point.offset + offset };
}

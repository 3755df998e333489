import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/diagnostics/line-index.js';
import { SourceMap } from '../../src/shortcodes/source-map.js';
import { mapPositions } from '../../src/transforms/map-positions.js';

// The page file: front matter, then `A {{< v >}} B` on line 4; the expansion drops the front matter and puts `1.2` for the call.
const file = '---\ntitle: T\n---\nA {{< v >}} B\n';
const map = new SourceMap();
map.copy(file, 17, 19);
map.generate('1.2', 19);
map.copy(file, 28, file.length);
const expanded = map.text;

const point = (offset: number) => ({ line: 1, column: offset + 1, offset });
const element = (start: number, end: number): Element => ({ type: 'element', tagName: 'span', properties: {}, children: [], position: { start: point(start), end: point(end) } });

describe('mapPositions', () => {
  it('places every node in the page file, copied text where it is, generated text at its call', () => {
    expect(expanded).toBe('A 1.2 B\n');
    const before = element(0, 1);
    const generated = element(2, 5);
    const after = element(6, 7);
    const tree: Root = { type: 'root', children: [before, generated, after], position: { start: point(0), end: point(8) } };
    mapPositions(tree, map, new LineIndex(file));
    expect(before.position).toEqual({ start: { line: 4, column: 1, offset: 17 }, end: { line: 4, column: 2, offset: 18 } });
    // The call's output starts at the call; its end is where the copied text after it starts.
    expect(generated.position).toEqual({ start: { line: 4, column: 3, offset: 19 }, end: { line: 4, column: 12, offset: 28 } });
    expect(after.position).toEqual({ start: { line: 4, column: 13, offset: 29 }, end: { line: 4, column: 14, offset: 30 } });
    expect(tree.position?.end).toEqual({ line: 5, column: 1, offset: 31 });
  });

  it('maps a point several nodes share once, and drops partial positions', () => {
    const shared = point(6);
    const a: Element = { ...element(0, 1), position: { start: point(0), end: shared } };
    const b: Element = { ...element(0, 1), position: { start: shared, end: point(7) } };
    const partial: Element = { ...element(0, 1), position: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } } };
    mapPositions({ type: 'root', children: [a, b, partial] }, map, new LineIndex(file));
    expect(shared).toEqual({ line: 4, column: 13, offset: 29 });
    expect(b.position?.end.offset).toBe(30);
    expect(partial.position).toBeUndefined();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lex } from '../../src/shortcodes/lexer.js';
import { parseShortcodes, type InnerMode, type ShortcodeNode } from '../../src/shortcodes/parser.js';
import { budget, fuzzOptions, SHORTCODE_PIECES, textOf, timed } from './fuzz.js';

const input = fc.oneof(textOf(SHORTCODE_PIECES), fc.string({ maxLength: 200, size: 'max' }), fc.string({ unit: 'binary', maxLength: 200, size: 'max' }));
/** The input and a range inside it: pages are lexed from the end of their front matter. */
const ranged = input.chain((src) => fc.tuple(fc.constant(src), fc.nat(src.length), fc.nat(src.length)).map(([s, a, b]) => ({ src: s, start: Math.min(a, b), end: Math.max(a, b) })));

const MODES: Record<string, InnerMode> = { notice: 'required', tabs: 'required', tab: 'optional', readfile: 'none', highlight: 'required' };
const innerMode = (name: string): InnerMode => MODES[name] ?? 'optional';

/** Where a top-level node starts and ends in the source. */
function span(node: ShortcodeNode): [number, number] {
  if (node.kind !== 'call') return [node.start, node.end];
  return [node.call.start, node.call.inner ? node.call.inner.closeEnd : node.call.end];
}

function* walk(nodes: readonly ShortcodeNode[]): Generator<ShortcodeNode> {
  for (const node of nodes) {
    yield node;
    if (node.kind === 'call' && node.call.inner) yield* walk(node.call.inner.nodes);
  }
}

describe('fuzz: the shortcode lexer', () => {
  it('never throws, ends, and keeps every token inside the range (a token reaching past the range end was the first find), in order', async () => {
    await fc.assert(
      fc.asyncProperty(ranged, async ({ src, start, end }) => {
        const tokens = await timed('lex', () => lex(src, start, end));
        let last = start;
        for (const token of tokens) {
          expect(token.start, JSON.stringify(token)).toBeGreaterThanOrEqual(start);
          expect(token.end, JSON.stringify(token)).toBeLessThanOrEqual(end);
          expect(token.start, JSON.stringify(token)).toBeLessThanOrEqual(token.end);
          // An error token spans its whole broken action, so it may reach back to the action's `{{<`.
          if (token.type !== 'error') {
            expect(token.start, 'tokens come in order').toBeGreaterThanOrEqual(last);
            last = token.start;
          }
          if (token.type === 'param') {
            expect(token.valueStart).toBeGreaterThanOrEqual(token.start);
            expect(token.valueEnd).toBeLessThanOrEqual(token.end);
          }
        }
      }),
      fuzzOptions(),
    );
  }, budget(5));
});

describe('fuzz: the shortcode parser', () => {
  it('never throws; problems and nodes lie inside the range; the top-level nodes cover it exactly (nothing of the page is lost)', async () => {
    await fc.assert(
      fc.asyncProperty(ranged, async ({ src, start, end }) => {
        const { nodes, problems } = await timed('parse', () => parseShortcodes(src, innerMode, start, end));
        for (const problem of problems) {
          expect(problem.start, problem.message).toBeGreaterThanOrEqual(start);
          expect(problem.end, problem.message).toBeLessThanOrEqual(end);
          expect(problem.start).toBeLessThanOrEqual(problem.end);
        }
        for (const node of walk(nodes)) {
          const [a, b] = span(node);
          expect(a).toBeGreaterThanOrEqual(start);
          expect(b).toBeLessThanOrEqual(end);
          expect(a).toBeLessThanOrEqual(b);
        }
        let at = start;
        for (const node of nodes) {
          const [a, b] = span(node);
          expect(a, 'no gap or overlap between top-level nodes').toBe(at);
          at = b;
        }
        expect(at, 'the nodes reach the end of the range').toBe(end);
      }),
      fuzzOptions(),
    );
  }, budget(5));

  it('text without `{{` is one text node, unchanged', async () => {
    const plain = fc.string({ maxLength: 300 }).filter((s) => !s.includes('{{'));
    await fc.assert(
      fc.asyncProperty(plain, async (src) => {
        const { nodes, problems } = parseShortcodes(src, innerMode);
        expect(problems).toEqual([]);
        expect(nodes).toEqual(src === '' ? [] : [{ kind: 'text', start: 0, end: src.length }]);
      }),
      fuzzOptions(),
    );
  }, budget(2));
});

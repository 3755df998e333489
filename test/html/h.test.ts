import { h as hastscript } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { h } from '../../src/html/h.js';

/** A fixed-seed generator: the same calls on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

// Property names of every kind property-information knows: space- and comma-separated, boolean,
// overloaded boolean, numeric, ARIA, data, SVG-ish names under the HTML schema, unknown ones.
const NAMES = ['className', 'class', 'id', 'href', 'hidden', 'checked', 'download', 'open', 'width', 'height', 'tabIndex', 'rel', 'accept', 'coords', 'ariaHidden', 'ariaLabel', 'aria-current', 'dataFoo', 'data-bar', 'strokeWidth', 'viewBox', 'fill', 'style', 'for', 'htmlFor', 'allowFullScreen', 'spellCheck', 'autoplay', 'unknownThing', 'type'];
const VALUES: unknown[] = ['', 'x', 'a b', ' a  b ', 'a,b', '3', '2.5', 'true', 'hidden', 'download', 'checked', 'allowfullscreen', 0, 1, 18, Number.NaN, true, false, null, undefined, ['a', 'b'], ['1', 2], [], ['hidden']];
const CHILDREN: unknown[] = ['text', 7, null, undefined, { type: 'text', value: 't' }, { type: 'element', tagName: 'b', properties: {}, children: [] }, { type: 'root', children: [{ type: 'text', value: 'r' }] }, ['x', ['y', 3]]];

describe('h', () => {
  it('makes what hastscript makes, for 20,000 calls of every shape', () => {
    const next = random(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    for (let i = 0; i < 20_000; i++) {
      const tag = pick(['div', 'A', 'svg', 'path', 'input', 'template', 'div.note', 'span#x.y', '', 'li']);
      const properties: Record<string, unknown> = {};
      const count = Math.floor(next() * 4);
      for (let k = 0; k < count; k++) properties[pick(NAMES)] = pick(VALUES);
      const children = Array.from({ length: Math.floor(next() * 3) }, () => pick(CHILDREN));
      const shape = next();
      // A second argument with a string `type` is properties (`{ type: 'button' }`) or a node, by hastscript's rules.
      const typed = { ...properties, type: pick(['button', 'text', 'element']), ...pick([{}, { children: [] }, { value: 'v' }, { tagName: 'b', properties: {} }, { data: { x: 1 } }]) };
      const args: unknown[] =
        shape < 0.7 ? [tag, properties, ...children]
        : shape < 0.8 ? [tag, typed, ...children]
        : shape < 0.9 ? [tag, ...children]
        : [tag, pick(['text', 7, ['a'], { type: 'text', value: 'v' }, undefined, null])];
      const call = (f: (...a: unknown[]) => unknown) => {
        try {
          return f(...structuredClone(args));
        } catch (e) {
          return (e as Error).message;
        }
      };
      expect(call(h as (...a: unknown[]) => unknown), JSON.stringify(args)).toEqual(call(hastscript as (...a: unknown[]) => unknown));
    }
  });

  it('leaves style objects, selectors and roots to hastscript', () => {
    expect(h('div', { style: { color: 'red' } })).toEqual(hastscript('div', { style: { color: 'red' } }));
    expect(h('p.a.b#c', { className: 'd' }, 'x')).toEqual(hastscript('p.a.b#c', { className: 'd' }, 'x'));
    expect(h(null, 'x')).toEqual(hastscript(null, 'x'));
  });
});

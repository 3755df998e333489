import type * as hastscript from 'hastscript';
import { describe, expect, it, vi } from 'vitest';

// Counts what goes to hastscript; it still makes the trees it is asked for.
const calls = vi.hoisted(() => ({ count: 0 }));
vi.mock('hastscript', async (original) => {
  const actual = await original<typeof hastscript>();
  return {
    ...actual,
    h: (...args: Parameters<typeof actual.h>) => {
      calls.count++;
      return actual.h(...args);
    },
  };
});

const { h } = await import('../../src/html/h.js');

/**
 * The calls layouts make on every page take the direct path, hastscript
 * only the rare ones: a page of the default theme makes hundreds of
 * elements, and hastscript's path costs several times more per element.
 */
describe('h, as layouts call it', () => {
  it('makes text, list and node children given in place of properties itself', () => {
    calls.count = 0;
    expect(h('h1', 'Install')).toEqual({ type: 'element', tagName: 'h1', properties: {}, children: [{ type: 'text', value: 'Install' }] });
    expect(h('span', 7).children).toEqual([{ type: 'text', value: '7' }]);
    expect(h('li', [h('a', { href: '/x/' }, 'x'), ' y']).children).toHaveLength(2);
    expect(h('li', h('b', 'bold')).children).toEqual([{ type: 'element', tagName: 'b', properties: {}, children: [{ type: 'text', value: 'bold' }] }]);
    expect(h('p')).toEqual({ type: 'element', tagName: 'p', properties: {}, children: [] });
    expect(calls.count).toBe(0);
  });

  it('reads `type` among plain properties as a property', () => {
    calls.count = 0;
    expect(h('button', { type: 'button', className: ['icon-button', 'menu-button'], ariaExpanded: 'false' }, 'Menu')).toEqual({
      type: 'element',
      tagName: 'button',
      properties: { type: 'button', className: ['icon-button', 'menu-button'], ariaExpanded: 'false' },
      children: [{ type: 'text', value: 'Menu' }],
    });
    expect(h('link', { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }).properties).toEqual({ rel: ['icon'], type: 'image/svg+xml', href: '/favicon.svg' });
    expect(calls.count).toBe(0);
  });

  it('leaves selectors, style objects and templates to hastscript', () => {
    calls.count = 0;
    h('div.note', 'x');
    h('div', { style: { color: 'red' } });
    h('template', 'x');
    expect(calls.count).toBe(3);
  });
});

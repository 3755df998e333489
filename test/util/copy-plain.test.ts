import { describe, expect, it } from 'vitest';
import { copyPlain } from '../../src/util/copy-plain.js';

describe('copyPlain', () => {
  it('copies plain data as structuredClone does, sharing nothing', () => {
    const tree = {
      type: 'element',
      tagName: 'a',
      properties: { href: '/x/', className: ['a', 'b'], hidden: false, tabIndex: 0, title: undefined, data: null },
      children: [{ type: 'text', value: 'x', position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2 } } }],
      data: { nested: { deep: [1, [2, { three: 3 }]] } },
    };
    const copy = copyPlain(tree);
    expect(copy).toStrictEqual(structuredClone(tree));
    expect('title' in copy.properties).toBe(true);
    copy.properties.className.push('c');
    (copy.children[0] as { value: string }).value = 'changed';
    copy.data.nested.deep[0] = 9;
    expect(tree.properties.className).toEqual(['a', 'b']);
    expect(tree.children[0]?.value).toBe('x');
    expect(tree.data.nested.deep[0]).toBe(1);
  });

  it('leaves what is not plain data to structuredClone', () => {
    const value = { when: new Date('2024-05-01T00:00:00Z'), seen: new Map([['a', 1]]), list: [new Set([1])] };
    const copy = copyPlain(value);
    expect(copy.when).toBeInstanceOf(Date);
    expect(copy.when).not.toBe(value.when);
    expect(copy.seen).toEqual(new Map([['a', 1]]));
    expect(copy.list[0]).toEqual(new Set([1]));
  });
});

import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { eachElement, hasNodeOfType } from '../../src/util/each-element.js';

const tree = (): Root => ({ type: 'root', children: [h('p', [h('a', 'x'), 'text']), h('pre', [h('code', [h('span', 'y')])]), h('div', [{ type: 'raw', value: '<b>' } as unknown as Element])] });

describe('eachElement', () => {
  it('visits every element in document order, with its parent and index', () => {
    const seen: string[] = [];
    eachElement(tree(), (node, index, parent) => {
      seen.push(`${node.tagName}@${parent.type === 'root' ? 'root' : parent.tagName}[${index}]`);
    });
    expect(seen).toEqual(['p@root[0]', 'a@p[0]', 'pre@root[1]', 'code@pre[0]', 'span@code[0]', 'div@root[2]']);
  });

  it('leaves out the children of an element the visitor skips, and walks children a visitor replaced', () => {
    const seen: string[] = [];
    eachElement(tree(), (node) => {
      seen.push(node.tagName);
      if (node.tagName === 'pre') return 'skip';
      if (node.tagName === 'p') node.children = [h('em', 'new')];
    });
    expect(seen).toEqual(['p', 'em', 'pre', 'div']);
  });

  it('finds a node type at any depth', () => {
    expect(hasNodeOfType(tree(), 'raw')).toBe(true);
    expect(hasNodeOfType(tree(), 'comment')).toBe(false);
  });
});

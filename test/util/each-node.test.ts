import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { eachNode } from '../../src/util/each-node.js';

const tree = (): Root => ({
  type: 'root',
  children: [
    { type: 'heading', depth: 2, children: [{ type: 'text', value: 'a' }] },
    { type: 'list', children: [{ type: 'listItem', children: [{ type: 'paragraph', children: [{ type: 'link', url: '/x/', children: [{ type: 'text', value: 'b' }] }] }] }] },
  ],
});

describe('eachNode', () => {
  it('visits the tree and every node under it, in document order', () => {
    const seen: string[] = [];
    eachNode(tree(), (node) => seen.push(node.type));
    expect(seen).toEqual(['root', 'heading', 'text', 'list', 'listItem', 'paragraph', 'link', 'text']);
  });

  it('walks the children a visitor put in place', () => {
    const seen: string[] = [];
    eachNode(tree(), (node) => {
      seen.push(node.type);
      if (node.type === 'heading') (node as unknown as { children: unknown[] }).children = [{ type: 'emphasis', children: [{ type: 'inlineCode', value: 'c' }] }];
    });
    expect(seen.slice(0, 4)).toEqual(['root', 'heading', 'emphasis', 'inlineCode']);
  });
});

import type { Node, Parent } from 'unist';

/**
 * Calls `visit` for `tree` and every node under it, in document order.
 * Children are read after `visit` returns, so a visitor that changes them
 * sees the new ones. The parse-time plugins walk every new block with this
 * rather than unist-util-visit, whose closure per node and parent-stack
 * copies cost more than the plugins' own work.
 */
export function eachNode(tree: Node, visit: (node: Node) => void): void {
  visit(tree);
  const children = (tree as Partial<Parent>).children;
  if (children) for (let i = 0; i < children.length; i++) eachNode(children[i] as Node, visit);
}

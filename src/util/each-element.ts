import type { Element, Root } from 'hast';

/**
 * Calls `visit` for every element under `tree`, in document order, with its
 * parent and index; returning `'skip'` leaves the element's children out.
 * Children are read after `visit` returns, so a visitor that replaces them
 * sees the new ones. This is `visit(tree, 'element', …)` without
 * unist-util-visit's closure per node and parent-stack copies: those cost
 * about a tenth of a cold build, in allocation and garbage collection, for
 * the walks every page takes in every version.
 */
export function eachElement(tree: Root | Element, visit: (node: Element, index: number, parent: Root | Element) => 'skip' | void): void {
  const children = tree.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as Root['children'][number];
    if (child.type !== 'element') continue;
    if (visit(child, i, tree) !== 'skip') eachElement(child, visit);
  }
}

/** Whether any node under `tree` has this type (stops at the first). */
export function hasNodeOfType(tree: Root | Element, type: string): boolean {
  for (const child of tree.children) {
    if (child.type === type) return true;
    if (child.type === 'element' && hasNodeOfType(child, type)) return true;
  }
  return false;
}

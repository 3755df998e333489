import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Every `id` (and legacy `<a name>`) in a page body: what `#fragment` links may target. */
export function collectElementIds(tree: Root): Set<string> {
  const ids = new Set<string>();
  visit(tree, 'element', (node) => {
    const { id, name } = node.properties;
    if (typeof id === 'string' && id) ids.add(id);
    if (node.tagName === 'a' && typeof name === 'string' && name) ids.add(name);
  });
  return ids;
}

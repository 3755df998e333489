import type { Root } from 'hast';
import { eachElement } from '../util/each-element.js';

/** Every `id` (and legacy `<a name>`) in a page body: what `#fragment` links may target. */
export function collectElementIds(tree: Root): Set<string> {
  const ids = new Set<string>();
  eachElement(tree, (node) => {
    const { id, name } = node.properties;
    if (typeof id === 'string' && id) ids.add(id);
    if (node.tagName === 'a' && typeof name === 'string' && name) ids.add(name);
  });
  return ids;
}

import type { Root } from 'hast';
import { eachElement } from '../../util/each-element.js';

/**
 * Task lists as goldmark writes them: the checkbox alone, without GitHub's
 * `contains-task-list` / `task-list-item` classes (themes style `li:has(> input)`).
 */
export default function rehypeGoldmarkLists() {
  return (tree: Root) => {
    eachElement(tree, (node) => {
      const className = node.properties.className;
      if (!Array.isArray(className)) return;
      const kept = className.filter((c) => c !== 'contains-task-list' && c !== 'task-list-item');
      if (kept.length === className.length) return;
      if (kept.length) node.properties.className = kept;
      else delete node.properties.className;
    });
  };
}

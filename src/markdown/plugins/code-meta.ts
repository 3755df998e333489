import type { Root } from 'hast';
import { eachElement } from '../../util/each-element.js';

/**
 * Keeps a fence's info string after the language (` ```yaml {hl_lines=[2]} `)
 * as the `data-meta` property of its `code`. mdast-util-to-hast leaves it in
 * `data.meta`, which re-parsing raw HTML drops; the highlighter reads and
 * removes the property.
 */
export default function rehypeCodeMeta() {
  return (tree: Root) => {
    eachElement(tree, (node) => {
      if (node.tagName !== 'code') return;
      const meta = (node.data as { meta?: unknown } | undefined)?.meta;
      if (typeof meta === 'string' && meta !== '') node.properties.dataMeta = meta;
    });
  };
}

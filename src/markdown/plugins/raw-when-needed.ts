import type { Root } from 'hast';
import { raw } from 'hast-util-raw';
import { hasNodeOfType } from '../../util/each-element.js';
import type { VFile } from 'vfile';

/**
 * rehype-raw re-parses the whole page with parse5, which costs about a third
 * of rendering a page. Most pages have no raw HTML left once comments are
 * gone, so only those that do pay for it.
 */
export default function rehypeRawWhenNeeded() {
  return (tree: Root, file: VFile): Root => {
    if (!hasNodeOfType(tree, 'raw')) return tree;
    const parsed = raw(tree, { file }) as Root;
    // parse5's document mode says nothing about a fragment; dropped so the tree is the same as without raw HTML.
    delete parsed.data;
    return parsed;
  };
}

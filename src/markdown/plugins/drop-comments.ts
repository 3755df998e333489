import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { remove } from 'unist-util-remove';

const ONLY_COMMENTS = /^\s*(?:<!--[\s\S]*?-->\s*)+$/;

/**
 * HTML comments never reach readers (drafts, internal notes). Dropping the
 * ones that are whole HTML nodes in mdast is free, and often spares the page
 * the cost of rehype-raw.
 */
export function remarkDropComments() {
  return (tree: MdastRoot) => {
    remove(tree, (node) => node.type === 'html' && ONLY_COMMENTS.test((node as unknown as { value: string }).value));
  };
}

/** The rest: comments inside mixed raw HTML, after rehype-raw parsed them. */
export function rehypeDropComments() {
  return (tree: HastRoot) => {
    remove(tree, (node) => node.type === 'comment');
  };
}

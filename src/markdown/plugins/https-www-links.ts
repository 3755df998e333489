import type { Link, Root } from 'mdast';
import { eachNode } from '../../util/each-node.js';

/** `www.example.com` autolinks go to `https://`, as goldmark's linkify does (GFM says `http://`). */
export default function remarkHttpsWwwLinks() {
  return (tree: Root) => {
    eachNode(tree, (found) => {
      if (found.type !== 'link') return;
      const node = found as Link;
      if (!node.url.startsWith('http://www.')) return;
      const only = node.children[0];
      if (node.children.length === 1 && only?.type === 'text' && node.url === `http://${only.value}`) node.url = `https://${only.value}`;
    });
  };
}

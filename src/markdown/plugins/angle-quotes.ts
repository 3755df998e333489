import type { Parent, Root } from 'mdast';
import { eachNode } from '../../util/each-node.js';

/**
 * goldmark's typographer turns `<<x>>` into «x», but CommonMark first reads
 * it as an HTML tag `<x>` between two brackets: put the text back together so
 * the typographer sees `<<x>>`.
 */
export default function remarkAngleQuotes() {
  return (tree: Root) => {
    eachNode(tree, (node) => {
      if (!('children' in node)) return;
      const parent = node as Parent;
      for (let i = 1; i < parent.children.length - 1; i++) {
        const before = parent.children[i - 1];
        const html = parent.children[i];
        const after = parent.children[i + 1];
        if (html?.type !== 'html' || before?.type !== 'text' || after?.type !== 'text') continue;
        if (!before.value.endsWith('<') || !after.value.startsWith('>') || !/^<[^<>/]+>$/.test(html.value)) continue;
        before.value = `${before.value}${html.value}${after.value}`;
        parent.children.splice(i, 2);
      }
    });
  };
}

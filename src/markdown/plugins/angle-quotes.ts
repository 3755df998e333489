import type { Parent, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * goldmark's typographer turns `<<` and `>>` into « and ». CommonMark first
 * reads `<<x>>` as an HTML tag `<x>` between two brackets; that case is put
 * back together here, then the remaining pairs in text are replaced.
 */
export default function remarkAngleQuotes() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (!('children' in node)) return;
      const parent = node as Parent;
      for (let i = 1; i < parent.children.length - 1; i++) {
        const before = parent.children[i - 1];
        const html = parent.children[i];
        const after = parent.children[i + 1];
        if (html?.type !== 'html' || before?.type !== 'text' || after?.type !== 'text') continue;
        if (!before.value.endsWith('<') || !after.value.startsWith('>') || !/^<[^<>/]+>$/.test(html.value)) continue;
        before.value = `${before.value.slice(0, -1)}«${html.value.slice(1, -1)}»${after.value.slice(1)}`;
        parent.children.splice(i, 2);
      }
    });
    visit(tree, 'text', (node: Text) => {
      if (node.value.includes('<<') || node.value.includes('>>')) node.value = node.value.replace(/<</g, '«').replace(/>>/g, '»');
    });
  };
}

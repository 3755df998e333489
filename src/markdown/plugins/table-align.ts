import type { Root } from 'hast';
import { eachElement } from '../../util/each-element.js';

/** Column alignment as `style="text-align:…"`, as goldmark writes it (`align` is obsolete in HTML). */
export default function rehypeTableAlign() {
  return (tree: Root) => {
    eachElement(tree, (node) => {
      if ((node.tagName === 'td' || node.tagName === 'th') && typeof node.properties.align === 'string') {
        node.properties.style = `text-align:${node.properties.align}`;
        delete node.properties.align;
      }
    });
  };
}

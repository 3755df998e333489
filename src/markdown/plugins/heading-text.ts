import type { Heading, Root } from 'mdast';
import { eachNode } from '../../util/each-node.js';
import type { VFile } from 'vfile';

/** Property that carries a heading's source text to the hast stage; removed there. */
export const HEADING_TEXT_PROPERTY = 'dataStrataHeadingText';

/**
 * Records the text goldmark derives automatic heading ids from: the raw
 * markdown of the heading's first line (so `[a](/x/)` counts its URL, and the
 * typographer has not run), without its `{#id}` block. Placeholders stay in
 * and are resolved per version, so ids follow the version's values.
 */
export default function remarkHeadingText() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    eachNode(tree, (node) => {
      if (node.type !== 'heading') return;
      const heading = node as Heading;
      const first = heading.children[0]?.position?.start.offset;
      const last = heading.children[heading.children.length - 1]?.position?.end.offset;
      const text = first === undefined || last === undefined ? '' : (source.slice(first, last).split('\n')[0] as string);
      const data = (heading.data ??= {});
      data.hProperties = { ...data.hProperties, [HEADING_TEXT_PROPERTY]: text };
    });
  };
}

import type { Heading, Root } from 'mdast';
import { eachNode } from '../../util/each-node.js';

/**
 * Goldmark's heading attributes: `## Title {#id .class key=value}`. The block
 * is removed from the text and becomes properties of the heading element.
 */
export default function remarkHeadingAttributes() {
  return (tree: Root) => {
    eachNode(tree, (node) => {
      if (node.type !== 'heading') return;
      const heading = node as Heading;
      const last = heading.children[heading.children.length - 1];
      if (last?.type !== 'text') return;
      const match = /\s*\{([^{}]*)\}\s*$/.exec(last.value);
      if (!match) return;
      const attributes = parseAttributes(match[1] as string);
      if (!attributes) return;
      last.value = last.value.slice(0, match.index);
      if (last.value === '') heading.children.pop();
      else if (last.position?.end.offset !== undefined) {
        const removed = (match[0] as string).length;
        last.position.end = { ...last.position.end, offset: last.position.end.offset - removed, column: last.position.end.column - removed };
      }
      const data = (heading.data ??= {});
      data.hProperties = { ...data.hProperties, ...attributes };
    });
  };
}

/** `#id .a .b key=value key="v"` → properties, or undefined when it is not an attribute list. */
export function parseAttributes(source: string): Record<string, string | string[]> | undefined {
  const out: Record<string, string | string[]> = {};
  const classes: string[] = [];
  const pattern = /\s*(?:#([\w\-:.]+)|\.([\w-]+)|([\w-]+)=(?:"([^"]*)"|'([^']*)'|([^\s"'}]+)))/y;
  let at = 0;
  while (at < source.length) {
    if (/^\s*$/.test(source.slice(at))) break;
    pattern.lastIndex = at;
    const m = pattern.exec(source);
    if (!m) return undefined;
    if (m[1]) out.id = m[1];
    else if (m[2]) classes.push(m[2]);
    else if (m[3]) out[m[3]] = (m[4] ?? m[5] ?? m[6]) as string;
    at = pattern.lastIndex;
  }
  if (classes.length) out.className = classes;
  return Object.keys(out).length ? out : undefined;
}

import type { Element, ElementContent, Root } from 'hast';
import { eachElement } from '../../util/each-element.js';

const BACK_ARROW = '\u21a9\ufe0e';

/**
 * Footnotes as goldmark writes them (Hugo's output, which themes style):
 * `<sup id="fnref:1"><a href="#fn:1" class="footnote-ref">`, and a
 * `<div class="footnotes" role="doc-endnotes">` with `fn:N` items, instead
 * of GitHub's `user-content-` section that remark-rehype produces.
 */
export default function rehypeGoldmarkFootnotes() {
  return (tree: Root) => {
    let section: Element | undefined;
    eachElement(tree, (node) => {
      if (node.tagName === 'section' && node.properties.dataFootnotes !== undefined) section = node;
    });
    if (!section) return;
    const list = section.children.find((c): c is Element => c.type === 'element' && c.tagName === 'ol');
    if (!list) return;
    // Notes are numbered in order of first reference, which is the list's order.
    const numbers = new Map<string, number>();
    for (const item of list.children) {
      if (item.type === 'element' && item.tagName === 'li') {
        const id = String(item.properties.id ?? '');
        numbers.set(id.replace(/^user-content-fn-/, ''), numbers.size + 1);
      }
    }
    eachElement(tree, (node, index, parent) => {
      if (node.tagName === 'a' && node.properties.dataFootnoteRef !== undefined && parent && parent.type === 'element' && parent.tagName === 'sup') {
        const ref = parseRef(String(node.properties.id ?? ''), 'user-content-fnref-', numbers);
        if (!ref) return;
        parent.properties = { id: refId(ref) };
        node.properties = { href: `#fn:${ref.number}`, className: ['footnote-ref'], role: 'doc-noteref' };
        node.children = [{ type: 'text', value: String(ref.number) }];
      } else if (node.tagName === 'a' && node.properties.dataFootnoteBackref !== undefined && parent && index !== undefined) {
        const ref = parseRef(String(node.properties.href ?? '').slice(1), 'user-content-fnref-', numbers);
        if (!ref) return;
        node.properties = { href: `#${refId(ref)}`, className: ['footnote-backref'], role: 'doc-backlink' };
        node.children = [{ type: 'text', value: BACK_ARROW }];
        const before = parent.children[index - 1];
        if (before?.type === 'text' && before.value.endsWith(' ')) before.value = `${before.value.slice(0, -1)}\u00a0`;
      } else if (node.tagName === 'li' && typeof node.properties.id === 'string' && node.properties.id.startsWith('user-content-fn-')) {
        node.properties.id = `fn:${numbers.get(node.properties.id.slice('user-content-fn-'.length))}`;
      }
    });
    section.tagName = 'div';
    section.properties = { className: ['footnotes'], role: 'doc-endnotes' };
    section.children = [{ type: 'text', value: '\n' }, { type: 'element', tagName: 'hr', properties: {}, children: [] }, { type: 'text', value: '\n' }, list as ElementContent, { type: 'text', value: '\n' }];
  };
}

interface Ref {
  number: number;
  /** 1 for the first reference to a note, 2 for the second… */
  occurrence: number;
}

function parseRef(id: string, prefix: string, numbers: Map<string, number>): Ref | undefined {
  if (!id.startsWith(prefix)) return undefined;
  const rest = id.slice(prefix.length);
  const direct = numbers.get(rest);
  if (direct !== undefined) return { number: direct, occurrence: 1 };
  const m = /^(.*)-(\d+)$/.exec(rest);
  const number = m ? numbers.get(m[1] as string) : undefined;
  return number === undefined ? undefined : { number, occurrence: Number((m as RegExpExecArray)[2]) };
}

/** goldmark: `fnref:N` for the first reference, then `fnref1:N`, `fnref2:N`… */
function refId(ref: Ref): string {
  return ref.occurrence === 1 ? `fnref:${ref.number}` : `fnref${ref.occurrence - 1}:${ref.number}`;
}

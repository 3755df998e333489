import type { Element, ElementContent, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

export interface NormalizeOptions {
  /** Page URL the relative links of this side are resolved against (`/1.0/fixtures/x/`). */
  pageUrl?: string;
  /** Prefix stripped from resolved links (`/1.0`), so both sides compare as bare site paths. */
  stripPrefix?: string;
}

/**
 * Puts a rendered body into a canonical form so two renderers can be compared
 * for what they mean, not how they serialise: entities, attribute order and
 * quoting, void-element spelling, whitespace between blocks and comments go;
 * highlighted code becomes `<pre><code class="language-x">text</code></pre>`;
 * links are resolved to site paths without a trailing slash.
 */
export function normalizeHtml(html: string, options: NormalizeOptions = {}): string {
  const tree = fromHtml(html, { fragment: true });
  const out = normalizeChildren(tree, options);
  return toHtml({ type: 'root', children: out }, { quoteSmart: false, preferUnquoted: false })
    .replace(/\n{2,}/g, '\n')
    .trim();
}

function normalizeChildren(parent: Root | Element, options: NormalizeOptions): ElementContent[] {
  const out: ElementContent[] = [];
  for (const child of parent.children as ElementContent[]) {
    if (child.type === 'comment') continue;
    if (child.type === 'text') {
      if (child.value.trim() === '' && isBlockContainer(parent)) continue;
      const last = out[out.length - 1];
      if (last?.type === 'text') last.value += child.value;
      else out.push({ type: 'text', value: child.value });
      continue;
    }
    if (child.type !== 'element') continue;
    const code = codeBlock(child);
    if (code) {
      out.push(code, { type: 'text', value: '\n' });
      continue;
    }
    const children = normalizeChildren(child, options);
    if (isBlock(child.tagName)) trimEdges(children);
    const element: Element = { type: 'element', tagName: child.tagName, properties: normalizeProperties(child, options), children };
    out.push(element);
    if (isBlock(child.tagName)) out.push({ type: 'text', value: '\n' });
  }
  return out;
}

/** Whitespace at the start and end of a block's content is not rendered. */
function trimEdges(children: ElementContent[]): void {
  const first = children[0];
  if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '');
  const last = children[children.length - 1];
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
  if (first?.type === 'text' && first.value === '') children.shift();
  const end = children[children.length - 1];
  if (end?.type === 'text' && end.value === '') children.pop();
}

/**
 * Hugo's chroma blocks and plain fences alike → language + text. Chroma's
 * line numbers (a table column with `linenos=table`, `user-select:none` spans
 * with `linenos=inline`) are presentation, and a trailing newline is not
 * content (fences keep it, Hugo's `highlight` trims it): both go.
 */
function codeBlock(node: Element): Element | undefined {
  let pre: Element | undefined;
  if (node.tagName === 'div' && classes(node).includes('highlight')) pre = chromaPre(node);
  else if (node.tagName === 'pre' && !classes(node).includes('mermaid')) pre = node;
  if (!pre) return undefined;
  const code = pre.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
  const lang = code ? (String(code.properties.dataLang ?? '') || classes(code).find((c) => c.startsWith('language-'))?.slice(9) || '') : '';
  const text = toString(withoutLineNumbers(code ?? pre)).replace(/\n$/, '');
  return {
    type: 'element',
    tagName: 'pre',
    properties: {},
    children: [{ type: 'element', tagName: 'code', properties: lang ? { className: [`language-${lang}`] } : {}, children: [{ type: 'text', value: text }] }],
  };
}

/** The `pre` holding the code: the block's own, or the code column of a `linenos=table` layout. */
function chromaPre(highlight: Element): Element | undefined {
  let found: Element | undefined;
  visit(highlight, 'element', (node) => {
    if (found || node.tagName !== 'pre') return;
    const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
    if (code && (code.properties.dataLang !== undefined || classes(code).some((c) => c.startsWith('language-')))) found = node;
  });
  return found ?? highlight.children.find((c): c is Element => c.type === 'element' && c.tagName === 'pre');
}

function withoutLineNumbers(node: Element): Element {
  const copy = structuredClone(node);
  visit(copy, 'element', (el, index, parent) => {
    if (parent && index !== undefined && el.tagName === 'span' && /user-select:\s*none/.test(String(el.properties.style ?? ''))) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
  return copy;
}

function normalizeProperties(node: Element, options: NormalizeOptions): Element['properties'] {
  const props: Element['properties'] = {};
  for (const key of Object.keys(node.properties).sort()) {
    let value = node.properties[key];
    if ((key === 'href' || key === 'src') && typeof value === 'string') value = normalizeLink(value, options);
    if (key === 'tabIndex' && node.tagName === 'pre') continue;
    props[key] = value;
  }
  return props;
}

function normalizeLink(href: string, options: NormalizeOptions): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//') || href.startsWith('#')) return href;
  let resolved = href;
  if (!href.startsWith('/') && options.pageUrl) resolved = new URL(href, `http://x${options.pageUrl}`).pathname + new URL(href, `http://x${options.pageUrl}`).hash;
  if (options.stripPrefix && resolved.startsWith(`${options.stripPrefix}/`)) resolved = resolved.slice(options.stripPrefix.length);
  return resolved.replace(/(.)\/(#|$)/, '$1$2');
}

function classes(node: Element): string[] {
  const c = node.properties.className;
  return Array.isArray(c) ? c.map(String) : [];
}

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'blockquote', 'pre', 'div', 'aside', 'hr', 'section', 'figure', 'figcaption', 'details', 'summary']);

function isBlock(tag: string): boolean {
  return BLOCKS.has(tag);
}

/** Containers whose whitespace-only text between children is formatting, not content. */
function isBlockContainer(parent: Root | Element | Nodes): boolean {
  if (parent.type === 'root') return true;
  return parent.type === 'element' && ['ul', 'ol', 'dl', 'table', 'thead', 'tbody', 'tr', 'blockquote', 'div', 'aside', 'li', 'dd', 'section', 'details', 'figure', 'figcaption'].includes(parent.tagName);
}

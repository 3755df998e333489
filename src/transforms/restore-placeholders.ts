import type { Element, ElementContent, Nodes, Parents, Properties, Root, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import type { Position } from 'unist';
import { PLACEHOLDER_PATTERN, type Placeholder, type PlaceholderContent, type Placeholders } from '../shortcodes/placeholders.js';
import { copyPlain } from '../util/copy-plain.js';

/** Elements whose text is shown as written: a placeholder there becomes text, never markup. */
const VERBATIM = new Set(['code', 'pre', 'script', 'style', 'textarea', 'title', 'kbd', 'samp']);

/** Lets the link stage report a link built from a shortcode at the shortcode. */
export interface LinkOrigin {
  /** File offset of the call whose output became this element's `href`/`src`. */
  strataLinkOrigin?: number;
}

/**
 * Puts `{{< >}}` output back where its placeholder landed: markup in flow
 * content, text inside code and attributes. `<p>PLACEHOLDER</p>` is replaced
 * whole, as Hugo does, so a block shortcode on its own line is not wrapped.
 */
export function restorePlaceholders(tree: Root, placeholders: Placeholders, placeOf: (offset: number) => Position['start']): void {
  if (placeholders.entries.length === 0) return;
  const restorer = new Restorer(placeholders, placeOf);
  restorer.children(tree, false, 0);
}

const MAX_DEPTH = 50;

class Restorer {
  readonly #placeholders: Placeholders;
  readonly #placeOf: (offset: number) => Position['start'];
  readonly #textCache = new Map<number, string>();

  constructor(placeholders: Placeholders, placeOf: (offset: number) => Position['start']) {
    this.#placeholders = placeholders;
    this.#placeOf = placeOf;
  }

  children(parent: Parents, verbatim: boolean, depth: number): void {
    if (depth > MAX_DEPTH) return;
    const children = parent.children as ElementContent[];
    // The new list of children, made only once a child is replaced (most parents hold no placeholder).
    let out: ElementContent[] | undefined;
    for (let i = 0; i < children.length; i++) {
      const child = children[i] as ElementContent;
      let replaced: ElementContent[] | undefined;
      if (child.type === 'text' && child.value.includes('ZSTRATA')) replaced = this.#text(child, verbatim, depth);
      else if (child.type === 'element') {
        const whole = !verbatim && child.tagName === 'p' ? this.#alone(child) : undefined;
        if (whole) replaced = this.#nodes(whole, depth);
        else {
          this.#properties(child);
          this.children(child, verbatim || VERBATIM.has(child.tagName), depth);
          if (child.tagName === 'p' && child.children.some(isBlock)) replaced = splitParagraph(child);
        }
      }
      if (replaced) (out ??= children.slice(0, i)).push(...replaced);
      else out?.push(child);
    }
    if (out) parent.children = out as typeof parent.children;
  }

  /** The placeholder a paragraph consists of, if it holds nothing else. */
  #alone(p: Element): Placeholder | undefined {
    if (p.children.length !== 1) return undefined;
    const only = p.children[0] as ElementContent;
    if (only.type !== 'text') return undefined;
    const m = /^\s*ZSTRATA(\d+)PHZ\s*$/.exec(only.value);
    return m ? this.#placeholders.get(Number(m[1])) : undefined;
  }

  #text(node: Text, verbatim: boolean, depth: number): ElementContent[] {
    if (verbatim) return [{ ...node, value: this.#replaceText(node.value, depth) }];
    const out: ElementContent[] = [];
    let last = 0;
    for (const m of node.value.matchAll(PLACEHOLDER_PATTERN)) {
      const entry = this.#placeholders.get(Number(m[1]));
      if (!entry) continue;
      if (m.index > last) out.push({ type: 'text', value: node.value.slice(last, m.index) });
      out.push(...this.#nodes(entry, depth));
      last = m.index + m[0].length;
    }
    if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) });
    return out;
  }

  #nodes(entry: Placeholder, depth: number): ElementContent[] {
    const { content } = entry;
    let nodes: ElementContent[];
    if (content.kind === 'text') nodes = [{ type: 'text', value: content.text }];
    else if (content.kind === 'hast') nodes = copyPlain(content.nodes);
    else nodes = parseFragment(content.html);
    const place = this.#placeOf(entry.origin);
    for (const node of nodes) placeAt(node, { start: place, end: place });
    // Output can itself hold placeholders (a callout around a readfile).
    const holder: Root = { type: 'root', children: nodes };
    this.children(holder, false, depth + 1);
    return holder.children as ElementContent[];
  }

  #properties(element: Element): void {
    const props: Properties = element.properties;
    for (const [key, value] of Object.entries(props)) {
      if (typeof value === 'string' && value.includes('ZSTRATA')) {
        props[key] = this.#replaceText(value, 0, (origin) => {
          if (key === 'href' || key === 'src') (element as { data?: LinkOrigin }).data = { ...element.data, strataLinkOrigin: origin };
        });
      } else if (Array.isArray(value) && value.some((v) => typeof v === 'string' && v.includes('ZSTRATA'))) {
        props[key] = value.map((v) => (typeof v === 'string' ? this.#replaceText(v, 0) : v));
      }
    }
  }

  #replaceText(value: string, depth: number, onOrigin?: (origin: number) => void): string {
    if (depth > MAX_DEPTH) return value;
    return value.replace(PLACEHOLDER_PATTERN, (token, index: string) => {
      const entry = this.#placeholders.get(Number(index));
      if (!entry) return token;
      onOrigin?.(entry.origin);
      return this.#replaceText(this.#textOf(Number(index), entry), depth + 1);
    });
  }

  #textOf(index: number, entry: Placeholder): string {
    let text = this.#textCache.get(index);
    if (text === undefined) {
      text = placeholderText(entry.content);
      this.#textCache.set(index, text);
    }
    return text;
  }
}

/** What a placeholder shows where markup cannot go: inside code and attributes. */
export function placeholderText(content: PlaceholderContent): string {
  return content.kind === 'text'
    ? content.text
    : content.kind === 'html'
      ? (content.text ?? toString({ type: 'root', children: parseFragment(content.html) }))
      : toString({ type: 'root', children: content.nodes });
}

const BLOCKS = new Set(['address', 'article', 'aside', 'blockquote', 'details', 'dialog', 'div', 'dl', 'fieldset', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul']);

function isBlock(node: ElementContent): boolean {
  return node.type === 'element' && BLOCKS.has(node.tagName);
}

/**
 * Block output (a callout) cannot live in a paragraph: the paragraph is cut
 * around it, as a CommonMark HTML block interrupts a paragraph in Hugo.
 */
function splitParagraph(p: Element): ElementContent[] {
  const out: ElementContent[] = [];
  let run: ElementContent[] = [];
  const flush = () => {
    const trimmed = trimRun(run);
    if (trimmed.length) out.push({ ...p, properties: { ...p.properties }, children: trimmed });
    run = [];
  };
  for (const child of p.children) {
    if (isBlock(child)) {
      flush();
      out.push(child);
    } else run.push(child);
  }
  flush();
  return out;
}

function trimRun(nodes: ElementContent[]): ElementContent[] {
  const out = [...nodes];
  const first = out[0];
  if (first?.type === 'text') {
    const value = first.value.replace(/^\s+/, '');
    if (value) out[0] = { ...first, value };
    else out.shift();
  }
  const last = out[out.length - 1];
  if (last?.type === 'text') {
    const value = last.value.replace(/\s+$/, '');
    if (value) out[out.length - 1] = { ...last, value };
    else out.pop();
  }
  return out;
}

/** HTML from a shortcode: plain text skips the parser, which matters at ~25 values a page. */
function parseFragment(html: string): ElementContent[] {
  if (!/[<&]/.test(html)) return html ? [{ type: 'text', value: html }] : [];
  const root = fromHtml(html, { fragment: true });
  return (root.children as ElementContent[]).filter((node) => node.type !== 'comment');
}

/** Gives output nodes the call's place, so problems inside them point at the call. */
function placeAt(node: Nodes, position: Position): void {
  if (!node.position) node.position = position;
  if ('children' in node) for (const child of node.children) placeAt(child, position);
}

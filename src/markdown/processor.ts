import type { ElementContent, Nodes, Root } from 'hast';
import type { Root as MdastRoot, RootContent } from 'mdast';
import type { Point } from 'unist';
import { defListHastHandlers, remarkDefinitionList } from 'remark-definition-list';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { raw } from 'hast-util-raw';
import { hasNodeOfType } from '../util/each-element.js';
import { BlockCache } from './block-cache.js';
import { sanitizeBody } from './sanitize.js';
import { guardSitePlugins } from './site-plugins.js';
import rehypeCodeMeta from './plugins/code-meta.js';
import remarkAngleQuotes from './plugins/angle-quotes.js';
import remarkAutolinkLiteralGuard from './plugins/autolink-literal-guard.js';
import { rehypeDropComments, remarkDropComments } from './plugins/drop-comments.js';
import rehypeGoldmarkFootnotes from './plugins/goldmark-footnotes.js';
import rehypeGoldmarkLists from './plugins/goldmark-lists.js';
import remarkHeadingAttributes from './plugins/heading-attributes.js';
import remarkHeadingText from './plugins/heading-text.js';
import remarkHttpsWwwLinks from './plugins/https-www-links.js';
import rehypeRawWhenNeeded from './plugins/raw-when-needed.js';
import rehypeTableAlign from './plugins/table-align.js';
import remarkTypographer from './plugins/typographer.js';
import { dropTextPositions, placedCopy, takeOut } from './place-block.js';
import { splitBlocks, type Block } from './split-blocks.js';
import { parsePlainBlock } from './plain-blocks.js';

export interface MarkdownOptions {
  /** Smart quotes, dashes and ellipses, as goldmark's typographer (Hugo's default). Default: true. */
  typographer?: boolean;
  /** Keep raw HTML written by authors (goldmark's `unsafe`). Default: true, as docs need it. */
  unsafe?: boolean;
  /** Give headings without `{#id}` an id from their text (goldmark's `autoHeadingID`). Default: true. */
  autoHeadingIds?: boolean;
  /** Site remark plugins, run after Strata's own (Astro/Docusaurus style). They see the whole page. */
  remarkPlugins?: PluggableList;
  /** Site rehype plugins, run after raw HTML is parsed. */
  rehypePlugins?: PluggableList;
  /** Parse block by block through a cache (default). Off parses each page whole; the output is the same. */
  blockCache?: boolean;
  /**
   * Sanitize each page body (rehype-sanitize, `src/markdown/sanitize.ts`): raw HTML,
   * `readfile` output included, loses scripts, event handlers, styles and
   * `javascript:` URLs, and keeps what docs need. Default: false (authors' HTML is kept).
   */
  sanitize?: boolean;
}

export interface MarkdownRenderer {
  /** Markdown → hast. Positions are offsets into `markdown`; ids and links come later. */
  toHast(markdown: string): Root;
  /** Whether headings get automatic ids (the `autoHeadingIds` option). */
  readonly autoHeadingIds: boolean;
  /** The page body, sanitized when the `sanitize` option is on (else as it is). */
  sanitize(tree: Root): Root;
  /** Blocks reused from the cache, and parsed. */
  readonly stats: { hits: number; misses: number };
}

/**
 * The one unified pipeline: what Hugo's goldmark renders by default (GFM,
 * footnotes, definition lists, typographer, heading attributes) and raw HTML.
 *
 * It runs in two parts. Markdown → hast is done block by block through a
 * cache (the expensive part: the same paragraph in several versions or pages
 * is parsed once); raw HTML, footnotes and comments are then handled on the
 * whole page, because they can span blocks.
 */
export function createMarkdownRenderer(options: MarkdownOptions = {}): MarkdownRenderer {
  const blocks = unified()
    .use(remarkParse)
    .use(remarkGfm, { singleTilde: false })
    .use(remarkAutolinkLiteralGuard)
    .use(remarkHttpsWwwLinks)
    .use(remarkDefinitionList)
    .use(remarkHeadingAttributes)
    .use(remarkHeadingText)
    .use(options.typographer === false ? [] : [remarkAngleQuotes, remarkTypographer])
    .use(remarkDropComments)
    .use(guardSitePlugins(options.remarkPlugins ?? [], 'remark'))
    .use(remarkRehype, { allowDangerousHtml: options.unsafe !== false, handlers: defListHastHandlers })
    .use(rehypeCodeMeta)
    .use(rehypeTableAlign)
    .use(rehypeGoldmarkLists)
    .freeze();
  const page = unified()
    .use(rehypeGoldmarkFootnotes)
    .use(options.unsafe === false ? [] : [rehypeRawWhenNeeded])
    .use(rehypeDropComments)
    .use(guardSitePlugins(options.rehypePlugins ?? [], 'rehype'))
    .freeze();
  const cache = new BlockCache();
  const unsafe = options.unsafe !== false;
  // Site remark plugins may need the whole document (a table of contents, say): no cutting then.
  const cut = options.blockCache !== false && !options.remarkPlugins?.length;

  const parse = (markdown: string): Root => {
    const file = new VFile(markdown);
    return blocks.runSync(blocks.parse(file), file) as Root;
  };
  /** The rest of the block pipeline, for a tree parsed already. */
  const transform = (tree: MdastRoot, markdown: string): Root => blocks.runSync(tree, new VFile(markdown)) as Root;

  return {
    autoHeadingIds: options.autoHeadingIds !== false,
    sanitize: options.sanitize === true ? sanitizeBody : (tree) => tree,
    get stats() {
      return { hits: cache.hits, misses: cache.misses };
    },
    toHast(markdown) {
      const parts = cut ? splitBlocks(markdown) : undefined;
      let tree: Root;
      if (!parts || parts.length < 2) {
        // One block (a short page, a shortcode's markdown): plain, it needs no micromark either.
        const nodes = parts?.length === 1 ? parsePlainBlock(markdown, { line: 1, offset: 0 }) : undefined;
        tree = nodes ? transform(mdastRoot(nodes, markdown), markdown) : parse(markdown);
      } else {
        const cached = parts.map((part) => cache.get(part.text));
        const missing = parts.filter((_, i) => !cached[i]);
        // This page's new blocks, in case the cache let go of one already (a huge page).
        const fresh = new Map<string, Root>();
        if (missing.length) {
          // New blocks are parsed together, in one pass of every plugin: blocks are independent, so
          // joined by blank lines each still parses to its own tree, which goes to the cache.
          // Plain blocks are read by `parsePlainBlock`, the others by micromark: two batches.
          const plain = new Batch();
          const rest = new Batch();
          for (const part of missing) {
            const nodes = parsePlainBlock(part.text, { line: plain.line, offset: plain.text.length });
            if (nodes) plain.add(part.text, nodes);
            else rest.add(part.text);
          }
          const trees = [
            ...(plain.blocks.length ? splitByBlock(transform(plain.root(), plain.text), plain.blocks) : []),
            ...(rest.blocks.length ? splitByBlock(parse(rest.text), rest.blocks) : []),
          ];
          for (const [i, block] of [...plain.blocks, ...rest.blocks].entries()) {
            const { tree, raw: keepsRaw } = rawIfSelfContained(trees[i] as Root, block.text, unsafe);
            if (!keepsRaw) dropTextPositions(tree);
            fresh.set(block.text, tree);
            cache.set(block.text, tree);
          }
        }
        const children: ElementContent[] = [];
        for (const [i, part] of parts.entries()) {
          const copy = placedCopy((cached[i] ?? fresh.get(part.text)) as Root, part);
          if (children.length && copy.children.length) children.push({ type: 'text', value: '\n' });
          children.push(...(copy.children as ElementContent[]));
        }
        tree = { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endOf(markdown) } };
      }
      const file = new VFile(markdown);
      return page.runSync(tree, file) as Root;
    },
  };
}

/** Blocks joined by blank lines, to go through the pipeline as one text (and, when plain, as one tree). */
class Batch {
  readonly blocks: Block[] = [];
  readonly #nodes: RootContent[] = [];
  text = '';
  line = 1;

  add(text: string, nodes?: RootContent[]): void {
    this.blocks.push({ text, start: this.text.length, line: this.line });
    if (nodes) this.#nodes.push(...nodes);
    this.text += `${text}\n\n`;
    this.line += lineBreaks(text) + 2;
  }

  /** The tree micromark would give for the text, from the blocks' plain parses. */
  root(): MdastRoot {
    return mdastRoot(this.#nodes, this.text);
  }
}

/** The root micromark gives for `markdown`, holding `children`. */
function mdastRoot(children: RootContent[], markdown: string): MdastRoot {
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endOf(markdown) } };
}

function lineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const TAG = /<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g;

/**
 * Raw HTML is parsed on the whole page (rehype-raw), because a tag can open in
 * one block and close in another. A block whose tags all close inside it is
 * parsed on its own, once, when it enters the cache: most pages then have no
 * raw HTML left and skip the page-wide pass. Says whether raw HTML is left in
 * the block, found in the same walk.
 */
function rawIfSelfContained(tree: Root, text: string, unsafe: boolean): { tree: Root; raw: boolean } {
  if (!unsafe) return { tree, raw: hasNodeOfType(tree, 'raw') };
  const values: string[] = [];
  const collect = (node: Nodes): void => {
    if (node.type === 'raw') values.push(node.value);
    else if ('children' in node) for (const child of node.children) collect(child);
  };
  collect(tree);
  if (values.length === 0) return { tree, raw: false };
  const open = new Map<string, number>();
  for (const value of values) {
    if (/<!--|<!\[|<\?|<!\w/.test(value)) return { tree, raw: true };
    for (const m of value.matchAll(TAG)) {
      const name = (m[2] as string).toLowerCase();
      if (VOID.has(name) || m[3]) continue;
      open.set(name, (open.get(name) ?? 0) + (m[1] ? -1 : 1));
      if ((open.get(name) as number) < 0) return { tree, raw: true };
    }
  }
  if ([...open.values()].some((n) => n !== 0)) return { tree, raw: true };
  const parsed = raw(tree, { file: new VFile(text) }) as Root;
  delete parsed.data;
  return { tree: parsed, raw: hasNodeOfType(parsed, 'raw') };
}

/** The point after the last character, as micromark gives it for a root. */
function endOf(markdown: string): { line: number; column: number; offset: number } {
  return { line: lineBreaks(markdown) + 1, column: markdown.length - markdown.lastIndexOf('\n'), offset: markdown.length };
}

/**
 * The parts of a tree parsed from blocks joined by blank lines that each block
 * produced, as parsing the block alone gives it: its top-level nodes (by
 * position) with the line breaks between them, positions relative to the
 * block. Both lists are in document order, so one pass assigns every node.
 * The nodes are moved, not copied: the batch's tree is not used again.
 */
function splitByBlock(tree: Root, blocks: readonly Block[]): Root[] {
  const nodes = tree.children as ElementContent[];
  const moved = new Set<Point>();
  let next = 0;
  return blocks.map((block) => {
    const end = block.start + block.text.length;
    const children: ElementContent[] = [];
    for (; next < nodes.length; next++) {
      const node = nodes[next] as ElementContent;
      const at = node.position?.start.offset;
      if (at === undefined || at < block.start) continue;
      if (at > end) break;
      if (children.length) children.push({ type: 'text', value: '\n' });
      takeOut(node, block, moved);
      children.push(node);
    }
    return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endOf(block.text) } };
  });
}

import type { ElementContent, Nodes, Root } from 'hast';
import { defListHastHandlers, remarkDefinitionList } from 'remark-definition-list';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { BlockCache } from './block-cache.js';
import { sanitizeBody } from './sanitize.js';
import rehypeCodeMeta from './plugins/code-meta.js';
import remarkAngleQuotes from './plugins/angle-quotes.js';
import { rehypeDropComments, remarkDropComments } from './plugins/drop-comments.js';
import rehypeGoldmarkFootnotes from './plugins/goldmark-footnotes.js';
import rehypeGoldmarkLists from './plugins/goldmark-lists.js';
import remarkHeadingAttributes from './plugins/heading-attributes.js';
import remarkHeadingText from './plugins/heading-text.js';
import remarkHttpsWwwLinks from './plugins/https-www-links.js';
import rehypeRawWhenNeeded from './plugins/raw-when-needed.js';
import rehypeTableAlign from './plugins/table-align.js';
import remarkTypographer from './plugins/typographer.js';
import { splitBlocks, type Block } from './split-blocks.js';

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
    .use(remarkHttpsWwwLinks)
    .use(remarkDefinitionList)
    .use(remarkHeadingAttributes)
    .use(remarkHeadingText)
    .use(options.typographer === false ? [] : [remarkAngleQuotes, remarkTypographer])
    .use(remarkDropComments)
    .use(options.remarkPlugins ?? [])
    .use(remarkRehype, { allowDangerousHtml: options.unsafe !== false, handlers: defListHastHandlers })
    .use(rehypeCodeMeta)
    .use(rehypeTableAlign)
    .use(rehypeGoldmarkLists)
    .freeze();
  const page = unified()
    .use(rehypeGoldmarkFootnotes)
    .use(options.unsafe === false ? [] : [rehypeRawWhenNeeded])
    .use(rehypeDropComments)
    .use(options.rehypePlugins ?? [])
    .freeze();
  const cache = new BlockCache();
  // Site remark plugins may need the whole document (a table of contents, say): no cutting then.
  const cut = options.blockCache !== false && !options.remarkPlugins?.length;

  const parse = (markdown: string): Root => {
    const file = new VFile(markdown);
    return blocks.runSync(blocks.parse(file), file) as Root;
  };

  return {
    autoHeadingIds: options.autoHeadingIds !== false,
    sanitize: options.sanitize === true ? sanitizeBody : (tree) => tree,
    get stats() {
      return { hits: cache.hits, misses: cache.misses };
    },
    toHast(markdown) {
      const parts = cut ? splitBlocks(markdown) : undefined;
      let tree: Root;
      if (!parts || parts.length < 2) tree = parse(markdown);
      else {
        const children: ElementContent[] = [];
        for (const part of parts) {
          let parsed = cache.get(part.text);
          if (!parsed) {
            parsed = parse(part.text);
            cache.set(part.text, parsed);
          }
          const copy = structuredClone(parsed);
          shift(copy, part);
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

/** The point after the last character, as micromark gives it for a root. */
function endOf(markdown: string): { line: number; column: number; offset: number } {
  let line = 1;
  for (let i = markdown.indexOf('\n'); i !== -1; i = markdown.indexOf('\n', i + 1)) line++;
  return { line, column: markdown.length - markdown.lastIndexOf('\n'), offset: markdown.length };
}

/** Moves a block's positions from its own text to its place in the page. */
function shift(node: Nodes, block: Block): void {
  const position = node.position;
  if (position) {
    position.start = { ...position.start, line: position.start.line + block.line - 1, ...(position.start.offset === undefined ? {} : { offset: position.start.offset + block.start }) };
    position.end = { ...position.end, line: position.end.line + block.line - 1, ...(position.end.offset === undefined ? {} : { offset: position.end.offset + block.start }) };
  }
  if ('children' in node) for (const child of node.children) shift(child, block);
}

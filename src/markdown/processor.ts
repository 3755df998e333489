import type { Root } from 'hast';
import { defListHastHandlers, remarkDefinitionList } from 'remark-definition-list';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkSmartypants from 'remark-smartypants';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import rehypeCodeMeta from './plugins/code-meta.js';
import { rehypeDropComments, remarkDropComments } from './plugins/drop-comments.js';
import remarkHeadingAttributes from './plugins/heading-attributes.js';
import remarkHeadingText from './plugins/heading-text.js';
import remarkAngleQuotes from './plugins/angle-quotes.js';
import rehypeGoldmarkFootnotes from './plugins/goldmark-footnotes.js';
import rehypeGoldmarkLists from './plugins/goldmark-lists.js';
import remarkHttpsWwwLinks from './plugins/https-www-links.js';
import rehypeRawWhenNeeded from './plugins/raw-when-needed.js';
import rehypeTableAlign from './plugins/table-align.js';

export interface MarkdownOptions {
  /** Smart quotes, dashes and ellipses, as goldmark's typographer (Hugo's default). Default: true. */
  typographer?: boolean;
  /** Keep raw HTML written by authors (goldmark's `unsafe`). Default: true, as docs need it. */
  unsafe?: boolean;
  /** Site remark plugins, run after Strata's own (Astro/Docusaurus style). */
  remarkPlugins?: PluggableList;
  /** Site rehype plugins, run after raw HTML is parsed. */
  rehypePlugins?: PluggableList;
}

export interface MarkdownRenderer {
  /** Markdown → hast. Positions are offsets into `markdown`; ids and links come later. */
  toHast(markdown: string): Root;
}

/**
 * The one unified pipeline: what Hugo's goldmark renders by default (GFM,
 * footnotes, definition lists, typographer, heading attributes) and raw HTML.
 */
export function createMarkdownRenderer(options: MarkdownOptions = {}): MarkdownRenderer {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm, { singleTilde: false })
    .use(remarkHttpsWwwLinks)
    .use(remarkDefinitionList)
    .use(remarkHeadingAttributes)
    .use(remarkHeadingText)
    .use(options.typographer === false ? [] : [[remarkSmartypants, { dashes: 'oldschool', backticks: false }], remarkAngleQuotes])
    .use(remarkDropComments)
    .use(options.remarkPlugins ?? [])
    .use(remarkRehype, { allowDangerousHtml: options.unsafe !== false, handlers: defListHastHandlers })
    .use(rehypeCodeMeta)
    .use(rehypeGoldmarkFootnotes)
    .use(rehypeTableAlign)
    .use(rehypeGoldmarkLists)
    .use(options.unsafe === false ? [] : [rehypeRawWhenNeeded])
    .use(rehypeDropComments)
    .use(options.rehypePlugins ?? [])
    .freeze();

  return {
    toHast(markdown) {
      const file = new VFile(markdown);
      return processor.runSync(processor.parse(file), file) as Root;
    },
  };
}

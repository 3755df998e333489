import { toHtml } from 'hast-util-to-html';
import { createFileReader } from '../../src/build/file-reader.js';
import { renderPage, type RenderedPage } from '../../src/build/render-page.js';
import { pageFromText } from '../../src/content/discover.js';
import { PageIndex } from '../../src/links/page-index.js';
import { createMarkdownRenderer, type MarkdownOptions } from '../../src/markdown/processor.js';
import type { ShortcodeDefinition, ShortcodeSite } from '../../src/shortcodes/definition.js';
import { VersionPages } from '../../src/links/version-pages.js';
import { builtinShortcodes, ShortcodeRegistry } from '../../src/shortcodes/registry.js';
import { createCodeHighlighter } from '../../src/transforms/highlight-code.js';
import { FsTree } from '../../src/versions/fs-tree.js';

/** One highlighter for every page a test file renders, as one build shares one. */
const highlighter = createCodeHighlighter();

export interface RenderOptions {
  /** Version root: where `readfile` paths resolve. */
  root: string;
  /** Content path of the page (`content/fixtures/x.md`). */
  source?: string;
  shortcodes?: ShortcodeDefinition[];
  /** Other pages of the version, by URL, so links to them resolve. */
  pages?: string[];
  /** Other pages of the version as files (`content/a/b.md` → text), for `ref` and `children`. */
  pageFiles?: Record<string, string>;
  /** Highlight code blocks with Shiki, as a build does. Default: true. */
  highlight?: boolean;
  markdown?: MarkdownOptions;
  site?: Partial<ShortcodeSite>;
}

/** Renders one page through the real pipeline (stages 2–5) and returns its body and findings. */
export async function renderOne(text: string, options: RenderOptions): Promise<RenderedPage & { html: string }> {
  const source = options.source ?? 'content/page.md';
  const tree = new FsTree(options.root, '');
  const page = pageFromText(source, source, text, 'content');
  const others = Object.entries(options.pageFiles ?? {}).map(([file, body]) => pageFromText(file, file, body, 'content'));
  const index = new PageIndex();
  index.addPage(page.url, source);
  for (const url of options.pages ?? []) index.addPage(url, `content${url}index.md`);
  for (const other of others) index.addPage(other.url, other.source, other.aliases);
  const rendered = await renderPage(page, {
    version: { name: 'test', label: 'test' },
    index,
    registry: new ShortcodeRegistry(builtinShortcodes, options.shortcodes ?? []),
    markdown: createMarkdownRenderer(options.markdown),
    readFile: createFileReader(tree, 'content'),
    pages: new VersionPages([page, ...others], 'content'),
    site: { title: 'Test', baseUrl: '/', params: {}, data: {}, ...options.site },
    markdownified: new Map(),
    ...(options.highlight === false ? {} : { highlighter }),
  });
  return { ...rendered, html: toHtml(rendered.body) };
}

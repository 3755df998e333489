import type { ElementContent, Root } from 'hast';
import type { Diagnostic, Place } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/line-index.js';
import { rules } from '../diagnostics/rules.js';
import type { PageRecord } from '../content/page.js';
import type { PageIndex } from '../links/page-index.js';
import { findDeepNesting, findDeepNode, MAX_CONTAINER_NESTING, MAX_ELEMENT_NESTING } from '../markdown/nesting.js';
import { SitePluginError } from '../markdown/site-plugins.js';
import type { MarkdownRenderer } from '../markdown/processor.js';
import { expandShortcodes, type ExpansionHost } from '../shortcodes/expand.js';
import { PLACEHOLDER_PATTERN, Placeholders } from '../shortcodes/placeholders.js';
import { toHtml } from 'hast-util-to-html';
import type { ShortcodeRegistry } from '../shortcodes/registry.js';
import type { ShortcodeSite } from '../shortcodes/definition.js';
import type { VersionPages } from '../links/version-pages.js';
import { placeholderText } from '../transforms/restore-placeholders.js';
import { collectElementIds } from '../transforms/element-ids.js';
import { assignHeadingIds } from '../transforms/heading-ids.js';
import type { CodeHighlighter } from '../transforms/highlight-code.js';
import { rewriteLinks, type PageLink } from '../transforms/links.js';
import { mapPositions, stripPositions } from '../transforms/map-positions.js';
import { restorePlaceholders } from '../transforms/restore-placeholders.js';
import type { FileReader } from './file-reader.js';

/** What every page of one version shares while rendering. */
export interface VersionEnv {
  version: { name: string; label: string };
  index: PageIndex;
  registry: ShortcodeRegistry;
  markdown: MarkdownRenderer;
  readFile: FileReader;
  /** The version's pages, for `ref`, `children` and site shortcodes. */
  pages: VersionPages;
  /** Site title, params and the version's data files. */
  site: ShortcodeSite;
  /** Rendered `markdownify` values, by source text (version files repeat ~25 times a page). */
  markdownified: Map<string, ElementContent[]>;
  /** Highlights code blocks; shared by every version of a build (it caches). Without it, code stays plain. */
  highlighter?: CodeHighlighter;
}

export interface TocEntry {
  depth: number;
  id: string;
  text: string;
}

export interface RenderedPage {
  page: PageRecord;
  /** The page body as a tree, ready for the layout. */
  body: Root;
  headings: TocEntry[];
  ids: Set<string>;
  links: PageLink[];
  diagnostics: Diagnostic[];
  /** Tree paths this page read (readfile targets), for the dev server and the cache. */
  dependencies: string[];
  /** Browser features the page's shortcodes need (`tabs`, `mermaid`), sorted: the layout adds their scripts. */
  features: string[];
}

/**
 * One page through stages 3–5 of the pipeline: shortcodes → markdown → page
 * transforms. Pure apart from reading files through the version's reader.
 */
export async function renderPage(page: PageRecord, env: VersionEnv): Promise<RenderedPage> {
  const diagnostics: Diagnostic[] = [...page.diagnostics];
  const lines = new LineIndex(page.text);
  try {
    return await render(page, env, diagnostics, lines);
  } catch (e) {
    // Nesting too deep for the renderer, or a site plugin that threw: reported at the page, which renders empty; the build goes on.
    if (e instanceof SitePluginError) diagnostics.push({ severity: 'error', ruleId: rules.markdownPluginFailed, message: e.message, file: page.file, place: lines.place(page.bodyOffset) });
    else {
      const place = e instanceof TooDeep ? e.place : isStackOverflow(e) ? lines.place(page.bodyOffset) : undefined;
      if (!place) throw e;
      const message = e instanceof TooDeep ? e.message : 'the page nests too deeply to render (the renderer ran out of stack)';
      diagnostics.push({ severity: 'error', ruleId: rules.contentTooDeep, message, file: page.file, place });
    }
    return { page, body: { type: 'root', children: [] }, headings: [], ids: new Set(), links: [], diagnostics, dependencies: [], features: [] };
  }
}

async function render(page: PageRecord, env: VersionEnv, diagnostics: Diagnostic[], lines: LineIndex): Promise<RenderedPage> {
  const placeholders = new Placeholders();
  const dependencies = new Set<string>();
  const features = new Set<string>();
  const placeOf = (offset: number) => ({ ...lines.place(offset), offset });

  const host: ExpansionHost = {
    src: page.text,
    file: page.file,
    lines,
    registry: env.registry,
    placeholders,
    diagnostics,
    idCounters: new Map(),
    page: { url: page.url, title: page.title, file: page.file, params: page.frontMatter.params },
    version: env.version,
    pages: env.pages.from(page.source),
    site: env.site,
    useFeature: (name) => features.add(name),
    readFile: async (path) => {
      const result = await env.readFile(path);
      dependencies.add(result.path);
      return result;
    },
    renderMarkdown: async (map) => {
      const deep = findDeepNesting(map.text);
      if (deep) throw new TooDeep(`lists and block quotes nest ${deep.depth} deep here (at most ${MAX_CONTAINER_NESTING})`, lines.place(map.toOriginal(deep.offset)));
      const tree = env.markdown.toHast(map.text);
      mapPositions(tree, map, lines);
      return tree;
    },
    markdownify: async (markdown) => markdownify(markdown, env),
    resolveText: (text) => resolveText(text, placeholders),
    resolvePlainText: (text) => resolvePlainText(text, placeholders),
  };

  const map = await expandShortcodes(host, page.bodyOffset, page.text.length);
  const rendered = await host.renderMarkdown(map);
  restorePlaceholders(rendered, placeholders, placeOf);
  // After the placeholders: `readfile` output is the author's HTML too.
  const body = env.markdown.sanitize(rendered);
  const deep = findDeepNode(body);
  if (deep) {
    const start = deep.node.position?.start;
    throw new TooDeep(`elements nest ${deep.depth} deep here (at most ${MAX_ELEMENT_NESTING})`, start ? { line: start.line, column: start.column } : lines.place(page.bodyOffset));
  }
  const headings = assignHeadingIds(body, { auto: env.markdown.autoHeadingIds });
  diagnostics.push(...duplicateExplicitIds(headings, page.file));
  const ids = collectElementIds(body);
  const links = rewriteLinks(body, { pageUrl: page.url, source: page.source, file: page.file, index: env.index, placeOf, diagnostics });
  // Last: code text now holds the resolved shortcode output (version numbers).
  await env.highlighter?.highlight(body);

  return {
    page,
    body,
    headings: headings.map(({ depth, id, text }) => ({ depth, id, text })),
    ids,
    links,
    diagnostics,
    dependencies: [...dependencies].sort(),
    features: [...features].sort(),
  };
}

/** Nesting beyond Strata's limits, found before it could overflow the stack. */
class TooDeep extends Error {
  readonly place: Place;

  constructor(message: string, place: Place) {
    super(message);
    this.place = place;
  }
}

function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/** Placeholders → their output as plain text, for shortcodes that show `.Inner` as code. */
function resolvePlainText(text: string, placeholders: Placeholders, depth = 0): string {
  if (depth > 20) return text;
  return text.replace(PLACEHOLDER_PATTERN, (token, index: string) => {
    const entry = placeholders.get(Number(index));
    return entry ? resolvePlainText(placeholderText(entry.content), placeholders, depth + 1) : token;
  });
}

/** Placeholders → their output as HTML, for shortcodes that read `.Inner` as text. */
function resolveText(text: string, placeholders: Placeholders, depth = 0): string {
  if (depth > 20) return text;
  return text.replace(PLACEHOLDER_PATTERN, (token, index: string) => {
    const entry = placeholders.get(Number(index));
    if (!entry) return token;
    const { content } = entry;
    const html = content.kind === 'html' ? content.html : content.kind === 'text' ? escapeHtml(content.text) : toHtml({ type: 'root', children: content.nodes });
    return resolveText(html, placeholders, depth + 1);
  });
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Hugo's `markdownify`: rendered on its own, and inline when it is a single paragraph. */
function markdownify(markdown: string, env: VersionEnv): ElementContent[] {
  let nodes = env.markdownified.get(markdown);
  if (!nodes) {
    const tree = env.markdown.toHast(markdown);
    stripPositions(tree);
    const blocks = tree.children.filter((n) => !(n.type === 'text' && n.value.trim() === ''));
    const only = blocks[0];
    nodes = blocks.length === 1 && only?.type === 'element' && only.tagName === 'p' ? only.children : (tree.children as ElementContent[]);
    env.markdownified.set(markdown, nodes);
  }
  return nodes;
}

function duplicateExplicitIds(headings: ReadonlyArray<{ id: string; explicit: boolean; element: { position?: { start: { line: number; column: number } } } }>, file: string): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const heading of headings) {
    if (!heading.explicit) continue;
    if (seen.has(heading.id)) {
      const start = heading.element.position?.start;
      out.push({
        severity: 'warning',
        ruleId: rules.duplicateId,
        message: `heading id \`${heading.id}\` is used more than once on this page; links to \`#${heading.id}\` reach only the first`,
        file,
        ...(start ? { place: { line: start.line, column: start.column } } : {}),
      });
    }
    seen.add(heading.id);
  }
  return out;
}

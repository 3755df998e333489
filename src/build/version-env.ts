import type { StrataConfig } from '../config/schema.js';
import { VersionPages } from '../links/version-pages.js';
import { createMarkdownRenderer, type MarkdownRenderer } from '../markdown/processor.js';
import type { ShortcodeRegistry } from '../shortcodes/registry.js';
import { createCodeHighlighter, type CodeHighlighter } from '../transforms/highlight-code.js';
import { createFileReader } from './file-reader.js';
import type { PreparedVersion } from './prepare-version.js';
import type { VersionEnv } from './render-page.js';

/**
 * What one thread renders every page with, whatever the version: shortcodes,
 * and the two caches that make shared content cheap — the markdown block
 * cache (the same paragraph in three versions is parsed once) and the
 * highlighted-code cache.
 */
export interface RenderTools {
  registry: ShortcodeRegistry;
  markdown: MarkdownRenderer;
  highlighter: CodeHighlighter;
}

/** `highlighter`: one to keep using (its cache of highlighted code is the same whatever the config). */
export function createRenderTools(config: StrataConfig, registry: ShortcodeRegistry, highlighter: CodeHighlighter = createCodeHighlighter()): RenderTools {
  return { registry, markdown: createMarkdownRenderer(config.markdown), highlighter };
}

/** What every page of a version shares while rendering (readfile cache, page index, site data). */
export function createVersionEnv(prepared: PreparedVersion, config: StrataConfig, tools: RenderTools): VersionEnv {
  const { version } = prepared;
  return {
    version: { name: version.name, label: version.label },
    index: prepared.index,
    registry: tools.registry,
    markdown: tools.markdown,
    readFile: createFileReader(version.tree, config.contentDir),
    pages: new VersionPages(prepared.pages, config.contentDir),
    site: { title: config.title, baseUrl: config.baseUrl, params: config.params, data: prepared.data },
    markdownified: new Map(),
    highlighter: tools.highlighter,
  };
}

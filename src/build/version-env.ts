import type { StrataConfig } from '../config/schema.js';
import { createMarkdownRenderer } from '../markdown/processor.js';
import { VersionPages } from '../links/version-pages.js';
import type { ShortcodeRegistry } from '../shortcodes/registry.js';
import type { CodeHighlighter } from '../transforms/highlight-code.js';
import { createFileReader } from './file-reader.js';
import type { PreparedVersion } from './prepare-version.js';
import type { VersionEnv } from './render-page.js';

/** What every page of a version shares while rendering (readfile cache, processor, shortcodes). */
export function createVersionEnv(prepared: PreparedVersion, config: StrataConfig, registry: ShortcodeRegistry, highlighter?: CodeHighlighter): VersionEnv {
  const { version } = prepared;
  return {
    version: { name: version.name, label: version.label },
    index: prepared.index,
    registry,
    markdown: createMarkdownRenderer(config.markdown),
    readFile: createFileReader(version.tree, config.contentDir),
    pages: new VersionPages(prepared.pages, config.contentDir),
    site: { title: config.title, baseUrl: config.baseUrl, params: config.params, data: prepared.data },
    markdownified: new Map(),
    ...(highlighter ? { highlighter } : {}),
  };
}

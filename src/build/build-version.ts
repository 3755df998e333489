import { toHtml } from 'hast-util-to-html';
import type { StrataConfig } from '../config/schema.js';
import type { ShortcodeRegistry } from '../shortcodes/registry.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { checkAnchors, type AnchorSource } from '../links/check-anchors.js';
import type { SiteLayoutInfo } from './layout-page.js';
import type { OutputSink } from './output.js';
import { pageDocument, versionFolders } from './page-document.js';
import type { PreparedVersion } from './prepare-version.js';
import { renderPage, type RenderedPage } from './render-page.js';
import { createVersionEnv } from './version-env.js';
import { versionFiles } from './version-files.js';

export interface VersionBuildOptions {
  config: StrataConfig;
  registry: ShortcodeRegistry;
  site: SiteLayoutInfo;
  /** Every version of the site, newest first: the switcher lists them all. */
  all: readonly PreparedVersion[];
  sink: OutputSink;
  write: boolean;
  onPage?: (rendered: RenderedPage, html: string) => void;
}

/**
 * Stages 2–7 for one version, page by page: render, lay out, write. Only each
 * page's ids and links are kept for the anchor check, so memory stays flat
 * however large the site.
 */
export async function buildVersion(prepared: PreparedVersion, options: VersionBuildOptions): Promise<{ pages: number; diagnostics: Diagnostic[]; features: Set<string> }> {
  const { config, site, all, sink } = options;
  const diagnostics: Diagnostic[] = [...prepared.diagnostics];
  const env = createVersionEnv(prepared, config, options.registry);
  const features = new Set<string>();
  const folders = versionFolders(prepared);
  const anchors: AnchorSource[] = [];

  for (const page of prepared.pages) {
    const rendered = await renderPage(page, env);
    diagnostics.push(...rendered.diagnostics);
    anchors.push({ url: page.url, file: page.file, ids: rendered.ids, links: rendered.links });
    for (const feature of rendered.features) features.add(feature);
    options.onPage?.(rendered, toHtml(rendered.body));
    if (!options.write) continue;
    for (const folder of folders) await sink.write(`${folder}${page.url}index.html`, pageDocument(rendered, prepared, all, site, folder));
  }
  diagnostics.push(...checkAnchors(anchors));

  if (options.write) {
    for (const folder of folders) {
      for (const file of versionFiles(prepared, site, folder)) {
        const data = 'data' in file ? file.data : await prepared.version.tree.read(file.source);
        if (data !== undefined) await sink.write(file.path, data);
      }
    }
  }
  return { pages: prepared.pages.length, diagnostics, features };
}

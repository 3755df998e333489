import { toHtml } from 'hast-util-to-html';
import type { StrataConfig } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { checkAnchors, type AnchorSource } from '../links/check-anchors.js';
import { createMarkdownRenderer } from '../markdown/processor.js';
import { builtinShortcodes, ShortcodeRegistry } from '../shortcodes/registry.js';
import type { VersionLink } from '../theme/contract.js';
import { switchTarget } from '../versions/switcher-targets.js';
import { createFileReader } from './file-reader.js';
import { layoutPage, type SiteLayoutInfo, type VersionLayoutInfo } from './layout-page.js';
import type { OutputSink } from './output.js';
import type { PreparedVersion } from './prepare-version.js';
import { renderPage, type RenderedPage } from './render-page.js';
import { relativeUrl } from '../links/urls.js';
import { pagesJson, redirectPage } from './site-files.js';

/** The output folder of a version; the latest one is written a second time under `latest/`. */
export const LATEST_FOLDER = 'latest';

export interface VersionBuildOptions {
  config: StrataConfig;
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
export async function buildVersion(prepared: PreparedVersion, options: VersionBuildOptions): Promise<{ pages: number; diagnostics: Diagnostic[] }> {
  const { version } = prepared;
  const { config, site, all, sink } = options;
  const diagnostics: Diagnostic[] = [...prepared.diagnostics];
  const env = {
    version: { name: version.name, label: version.label },
    index: prepared.index,
    registry: new ShortcodeRegistry(builtinShortcodes),
    markdown: createMarkdownRenderer(config.markdown),
    readFile: createFileReader(version.tree, config.contentDir),
    markdownified: new Map(),
  };
  const latest = all.find((v) => v.version.latest);
  const folders = version.latest ? [version.name, LATEST_FOLDER] : [version.name];
  const anchors: AnchorSource[] = [];

  for (const page of prepared.pages) {
    const rendered = await renderPage(page, env);
    diagnostics.push(...rendered.diagnostics);
    anchors.push({ url: page.url, file: page.file, ids: rendered.ids, links: rendered.links });
    options.onPage?.(rendered, toHtml(rendered.body));
    if (!options.write) continue;
    for (const folder of folders) {
      const info = layoutInfo(prepared, folder);
      const html = layoutPage(rendered, info, site, {
        versions: versionLinks(page.url, page.aliases, prepared, all, folder === LATEST_FOLDER),
        canonical: canonicalPath(page.url, page.aliases, latest),
        noindex: version.status === 'unmaintained',
      });
      await sink.write(`${folder}${page.url}index.html`, html);
    }
  }
  diagnostics.push(...checkAnchors(anchors));

  if (options.write) {
    for (const folder of folders) {
      for (const file of prepared.files) {
        const bytes = await version.tree.read(file.source);
        if (bytes) await sink.write(`${folder}/${file.output}`, bytes);
      }
      await sink.write(`${folder}/strata-pages.json`, pagesJson(prepared));
      for (const [alias, target] of prepared.switcher.aliases) {
        if (prepared.byUrl.has(alias)) continue;
        await sink.write(`${folder}${alias}index.html`, redirectPage(relativeUrl(alias, target), site.urlOf(`/${folder}${target}`)));
      }
    }
  }
  return { pages: prepared.pages.length, diagnostics };
}

function layoutInfo(prepared: PreparedVersion, folder: string): VersionLayoutInfo {
  const { version } = prepared;
  return {
    name: version.name,
    label: version.label,
    status: version.status,
    latest: version.latest,
    alias: folder === LATEST_FOLDER ? LATEST_FOLDER : undefined,
    folder,
    nav: prepared.nav,
    order: prepared.order,
    byUrl: prepared.byUrl,
  };
}

/** The switcher's entries for one page: every version, linking to the same page or its fallback there. */
function versionLinks(url: string, aliases: readonly string[], own: PreparedVersion, all: readonly PreparedVersion[], inLatestFolder: boolean): Array<Omit<VersionLink, 'href'> & { target: string }> {
  return all.map((other) => {
    const { version } = other;
    const found = other === own ? { url, samePage: true } : switchTarget(url, aliases, other.switcher);
    const folder = version.latest ? LATEST_FOLDER : version.name;
    return {
      name: version.name,
      label: version.label,
      status: version.status,
      latest: version.latest,
      current: other === own,
      samePage: found.samePage,
      // Inside `latest/` the current entry stays in `latest/`; elsewhere the latest version is reached through `latest/` too.
      target: `/${other === own && !inLatestFolder ? version.name : folder}${found.url}`,
    };
  });
}

/** The page in the latest version when it exists there (by path or alias), else the page itself. */
function canonicalPath(url: string, aliases: readonly string[], latest: PreparedVersion | undefined): string | undefined {
  if (!latest) return undefined;
  const found = switchTarget(url, aliases, latest.switcher);
  return found.samePage ? `/${LATEST_FOLDER}${found.url}` : undefined;
}

import path from 'node:path';
import type { LoadedSite } from '../build/load-site.js';
import type { SiteLayoutInfo } from '../build/layout-page.js';
import type { OutputSink } from '../build/output.js';
import { LATEST_FOLDER, versionFolders } from '../build/page-document.js';
import type { PreparedVersion } from '../build/prepare-version.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { rules } from '../diagnostics/rules.js';
import { unreachablePages } from '../nav/unreachable.js';
import { parseBaseUrl, type BaseUrl } from './base-url.js';
import type { VersionManifest } from './manifest.js';
import { notFoundPage } from './not-found.js';
import { OutputCheck, type PageScan } from './output-check.js';
import { outputCollisions } from './output-paths.js';
import { siteRootFiles } from './root-files.js';
import { siteManifest, versionPublishFiles, type PublishContext } from './version-publish.js';

export interface PublisherOptions {
  siteDir: string;
  outDir: string;
  /** The one version built (`--version`): links into the others are left for `strata merge` to check. */
  only?: PreparedVersion;
}

/**
 * What a build adds for publishing, in the order the build calls it: checks
 * and files per version, then the site's files, then the check of the whole
 * output. The build stays the one place that knows the order of the stages.
 */
export class SitePublisher {
  readonly base: BaseUrl;
  readonly #site: LoadedSite;
  readonly #options: PublisherOptions;
  readonly #context: PublishContext;
  readonly #check: OutputCheck;
  readonly #manifests: VersionManifest[] = [];

  constructor(site: LoadedSite, options: PublisherOptions) {
    this.#site = site;
    this.#options = options;
    const parsed = parseBaseUrl(site.config.baseUrl);
    this.base = parsed.ok ? parsed.base : { href: '/', path: '/', origin: undefined };
    this.#context = { siteDir: options.siteDir, config: site.config, base: this.base, site: siteManifest(this.base, site.config, site.versions), all: site.versions };
    const latest = site.versions.find((v) => v.version.latest)?.version.name;
    const mine = new Set(options.only ? versionFolders(options.only) : []);
    const rel = path.relative(options.siteDir, options.outDir).split(path.sep).join('/');
    this.#check = new OutputCheck({
      base: this.base,
      displayPrefix: rel ? `${rel}/` : '',
      ...(options.only ? { elsewhere: (target: string) => !(mine.has(target.split('/')[0] as string) || target.startsWith('assets/') || target === '404.html') } : {}),
      versionOf: (target) => {
        const folder = target.split('/')[0] as string;
        return folder === LATEST_FOLDER ? latest : site.versions.some((v) => v.version.name === folder) ? folder : undefined;
      },
    });
  }

  /** `sink`, with every file written through it kept for the output check. */
  wrap(sink: OutputSink): OutputSink {
    return this.#check.wrap(sink);
  }

  /** A page the build cache kept in the output as it was. */
  addKept(path: string): void {
    this.#check.addKept(path);
  }

  /** A page scanned on the thread that laid it out, written past the wrapped sink. */
  addScanned(path: string, scan: PageScan): void {
    this.#check.addScanned(path, scan);
  }

  /** Checks of a version that need no rendering: output path collisions, pages the navigation cannot reach. */
  versionChecks(version: PreparedVersion): Diagnostic[] {
    return [...outputCollisions(version), ...unreachablePages(version.pages, version.nav, this.#site.config.contentDir)];
  }

  /** A version's sitemaps and manifest. */
  async versionFiles(version: PreparedVersion): Promise<Array<{ path: string; data: string }>> {
    const { files, manifest } = await versionPublishFiles(version, this.#context);
    this.#manifests.push(manifest);
    return files;
  }

  /** 404.html, and, for a whole build, the root files made from the versions' manifests. */
  siteFiles(layout: SiteLayoutInfo): Array<{ path: string; data: string }> {
    const files = [{ path: '404.html', data: notFoundPage(layout, this.#site.versions, this.base) }];
    if (!this.#options.only) files.push(...siteRootFiles(this.#context.site, this.#manifests));
    return files;
  }

  /** The check of the whole output, once everything is written; `found` is what the build reported so far. */
  finish(found: readonly Diagnostic[]): Diagnostic[] {
    const out: Diagnostic[] = [];
    const { base } = this;
    if (base.origin === undefined && base.path !== '/') {
      out.push({ severity: 'warning', ruleId: rules.outputNoSitemap, message: `no sitemap.xml: the base URL \`${base.href}\` has no host; give the full address (https://docs.example.com${base.path}) to have sitemaps` });
    }
    // A page whose own links were reported from its source is not reported again from its output.
    const withLinkErrors = new Set(found.filter((d) => d.ruleId === rules.linkMissingPage || d.ruleId === rules.linkMissingAnchor).map((d) => d.file));
    const sourceOf = new Map<string, string>();
    const built = this.#options.only ? [this.#options.only] : this.#site.versions;
    for (const version of built) for (const folder of versionFolders(version)) for (const page of version.pages) sourceOf.set(`${folder}${page.url}index.html`, page.file);
    out.push(...this.#check.finish((p) => withLinkErrors.has(sourceOf.get(p))));
    return out;
  }
}

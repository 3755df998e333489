import path from 'node:path';
import type { FileEvent } from './change-queue.js';

/** What the planner needs to know about the site: where each kind of input lives (absolute paths). */
export interface SiteShape {
  siteDir: string;
  /** Every name a config file may have. */
  configFiles: readonly string[];
  /** The theme in use. */
  themeDir: string;
  /** A site theme of the configured name, which replaces a built-in one when it appears. */
  siteThemeDir: string;
  /** The site's own layouts, which override the theme's one by one. */
  layoutsDir: string;
  /** Where snapshot folders appear (`<site>/versions`). */
  versionsDir: string;
  contentDir: string;
  /** Versions read from folders (git refs are not watched). */
  versions: ReadonlyArray<{ name: string; root: string }>;
}

export type TreeChange = 'add' | 'change' | 'unlink';

/** The changes inside one version's tree, by tree path (`content/a.md`, `static/x.md`). */
export interface VersionPlan {
  /** Markdown pages under the content folder. */
  pages: Map<string, TreeChange>;
  /** Every other file: static files, content assets, anything a `readfile` may read. */
  files: Map<string, TreeChange>;
}

/**
 * The smallest action for a batch of file events, VitePress style: config,
 * theme code or the set of versions → load the site again; layouts → lay
 * pages out again; theme assets → new asset files (a stylesheet is swapped in
 * the browser); a version's files → that version's pages and files.
 */
export interface ChangePlan {
  /** Why the whole site must be loaded again, if it must. */
  reload: string | undefined;
  /** Theme or site layouts changed: load the theme again and lay every page out again; renders stay. */
  layouts: boolean;
  /** Theme assets that changed, by asset name (`style.css`). */
  assets: string[];
  versions: Map<string, VersionPlan>;
  /** Events that touch nothing the site reads. */
  ignored: string[];
}

const PAGE_FILE = /\.(md|markdown)$/i;

export function planChange(events: readonly FileEvent[], shape: SiteShape): ChangePlan {
  const plan: ChangePlan = { reload: undefined, layouts: false, assets: [], versions: new Map(), ignored: [] };
  const display = (p: string) => toSlash(path.relative(shape.siteDir, p)) || '.';
  const reload = (reason: string) => {
    plan.reload ??= reason;
  };
  // Longest root first, so `versions/1.16.x` wins over the working tree that contains it.
  const roots = [...shape.versions].sort((a, b) => b.root.length - a.root.length);

  for (const event of events) {
    const file = event.path;
    const isDir = event.kind === 'addDir' || event.kind === 'unlinkDir';
    if (shape.configFiles.includes(file)) {
      reload(`${display(file)} changed`);
      continue;
    }
    if (inside(shape.themeDir, file)) {
      const rel = toSlash(path.relative(shape.themeDir, file));
      if (!isDir && rel.startsWith('assets/')) plan.assets.push(rel.slice('assets/'.length));
      else if (rel.startsWith('layouts/') || rel === 'layouts' || rel.startsWith('assets/') || rel === 'assets') plan.layouts = true;
      else reload(`theme file ${display(file)} changed`);
      continue;
    }
    if (inside(shape.layoutsDir, file)) {
      plan.layouts = true;
      continue;
    }
    if (inside(shape.siteThemeDir, file)) {
      reload(`theme ${display(shape.siteThemeDir)} changed`);
      continue;
    }
    // The working tree contains `versions/`, whose folders are versions of their own (or new ones).
    const inVersions = inside(shape.versionsDir, file);
    const version = roots.find((v) => inside(v.root, file) && (!inVersions || inside(shape.versionsDir, v.root)));
    if (version) {
      const tree = toSlash(path.relative(version.root, file));
      if (event.kind === 'unlinkDir' && (tree === '' || tree === shape.contentDir)) {
        reload(`version ${version.name}: ${display(file)}/ was removed`);
        continue;
      }
      // A folder's files report themselves; folders alone change nothing.
      if (isDir) continue;
      let changes = plan.versions.get(version.name);
      if (!changes) plan.versions.set(version.name, (changes = { pages: new Map(), files: new Map() }));
      const kind = event.kind as 'add' | 'change' | 'unlink';
      if (tree.startsWith(`${shape.contentDir}/`) && PAGE_FILE.test(tree)) changes.pages.set(tree, kind);
      else changes.files.set(tree, kind);
      continue;
    }
    if (inVersions) {
      // A snapshot folder that gains or loses its content folder is a version appearing or going.
      const [name, second] = toSlash(path.relative(shape.versionsDir, file)).split('/');
      if (name && second === shape.contentDir) {
        reload(`versions/${name}/ changed`);
        continue;
      }
    }
    plan.ignored.push(file);
  }
  return plan;
}

function inside(dir: string, file: string): boolean {
  return file === dir || file.startsWith(dir + path.sep);
}

function toSlash(p: string): string {
  return p.split(path.sep).join('/');
}

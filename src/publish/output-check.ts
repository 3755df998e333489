import type { OutputSink } from '../build/output.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { rules } from '../diagnostics/rules.js';
import type { RuleId } from '../diagnostics/rules.js';
import { isExternal, resolvePlainUrl, safeDecode } from '../links/urls.js';
import { suggest } from '../shortcodes/suggest.js';
import type { BaseUrl } from './base-url.js';
import { eachReference, scanHtml, type HtmlReference, type HtmlScan, type TreeScan } from './html-scan.js';
import { StringPool } from '../util/string-pool.js';

export interface OutputCheckOptions {
  base: BaseUrl;
  /** Put before output paths in messages (`dist/`), so they name a file the reader can open. */
  displayPrefix: string;
  /** Output paths that exist in the published site but are not made by this run (other versions, with `--version`): not checked. */
  elsewhere?: (outputPath: string) => boolean;
  /** The version an output path belongs to, for diagnostics. */
  versionOf?: (outputPath: string) => string | undefined;
}

/** A page's scan: from its HTML (`scanHtml`), or packed, from its tree on a render thread (`scanElement`). */
export type PageScan = HtmlScan | TreeScan;

/**
 * A reference taken as far as its page alone allows, when the page is added
 * (while the other pages are still rendering): either a problem already, or
 * the file and fragment to look up once every file is known.
 */
type Prepared =
  | { problem: Omit<Problem, 'others'>; key: string }
  | { ref: HtmlReference; target: string; fragment: string | undefined; /** `indexFileOf(target)`, made once. */ file: string };

interface CheckedPage {
  ids: Set<string>;
  references: Prepared[];
}

interface Problem {
  ruleId: RuleId;
  message: string;
  path: string;
  place: { line: number; column: number } | undefined;
  /** The page's source file, when the place is in it. */
  source?: string;
  others: number;
}

const NOT_FOUND_PAGE = '404.html';
const ORIGIN = 'http://strata.invalid';

/**
 * Checks the output as a host will serve it: every `href`, `src`, `srcset`
 * and meta refresh of every HTML file written (theme output, redirect pages
 * and raw HTML included) must lead to a file of the output, stay under the
 * base path, and find its `#fragment` on the page it points into. Pages are
 * read as they are written, keeping only their ids and references.
 *
 * One broken target is reported once, at its first page, with a count of the
 * others: a broken link in a layout would otherwise repeat on every page.
 * Each reference is resolved against its page as the page comes in, so what
 * is left at the end is looking targets up.
 */
export class OutputCheck {
  readonly #options: OutputCheckOptions;
  readonly #files = new Set<string>();
  readonly #pages = new Map<string, CheckedPage>();
  /** Thousands of pages link the same few hundred targets and repeat the same ids. */
  readonly #strings = new StringPool();
  /**
   * Theme markup (references without a place) repeats on every page of a version: the same link, resolved
   * to the same target, is kept once for all the pages that have it, not once per page.
   */
  readonly #shared = new Map<string, Prepared>();
  /**
   * Theme links as they resolve from the pages of one folder (`../x/` from `a/b/index.html` and from
   * `a/c/index.html` is `x/` for both), and absolute ones from any page: a sibling's link is taken as
   * it is, without being resolved again (most of the check's time on the main thread, for corpus B).
   */
  readonly #resolvedFrom = new Map<string, Map<string, Extract<Prepared, { target: string }>>>();
  /** What each target leads to (`#resolve`, or null: nothing), while `finish` checks. */
  readonly #served = new Map<string, string | null>();

  constructor(options: OutputCheckOptions) {
    this.#options = options;
  }

  add(path: string, data: string | Uint8Array): void {
    this.#files.add(path);
    if (!/\.html?$/i.test(path)) return;
    const html = typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
    this.addScanned(path, scanHtml(html));
  }

  /** A file kept in the output from the last build (the build cache spared it): a valid target, not checked again. */
  addKept(path: string): void {
    this.#files.add(path);
  }

  /** A page scanned elsewhere (on the render thread that wrote it). */
  addScanned(path: string, scan: PageScan): void {
    this.#files.add(path);
    const ids = new Set<string>();
    for (const id of scan.ids) ids.add(this.#string(id));
    this.#pages.set(path, { ids, references: this.#prepare(path, scan, ids) });
  }

  /** `sink`, with every file written through it checked. */
  wrap(sink: OutputSink): OutputSink {
    return {
      write: async (file, data) => {
        this.add(file, data);
        await sink.write(file, data);
      },
      copy: async (file, from) => {
        const { readFile } = await import('node:fs/promises');
        this.add(file, await readFile(from));
        await sink.copy(file, from);
      },
      commit: () => sink.commit(),
      abort: () => sink.abort(),
    };
  }

  /** The problems found; `skip` leaves out pages whose links were already reported from their source. */
  finish(skip: (outputPath: string) => boolean = () => false): Diagnostic[] {
    this.#served.clear();
    const problems = new Map<string, Problem>();
    const report = (key: string, problem: Omit<Problem, 'others'>) => {
      const seen = problems.get(key);
      if (seen) seen.others++;
      else problems.set(key, { ...problem, others: 0 });
    };
    for (const path of [...this.#pages.keys()].sort(byPath)) {
      if (skip(path)) continue;
      for (const prepared of (this.#pages.get(path) as CheckedPage).references) this.#check(path, prepared, report);
    }
    const { displayPrefix, versionOf } = this.#options;
    return [...problems.values()].map((p) => {
      const version = versionOf?.(p.path);
      return {
        severity: 'error',
        ruleId: p.ruleId,
        message: p.message + (p.others ? ` (and on ${p.others} other page${p.others === 1 ? '' : 's'})` : ''),
        file: p.source ?? displayPrefix + p.path,
        ...(p.place ? { place: p.place } : {}),
        ...(version === undefined ? {} : { version }),
      };
    });
  }

  /** What can be known of a page's references from the page alone. */
  #prepare(path: string, page: PageScan, ids: ReadonlySet<string>): Prepared[] {
    // Every reference of a page resolves against the same address: made once, not per link.
    let address: URL | undefined;
    const pageUrl = () => (address ??= new URL(page.base ?? '', ORIGIN + this.#options.base.path + encodeURI(path)));
    const out: Prepared[] = [];
    const parentFolder = page.base === undefined && path !== NOT_FOUND_PAGE ? path.slice(0, path.lastIndexOf('/', path.lastIndexOf('/') - 1) + 1) : undefined;
    // Most references are looked up in these two: the links of the page's folder, and absolute ones.
    let fromFolder = parentFolder === undefined ? undefined : this.#resolvedFrom.get(parentFolder);
    let fromRoot = parentFolder === undefined ? undefined : this.#resolvedFrom.get('');
    const take = (tag: string, attribute: string, url: string, line: number, column: number, source: string | undefined, given?: HtmlReference) => {
      // A theme link up from the page's folder, or absolute: as its siblings resolved it, when it is not this page itself.
      const scope = parentFolder === undefined || line > 0 || source !== undefined ? undefined : url.startsWith('../') ? parentFolder : url.startsWith('/') ? '' : undefined;
      const resolved = scope === undefined ? undefined : (scope === '' ? fromRoot : fromFolder)?.get(url);
      if (resolved && resolved.ref.tag === tag && resolved.ref.attribute === attribute && resolved.file !== path) {
        out.push(resolved);
        return;
      }
      // Only now an object, and its URL a string of its own: a slice of a packed scan would keep all of it.
      const ref = given ?? (source === undefined ? { tag, attribute, url: ownCopy(url), line, column } : { tag, attribute, url: ownCopy(url), line, column, source });
      const prepared = this.#prepareOne(path, pageUrl, ref);
      if (!prepared) return;
      // A link into the page itself (its table of contents) is checked now: the page and its ids are known.
      if (!('problem' in prepared) && prepared.file === path) {
        if (prepared.fragment !== undefined && !ids.has(prepared.fragment)) out.push(anchorProblem(path, prepared.ref, path, prepared.fragment, ids));
        return;
      }
      const shared = this.#share(prepared);
      if (scope !== undefined && !('problem' in shared)) {
        let resolvedHere = this.#resolvedFrom.get(scope);
        if (!resolvedHere) {
          this.#resolvedFrom.set(scope, (resolvedHere = new Map()));
          if (scope === '') fromRoot = resolvedHere;
          else fromFolder = resolvedHere;
        }
        resolvedHere.set(shared.ref.url, shared);
      }
      out.push(shared);
    };
    if ('packed' in page) eachReference(page, take);
    else for (const ref of page.references) take(ref.tag, ref.attribute, ref.url, ref.line, ref.column, ref.source, ref);
    return out;
  }

  /** The kept form of a prepared reference: shared with other pages when it carries nothing of its own page. */
  #share(prepared: Prepared): Prepared {
    if ('problem' in prepared) return prepared;
    const { ref } = prepared;
    // A link within its page (`#…`) is the page's own too: sharing it would only cost a key per page.
    const own = ref.line > 0 || ref.source !== undefined || ref.url.startsWith('#');
    const key = own ? '' : `${ref.tag}\0${ref.attribute}\0${ref.url}\0${prepared.target}\0${prepared.fragment === undefined ? '' : `#${prepared.fragment}`}`;
    const shared = own ? undefined : this.#shared.get(key);
    if (shared) return shared;
    // Pages come from other threads with their own copy of every string: keep one of each (of what is kept).
    ref.tag = this.#string(ref.tag);
    ref.attribute = this.#string(ref.attribute);
    ref.url = this.#string(ref.url);
    if (ref.source !== undefined) ref.source = this.#string(ref.source);
    prepared.target = this.#string(prepared.target);
    if (prepared.fragment !== undefined) prepared.fragment = this.#string(prepared.fragment);
    if (!own) this.#shared.set(key, prepared);
    return prepared;
  }

  #string(text: string): string {
    return this.#strings.get(text);
  }

  #prepareOne(path: string, pageUrl: () => URL, ref: HtmlReference): Prepared | undefined {
    const { base, elsewhere } = this.#options;
    const { place, from } = whereIs(ref);
    const what = () => describe(ref);
    let url = ref.url;
    if (isExternal(url)) {
      // A full URL into the site itself (canonical links) is checked like a path.
      if (base.origin === undefined || !url.startsWith(base.href)) return undefined;
      url = url.slice(base.origin.length);
    }
    if (path === NOT_FOUND_PAGE && !url.startsWith('/') && !url.startsWith('#')) {
      return { key: `404:${url}`, problem: { ruleId: rules.outputRelative404, message: `${what()} must be an absolute path (\`${base.path}…\`): 404.html is served at any address`, path, place } };
    }
    let resolved: { pathname: string; fragment: string } | undefined = resolvePlainUrl(pageUrl().pathname, url);
    if (!resolved) {
      let parsed: URL;
      try {
        parsed = new URL(url, pageUrl());
      } catch {
        return { key: `bad:${path}:${url}`, problem: { ruleId: rules.outputMissing, message: `${what()} is not a valid URL`, path, place, ...from } };
      }
      if (parsed.origin !== ORIGIN) return undefined;
      resolved = { pathname: parsed.pathname, fragment: parsed.hash.slice(1) };
    }
    const pathname = safeDecode(resolved.pathname);
    if (!pathname.startsWith(base.path)) {
      return {
        key: `outside:${pathname}`,
        problem: { ruleId: rules.outputOutsideBase, message: `${what()} leads to \`${pathname}\`, outside the base path \`${base.path}\`: write links relative, or under the base path`, path, place, ...from },
      };
    }
    const target = pathname.slice(base.path.length);
    if (elsewhere?.(target)) return undefined;
    const fragment = resolved.fragment === '' ? '' : safeDecode(resolved.fragment);
    return { ref, target, fragment: fragment === '' || fragment === 'top' ? undefined : fragment, file: indexFileOf(target) };
  }

  /** A prepared reference, now that every file and id is known. */
  #check(path: string, prepared: Prepared, report: (key: string, problem: Omit<Problem, 'others'>) => void): void {
    if ('problem' in prepared) {
      report(prepared.key, prepared.problem);
      return;
    }
    const { ref, target, fragment } = prepared;
    // Pages share their targets: each is looked up once.
    let file = this.#served.get(target);
    if (file === undefined) this.#served.set(target, (file = this.#resolve(target) ?? null));
    if (file === null) {
      const { place, from } = whereIs(ref);
      report(`missing:${target}`, { ruleId: rules.outputMissing, message: `${describe(ref)} leads to \`${target || './'}\`, which is not in the output`, path, place, ...from });
      return;
    }
    if (fragment === undefined) return;
    const linked = this.#pages.get(file);
    if (!linked || linked.ids.has(fragment)) return;
    const missing = anchorProblem(path, ref, file, fragment, linked.ids);
    report(missing.key, missing.problem);
  }

  /** The file a static host serves for `target` (`a/` → `a/index.html`; `a` → `a/index.html` after its redirect). */
  #resolve(target: string): string | undefined {
    if (target === '' || target.endsWith('/')) return this.#files.has(`${target}index.html`) ? `${target}index.html` : undefined;
    if (this.#files.has(target)) return target;
    return this.#files.has(`${target}/index.html`) ? `${target}/index.html` : undefined;
  }
}

/** The file a target names when it is a folder's page (`a/` → `a/index.html`); other targets as they are. */
function indexFileOf(target: string): string {
  return target === '' || target.endsWith('/') ? `${target}index.html` : target;
}

/** A reference on page `path` into `file`, which has no element with id `fragment`. */
function anchorProblem(path: string, ref: HtmlReference, file: string, fragment: string, ids: ReadonlySet<string>): { problem: Omit<Problem, 'others'>; key: string } {
  const { place, from } = whereIs(ref);
  return {
    key: `anchor:${file}#${fragment}`,
    problem: { ruleId: rules.outputAnchor, message: `${describe(ref)}: \`${file}\` has no element with id \`${fragment}\`${suggest(fragment, [...ids])}`, path, place, ...from },
  };
}

/** Where a message about a reference points: its place, in the page's source when it came from content. */
function whereIs(ref: HtmlReference): { place: Problem['place']; from: { source?: string } } {
  return { place: ref.line > 0 ? { line: ref.line, column: ref.column } : undefined, from: ref.source === undefined ? {} : { source: ref.source } };
}

/** How a message names a reference: the attribute as written in the page. */
function describe(ref: HtmlReference): string {
  return `\`<${ref.tag} ${ref.attribute === 'http-equiv=refresh' ? 'http-equiv="refresh" content' : ref.attribute}="${ref.url}">\``;
}

/**
 * A copy of `text` that shares no memory with a longer string: V8 makes a
 * long slice point into the string it comes from. Joined to a character,
 * then sliced, it points into the joined copy instead.
 */
function ownCopy(text: string): string {
  return text.length < 13 ? text : `${text} `.slice(0, -1);
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import { isUtf8 } from 'node:buffer';
import { hash } from 'node:crypto';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { rules } from '../diagnostics/rules.js';
import type { SourceTree } from '../versions/source-tree.js';
import { decodeText, placeOfByte } from './decode.js';
import { fieldPlace, splitFrontMatter } from './front-matter.js';
import { headOf, type PageRecord } from './page.js';
import { normaliseUrl, routeOf } from './routes.js';

const PAGE_FILE = /\.(md|markdown)$/i;

export interface Discovery {
  pages: PageRecord[];
  /** Non-markdown files under `content/` (images beside their pages), by tree path. */
  assets: string[];
  diagnostics: Diagnostic[];
}

/** Lets discovery skip reading files the last build read, when their fingerprint is unchanged. */
export interface DiscoveryCache {
  lookup(source: string, fingerprint: string | undefined): PageRecord | undefined;
  remember(source: string, fingerprint: string, record: PageRecord): void;
  /**
   * Whether a page read must be hashed now, for its render key (`contentHash`):
   * when the last build left renders to compare it with. Otherwise a page
   * read in part is hashed by its renderer, which reads it whole.
   */
  readonly hashes: boolean;
}

export interface DiscoverOptions {
  contentDir: string;
  /** Build pages marked `draft: true` (the dev server's choice). */
  drafts?: boolean;
  cache?: DiscoveryCache;
  /** Regular expressions (Hugo's `ignoreFiles`): files whose tree path or content-relative path matches are left out. */
  ignoreFiles?: readonly string[];
  /**
   * Decode each page's front matter only: records come with `text` empty and
   * `head` set, for a build, whose renderers read every page again. Without
   * a cache to hash pages for, only a page's first 4 KB are read; a page read
   * whole is checked (UTF-8, no NUL), not decoded.
   */
  headsOnly?: boolean;
}

/**
 * Walks a version's content folder into page records: route, front matter,
 * title. Pages sharing a URL are reported here, before any rendering.
 */
export async function discoverPages(tree: SourceTree, options: DiscoverOptions): Promise<Discovery> {
  const ignored = ignoreFilter(options);
  const files = (await tree.list(options.contentDir)).filter((file) => !ignored(file));
  const diagnostics: Diagnostic[] = [];
  let assets: string[] = [];
  let pages: PageRecord[] = [];
  await Promise.all(
    files.map(async (source) => {
      if (!PAGE_FILE.test(source)) {
        assets.push(source);
        return;
      }
      const page = await cachedPage(tree, source, options);
      if (page && (!page.draft || options.drafts)) pages.push(page);
      else if (page) diagnostics.push(...page.diagnostics);
      else if ((await tree.kind(source)) === 'outside') diagnostics.push(outsideRoot(tree.displayPrefix + source));
    }),
  );
  if (!options.drafts) {
    // As in Hugo, a draft section leaves out everything below it.
    const draftDirs = files.filter((f) => /(^|\/)_index\.(md|markdown)$/i.test(f) && !pages.some((p) => p.source === f)).map((f) => f.slice(0, f.lastIndexOf('/') + 1));
    const kept = (file: string) => !draftDirs.some((dir) => file.startsWith(dir));
    pages = pages.filter((p) => kept(p.source));
    assets = assets.filter(kept);
  }
  pages.sort((a, b) => a.source.localeCompare(b.source));
  assets.sort();
  diagnostics.push(...duplicateUrls(pages));
  return { pages, assets, diagnostics };
}

/**
 * Hugo's `ignoreFiles` (regular expressions, tried on `content/a/b.md` and
 * `a/b.md`) and its editor-file rule: names starting with `#` or ending with `~`.
 */
function ignoreFilter(options: DiscoverOptions): (file: string) => boolean {
  const patterns = (options.ignoreFiles ?? []).map((p) => new RegExp(p));
  return (file) => {
    const name = file.slice(file.lastIndexOf('/') + 1);
    if (name.startsWith('#') || name.endsWith('~')) return true;
    const rel = file.slice(options.contentDir.length + 1);
    return patterns.some((re) => re.test(file) || re.test(rel));
  };
}

async function cachedPage(tree: SourceTree, source: string, options: DiscoverOptions): Promise<PageRecord | undefined> {
  const { cache } = options;
  const fingerprint = cache ? tree.fingerprint(source) : undefined;
  const known = cache?.lookup(source, fingerprint);
  if (known) return known;
  // The cache keys a page by a hash of all its bytes, taken now when it has renders to compare; else a build reads a page's first bytes only.
  const limit = options.headsOnly && !cache?.hashes ? HEAD_BYTES : undefined;
  const first = await tree.read(source, limit);
  if (!first) return undefined;
  const whole = limit === undefined || first.length < limit;
  const file = tree.displayPrefix + source;
  const fromHead = options.headsOnly ? pageHeadFromBytes(source, file, first, whole, options.contentDir) : undefined;
  const bytes = fromHead || whole ? first : await tree.read(source);
  if (!bytes) return undefined;
  const page = fromHead ?? pageFromBytes(source, file, bytes, options.contentDir);
  if (cache && fingerprint !== undefined) {
    if (whole || !fromHead) page.contentHash = hash('sha1', bytes);
    cache.remember(source, fingerprint, page);
  }
  return page;
}

/** A symlink in the tree that leads out of it: never followed, and said so rather than dropped silently. */
export function outsideRoot(file: string): Diagnostic {
  return warning(rules.contentOutside, 'symlink leads outside the site root, so it is left out (copy the file in instead)', file);
}

export async function readPage(tree: SourceTree, source: string, contentDir: string): Promise<PageRecord | undefined> {
  const bytes = await tree.read(source);
  return bytes && pageFromBytes(source, tree.displayPrefix + source, bytes, contentDir);
}

/**
 * A page's text read again, for a record discovery made and let go of the
 * text of (a render thread's copy, with its `head`). While the file still
 * starts with the front matter discovery read, the record stands and only the
 * text is new: front matter is not parsed twice. A file that changed there
 * since, or that had problems, is read as discovery reads it. With `hash`,
 * the record gets the hash of the bytes read, for a build cache discovery did
 * not hash the page for (`DiscoveryCache.hashes`).
 */
export async function rereadPage(tree: SourceTree, record: PageRecord, contentDir: string, options: { hash?: boolean } = {}): Promise<PageRecord | undefined> {
  const bytes = await tree.read(record.source);
  if (!bytes) return undefined;
  const page = sameRecord(bytes, record) ?? pageFromBytes(record.source, record.file, bytes, contentDir);
  if (options.hash) page.contentHash = hash('sha1', bytes);
  return page;
}

/** `record` with the text of `bytes`, when they still start with the front matter it was made from and it had no problems. */
function sameRecord(bytes: Buffer, record: PageRecord): PageRecord | undefined {
  const { head } = record;
  if (head === undefined || record.diagnostics.length > 0 || bytes.length > MAX_PAGE_BYTES) return undefined;
  const decoded = decodeText(bytes);
  return decoded.ok && sameHead(decoded.text, head) ? { ...record, text: decoded.text } : undefined;
}

/** Whether `text` splits into front matter and body where the text before it did, all before its body being `head`. */
function sameHead(text: string, head: string): boolean {
  if (!text.startsWith(head)) return false;
  // No front matter then: none now either.
  if (head === '') return splitFrontMatter(text, '').format === 'none';
  // The body starts after the line that closes the front matter; right after it only when nothing followed.
  return head.endsWith('\n') || text.length === head.length;
}

function pageFromBytes(source: string, file: string, bytes: Buffer, contentDir: string): PageRecord {
  const diagnostics: Diagnostic[] = [];
  if (bytes.length > MAX_PAGE_BYTES) {
    const size = `${(bytes.length / MB).toFixed(1)} MB`;
    diagnostics.push(error(rules.contentTooLarge, `page is ${size}; Strata renders pages of up to ${MAX_PAGE_BYTES / MB} MB (split it into several pages)`, file, { line: 1, column: 1 }));
    return pageFromText(source, file, '', contentDir, diagnostics);
  }
  const decoded = decodeText(bytes);
  let text = '';
  if (!decoded.ok) {
    const byte = `0x${(bytes[decoded.offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
    const message = decoded.reason === 'binary' ? 'file is binary (a NUL byte here), not markdown' : `file is not valid UTF-8 (byte ${byte} here); save it as UTF-8`;
    diagnostics.push(error(rules.contentEncoding, message, file, placeOfByte(bytes, decoded.offset)));
  } else text = decoded.text;
  return pageFromText(source, file, text, contentDir, diagnostics);
}

const MB = 1024 * 1024;

/** How much of a page `headsOnly` discovery reads and decodes: front matter is a few hundred bytes. */
const HEAD_BYTES = 4096;

/**
 * A record from a page's first bytes, for `headsOnly` discovery, when they
 * give the record the whole text would: the front matter is closed by a whole
 * line within them, it has a `title` (else the body's first heading is the
 * title), and nothing is wrong with it. Any other page is read whole, as it
 * always was, and reported from there. Of a file read whole, all of it must be
 * UTF-8 without NUL; of one read in part, a bad byte further on is reported
 * by the renderer, which reads the page again.
 */
function pageHeadFromBytes(source: string, file: string, bytes: Buffer, whole: boolean, contentDir: string): PageRecord | undefined {
  if (whole && (bytes.length > MAX_PAGE_BYTES || bytes.includes(0) || !isUtf8(bytes))) return undefined;
  let cut = Math.min(bytes.length, HEAD_BYTES);
  // Not inside a character: back to the first byte of the one the cut falls in (the last one read, when more may follow).
  if (cut < bytes.length || !whole) while (cut > 0 && ((bytes[cut] ?? 0x80) & 0xc0) === 0x80) cut--;
  const decoded = decodeText(bytes.subarray(0, cut));
  if (!decoded.ok) return undefined;
  const record = pageFromText(source, file, decoded.text, contentDir);
  const head = decoded.text.slice(0, record.bodyOffset);
  const closed = (whole && cut === bytes.length) || head.endsWith('\n');
  if (!closed || record.bodyOffset === 0 || record.frontMatter.title === undefined || record.diagnostics.length > 0) return undefined;
  // Copied: a slice would keep the whole 4 KB decoded alive with the record.
  return { ...record, text: '', head: Buffer.from(head).toString() };
}

/**
 * The largest page Strata renders. Hand-written pages stay under 1 MB and
 * generated references under a few; a 10 MB page takes ~20 s and 1.7 GB to
 * render (and once per version and thread), so a page that large is almost
 * surely a mistake (a log or a dump saved as `.md`), reported rather than built.
 */
export const MAX_PAGE_BYTES = 5 * MB;

/** A page record from its text: front matter, route and title. */
export function pageFromText(source: string, file: string, text: string, contentDir: string, diagnostics: Diagnostic[] = []): PageRecord {
  const split = splitFrontMatter(text, file);
  diagnostics.push(...split.diagnostics);
  const fm = split.frontMatter;
  const route = routeOf(source.slice(contentDir.length + 1), fm);
  const title = fm.title ?? firstHeading(split.body) ?? titleFromPath(source);
  return {
    source,
    file,
    kind: route.kind,
    url: route.url,
    parent: route.parent,
    title,
    linkTitle: fm.linkTitle ?? title,
    weight: fm.weight ?? 0,
    description: fm.description ?? '',
    draft: fm.draft ?? false,
    hidden: fm.hidden ?? false,
    aliases: (fm.aliases ?? []).map(normaliseUrl),
    frontMatter: fm,
    text,
    bodyOffset: split.bodyOffset,
    diagnostics,
  };
}

/** Text of the first ATX heading outside code, shortcodes and `{#id}` removed. */
function firstHeading(body: string): string | undefined {
  let fence: string | undefined;
  for (const line of body.split('\n', 400)) {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (!fence) fence = (f[1] as string)[0];
      else if ((f[1] as string)[0] === fence) fence = undefined;
      continue;
    }
    if (fence) continue;
    const h = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (h) {
      const text = (h[1] as string).replace(/\{\{[<%][\s\S]*?[%>]\}\}/g, '').replace(/\s*\{#[^}]*\}\s*$/, '').replace(/[*_`]/g, '').trim();
      if (text) return text;
    }
  }
  return undefined;
}

function titleFromPath(source: string): string {
  const parts = source.split('/');
  let name = (parts.pop() as string).replace(PAGE_FILE, '');
  if ((name === '_index' || name === 'index') && parts.length > 1) name = parts.pop() as string;
  if (name === '_index' || name === 'index') return 'Home';
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function duplicateUrls(pages: readonly PageRecord[]): Diagnostic[] {
  const seen = new Map<string, PageRecord>();
  const out: Diagnostic[] = [];
  for (const page of pages) {
    const first = seen.get(page.url);
    if (first) {
      out.push({
        severity: 'error',
        ruleId: rules.duplicateUrl,
        message: `page URL \`${page.url}\` is already used by ${first.file}`,
        file: page.file,
        // At the field that made the URL, when front matter did.
        place: (page.frontMatter.url && fieldPlace(headOf(page), page.bodyOffset, 'url')) || (page.frontMatter.slug && fieldPlace(headOf(page), page.bodyOffset, 'slug')) || { line: 1, column: 1 },
      });
    } else seen.set(page.url, page);
  }
  return out;
}

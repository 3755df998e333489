/** URL helpers for site-relative paths (`/a/b/`), the form pages are indexed by. */

const SCHEME = /^[a-zA-Z][a-zA-Z\d+.-]*:/;

/** Links that leave the site: `https:`, `mailto:`, `//host`… */
export function isExternal(url: string): boolean {
  return SCHEME.test(url) || url.startsWith('//');
}

export interface UrlParts {
  path: string;
  /** Including the `?`, or empty. */
  query: string;
  /** Without the `#`, or undefined when there is none. */
  fragment: string | undefined;
}

export function splitUrl(url: string): UrlParts {
  const hash = url.indexOf('#');
  const beforeHash = hash === -1 ? url : url.slice(0, hash);
  const fragment = hash === -1 ? undefined : url.slice(hash + 1);
  const q = beforeHash.indexOf('?');
  return { path: q === -1 ? beforeHash : beforeHash.slice(0, q), query: q === -1 ? '' : beforeHash.slice(q), fragment };
}

/** Resolves `rel` against the directory URL `base` (`/a/b/`), as a browser would; never above `/`. */
export function resolvePath(base: string, rel: string): string {
  const joined = rel.startsWith('/') ? rel : base.replace(/[^/]*$/, '') + rel;
  const out: string[] = [];
  const segments = joined.split('/');
  segments.forEach((segment, i) => {
    if (segment === '..') out.pop();
    else if (segment !== '.' && (segment !== '' || i === segments.length - 1)) out.push(segment);
  });
  return `/${out.join('/')}`;
}

/**
 * The relative URL from the page at `from` to `to` (both site-relative).
 * Relative links keep a site working under any base path and when its folder
 * moves, and make a page's HTML the same in every version folder.
 */
export function relativeUrl(from: string, to: string): string {
  // Segment by segment on the strings: every page makes a few hundred of these (its sidebar, its links).
  // Paths with an empty segment (`//`) or without a leading `/` take the general way.
  if (from[0] !== '/' || to[0] !== '/' || from.includes('//') || to.includes('//')) return relativeUrlBySegments(from, to);
  const fromDir = from.slice(0, from.lastIndexOf('/') + 1);
  const slash = to.lastIndexOf('/');
  const toDir = to.slice(0, slash + 1);
  let same = 0;
  while (same < fromDir.length && same < toDir.length && fromDir[same] === toDir[same]) same++;
  // The last `/` both share ends the folders they have in common.
  const common = fromDir.lastIndexOf('/', same - 1);
  let up = '';
  for (let i = common + 1; i < fromDir.length; i++) if (fromDir[i] === '/') up += '../';
  const result = up + to.slice(common + 1);
  return result === '' ? './' : result;
}

/** `relativeUrl` for any pair of paths: empty segments are skipped. */
export function relativeUrlBySegments(from: string, to: string): string {
  const fromDir = from.slice(0, from.lastIndexOf('/') + 1).split('/').filter(Boolean);
  const toParts = to.split('/');
  const toFile = toParts.pop() as string;
  const toDir = toParts.filter(Boolean);
  let common = 0;
  while (common < fromDir.length && common < toDir.length && fromDir[common] === toDir[common]) common++;
  const up = '../'.repeat(fromDir.length - common);
  const down = toDir.slice(common).map((s) => `${s}/`).join('');
  const result = up + down + toFile;
  return result === '' ? './' : result;
}

/** A relative or root-relative URL made of characters no URL parser changes. */
const PLAIN_URL = /^(?!\/\/)[\w.~/-]+(?:#[\w.~-]*)?$/;

/**
 * What `new URL(url, base)` gives (path and fragment) when `url` is plain,
 * without the parser: a page's links are resolved by the thousand (every
 * page lists the whole site in its sidebar). `basePath` is the base's
 * pathname. Undefined when `url` is not plain: the caller uses `URL`.
 */
export function resolvePlainUrl(basePath: string, url: string): { pathname: string; fragment: string } | undefined {
  if (!PLAIN_URL.test(url)) return undefined;
  const hash = url.indexOf('#');
  const rel = hash === -1 ? url : url.slice(0, hash);
  if (rel === '') return undefined;
  const root = rel.startsWith('/');
  const fragment = hash === -1 ? '' : url.slice(hash + 1);
  // Leading `../` and `./` (what relative links are made of) on the strings, from the base's folder;
  // dot segments anywhere else take the way below.
  let folder = root ? '/' : basePath.slice(0, basePath.lastIndexOf('/') + 1);
  let rest = root ? rel.slice(1) : rel;
  for (;;) {
    if (rest.startsWith('../')) {
      rest = rest.slice(3);
      if (folder.length > 1) folder = folder.slice(0, folder.lastIndexOf('/', folder.length - 2) + 1);
    } else if (rest.startsWith('./')) rest = rest.slice(2);
    else break;
  }
  if (!DOT_SEGMENT.test(rest)) return { pathname: folder + rest, fragment };
  const path = root ? [] : basePath.split('/').slice(1, -1);
  const segments = (root ? rel.slice(1) : rel).split('/');
  segments.forEach((segment, i) => {
    // As the URL standard's path parser: a trailing `.` or `..` leaves a trailing slash; `..` at the root stays there.
    const last = i === segments.length - 1;
    if (segment === '..') {
      path.pop();
      if (last) path.push('');
    } else if (segment === '.') {
      if (last) path.push('');
    } else path.push(segment);
  });
  return { pathname: `/${path.join('/')}`, fragment };
}

/** A `.` or `..` segment anywhere in a path. */
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;

/** Decodes percent-escapes, keeping the text as is when they are malformed. */
export function safeDecode(path: string): string {
  // Most paths have nothing to decode (the output check decodes every link's).
  if (!path.includes('%')) return path;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * Request URLs → what they name in the site's output, confined to it.
 *
 * The dev server never joins a request path to a file system path (pages,
 * assets and static files are looked up by output path in maps), so this is
 * the second wall, not the only one: anything that is not a plain path inside
 * the base path is refused before any lookup.
 */

/** What a request URL names. */
export type RequestTarget =
  /** A path inside the output root (`1.17.x/a/`, `assets/style.1a2b.css`, `` for the root); decoded. */
  | { kind: 'output'; path: string }
  /** One of the dev server's own endpoints (`events`, `dev-client.js`), under `<base>__strata/`. */
  | { kind: 'dev'; name: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'not-found' };

/** Where the dev server's own endpoints live, under the base path; no page URL can start so. */
export const DEV_PREFIX = '__strata/';

/** The path of a `baseUrl` (`/docs/gloo`, `https://x.dev/docs/`) with a leading and trailing slash. */
export function basePathOf(baseUrl: string): string {
  let path = baseUrl.trim();
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(path) || path.startsWith('//')) {
    try {
      path = new URL(path, 'http://localhost').pathname;
    } catch {
      path = '/';
    }
  }
  if (!path.startsWith('/')) path = `/${path}`;
  if (!path.endsWith('/')) path = `${path}/`;
  return path.replace(/\/{2,}/g, '/');
}

// Encoded separators, backslashes and NUL say someone is probing; a real link never has them.
const REFUSED_RAW = /\\|%5c|%2f|%00/i;
// Control characters and backslashes, checked again after decoding.
// eslint-disable-next-line no-control-regex
const REFUSED_DECODED = /[\u0000-\u001f\u007f\\/]/;

/**
 * Confines a request target (`req.url`) to the output under `basePath`:
 * decodes each segment once, and answers 404 for `..` or `.` segments (also
 * written `%2e%2e`), encoded slashes, backslashes, NUL, control characters,
 * empty segments (`//`) and anything not a path (absolute-form URLs, `*`).
 * `/` and the base path without its slash redirect to the base path.
 */
export function resolveRequest(rawUrl: string | undefined, basePath: string): RequestTarget {
  if (rawUrl === undefined || !rawUrl.startsWith('/')) return { kind: 'not-found' };
  const end = rawUrl.search(/[?#]/);
  const raw = end === -1 ? rawUrl : rawUrl.slice(0, end);
  if (REFUSED_RAW.test(raw) || raw.includes('//')) return { kind: 'not-found' };
  if (basePath !== '/' && (raw === '/' || raw === basePath.slice(0, -1))) return { kind: 'redirect', location: basePath };
  if (!raw.startsWith(basePath)) return { kind: 'not-found' };

  const segments = raw.slice(basePath.length).split('/');
  const decoded: string[] = [];
  for (const segment of segments) {
    let text: string;
    try {
      text = decodeURIComponent(segment);
    } catch {
      return { kind: 'not-found' };
    }
    if (text === '.' || text === '..' || REFUSED_DECODED.test(text)) return { kind: 'not-found' };
    decoded.push(text);
  }
  const path = decoded.join('/');
  if (path.startsWith(DEV_PREFIX)) return { kind: 'dev', name: path.slice(DEV_PREFIX.length) };
  return { kind: 'output', path };
}

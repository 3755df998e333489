/**
 * Where the site is served, from `baseUrl` (config or `--base-url`): a path
 * (`/docs/gloo/`) or a URL with a host (`https://docs.example.com/gloo/`).
 * Pages link to each other with relative URLs and never need it; files that
 * are served at other addresses (404.html) or read by other programs
 * (canonical links, sitemaps, robots.txt, `_redirects`) do.
 */
export interface BaseUrl {
  /** The normalised value, always ending in `/`: `/docs/gloo/` or `https://docs.example.com/gloo/`. */
  href: string;
  /** The path part, from `/` to the trailing `/`: `/docs/gloo/`. */
  path: string;
  /** `https://docs.example.com` when a host was given; sitemaps need one. */
  origin: string | undefined;
}

export type BaseUrlResult = { ok: true; base: BaseUrl } | { ok: false; reason: string };

/** Reads a base URL: `https://host/path`, `/path`, or `path`; adds the trailing slash. */
export function parseBaseUrl(value: string): BaseUrlResult {
  const text = value.trim();
  if (text.includes('\\') || /\s/.test(text)) return { ok: false, reason: `\`${value}\` is not a URL or path: it contains spaces or backslashes` };
  if (text.startsWith('//')) return { ok: false, reason: `\`${value}\` has no scheme: write https://${text.slice(2)}` };
  if (/^[a-z][a-z\d+.-]*:/i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return { ok: false, reason: `\`${value}\` is not a valid URL` };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: `\`${value}\` must be an http: or https: URL, or a path like /docs/` };
    if (url.search || url.hash || text.includes('?') || text.includes('#')) return { ok: false, reason: `\`${value}\` must not have a query or fragment` };
    if (url.username || url.password) return { ok: false, reason: `\`${value}\` must not carry a user name or password` };
    const path = withSlashes(url.pathname);
    return { ok: true, base: { href: url.origin + path, path, origin: url.origin } };
  }
  if (text.includes('?') || text.includes('#')) return { ok: false, reason: `\`${value}\` must not have a query or fragment` };
  const path = withSlashes(text);
  if (path.split('/').some((segment) => segment === '.' || segment === '..')) return { ok: false, reason: `\`${value}\` must not contain \`.\` or \`..\` segments` };
  return { ok: true, base: { href: path, path, origin: undefined } };
}

function withSlashes(path: string): string {
  const out = `/${path}/`.replace(/\/{2,}/g, '/');
  return out;
}

/** The public URL of an output path (`latest/a/` → `https://docs.example.com/gloo/latest/a/`), percent-encoded. */
export function publicUrl(base: BaseUrl, outputPath: string): string {
  return base.href + encodeURI(outputPath.replace(/^\//, ''));
}

/** The absolute path of an output path (`latest/a/` → `/docs/gloo/latest/a/`), for pages served at any address (404.html). */
export function absolutePath(base: BaseUrl, outputPath: string): string {
  return base.path + encodeURI(outputPath.replace(/^\//, ''));
}

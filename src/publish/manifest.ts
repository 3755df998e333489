import type { VersionStatus } from '../config/schema.js';

/** The file beside a version's pages that `strata merge` reads: `<version>/strata-version.json`. */
export const MANIFEST_FILE = 'strata-version.json';
const FORMAT = 1;

/** One version as the whole site knows it: what `versions.json` lists. */
export interface SiteVersion {
  name: string;
  label: string;
  status: VersionStatus;
  latest: boolean;
}

/** What every version of one site shares; versions built on separate machines must agree on it. */
export interface SiteManifest {
  /** The normalised base URL (`/docs/gloo/` or `https://docs.example.com/gloo/`). */
  baseUrl: string;
  /** Whether the site has a `_redirects` file (config `redirectsFile`). */
  redirectsFile: boolean;
  /** Every version of the site, newest first, as the config defines them. */
  versions: SiteVersion[];
}

export interface SitemapEntry {
  /** Output path of the sitemap (`latest/sitemap.xml`). */
  path: string;
  /** Newest `lastmod` of its pages (`2024-05-01`), when known. */
  lastmod: string | undefined;
}

/**
 * What a version's build leaves for the site's root files: `strata merge`
 * regenerates `versions.json`, `index.html`, the sitemap index, `robots.txt`
 * and `_redirects` from these alone, so a merged site and a full build are
 * byte for byte the same.
 */
export interface VersionManifest {
  site: SiteManifest;
  version: string;
  /** Output folders the version fills: its own, and `latest` for the latest version. */
  folders: string[];
  /** This version's sitemaps (none for unmaintained versions, or without a host in the base URL). */
  sitemaps: SitemapEntry[];
  /** Old URL → new URL, as output paths (`/1.17.x/old/` → `/1.17.x/new/`), for `_redirects`. */
  redirects: Array<[string, string]>;
}

export function serializeManifest(manifest: VersionManifest): string {
  const { site, version, folders, sitemaps, redirects } = manifest;
  const out = {
    strata: FORMAT,
    version,
    folders,
    sitemaps: sitemaps.map((s) => (s.lastmod === undefined ? { path: s.path } : { path: s.path, lastmod: s.lastmod })),
    redirects,
    site: { baseUrl: site.baseUrl, redirectsFile: site.redirectsFile, versions: site.versions.map(({ name, label, status, latest }) => ({ name, label, status, latest })) },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

export type ManifestResult = { ok: true; manifest: VersionManifest } | { ok: false; reason: string };

/** Reads a manifest back, checking its shape; `reason` says what is wrong. */
export function parseManifest(text: string): ManifestResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `not JSON (${(e as Error).message})` };
  }
  const fail = (what: string): ManifestResult => ({ ok: false, reason: what });
  if (!isObject(raw)) return fail('not a JSON object');
  if (raw.strata !== FORMAT) return fail(`written by a different Strata (format ${JSON.stringify(raw.strata)}, expected ${FORMAT})`);
  if (typeof raw.version !== 'string' || raw.version === '') return fail('`version` is missing');
  if (!isStringArray(raw.folders)) return fail('`folders` must be a list of folder names');
  if (!Array.isArray(raw.sitemaps) || !raw.sitemaps.every((s) => isObject(s) && typeof s.path === 'string' && (s.lastmod === undefined || typeof s.lastmod === 'string'))) return fail('`sitemaps` is malformed');
  if (!Array.isArray(raw.redirects) || !raw.redirects.every((r) => isStringArray(r) && r.length === 2)) return fail('`redirects` must be a list of [from, to] pairs');
  const site = raw.site;
  if (!isObject(site) || typeof site.baseUrl !== 'string' || typeof site.redirectsFile !== 'boolean' || !Array.isArray(site.versions)) return fail('`site` is malformed');
  const versions: SiteVersion[] = [];
  for (const v of site.versions) {
    if (!isObject(v) || typeof v.name !== 'string' || typeof v.label !== 'string' || typeof v.latest !== 'boolean' || !['maintained', 'unmaintained', 'prerelease'].includes(v.status as string)) return fail('`site.versions` is malformed');
    versions.push({ name: v.name, label: v.label, status: v.status as VersionStatus, latest: v.latest });
  }
  return {
    ok: true,
    manifest: {
      site: { baseUrl: site.baseUrl, redirectsFile: site.redirectsFile, versions },
      version: raw.version,
      folders: raw.folders,
      sitemaps: (raw.sitemaps as Array<{ path: string; lastmod?: string }>).map((s) => ({ path: s.path, lastmod: s.lastmod })),
      redirects: raw.redirects as Array<[string, string]>,
    },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

// The two functions used, not the whole package: semver's index loads some fifty modules at start-up.
import coerce from 'semver/functions/coerce.js';
import rcompare from 'semver/functions/rcompare.js';
import type { SemVer } from 'semver';

/** Names a development line, not a release: sorts above every release and is never `latest` by default. */
const DEVELOPMENT = new Set(['main', 'master', 'next', 'current', 'dev', 'develop', 'trunk', 'nightly', 'unreleased']);

/** Folder names that the output uses for itself. */
const RESERVED = new Set(['latest', 'assets', 'pagefind', '404', 'index', 'versions']);

const SEMVER_LIKE = /^v?\d+(?:\.(?:\d+|x))?(?:\.(?:\d+|x))?(?:-[0-9A-Za-z.-]+)?$/;

export type VersionKind = 'release' | 'prerelease' | 'development';

export interface ParsedVersionName {
  name: string;
  kind: VersionKind;
  /** For ordering; undefined for development lines. */
  order: SemVer | undefined;
}

/**
 * Reads a version name: semver-like (`1.17.x`, `v1.16`, `1.18.0-beta.1`) or a
 * development line (`main`, `next`). Returns a reason when the name cannot be
 * a version (it also becomes a folder name, so it must be plain).
 */
export function parseVersionName(name: string): ParsedVersionName | { error: string } {
  if (RESERVED.has(name.toLowerCase())) return { error: `\`${name}\` is reserved for Strata's own output` };
  if (DEVELOPMENT.has(name)) return { name, kind: 'development', order: undefined };
  if (!SEMVER_LIKE.test(name)) return { error: `\`${name}\` is not a version name: use names like 1.17.x, v1.16, 1.18.0-beta.1, or main/next for a development line` };
  const order = coerce(name.replace(/\.x(?=$|[.-])/g, '.0'), { includePrerelease: true }) ?? undefined;
  if (!order) return { error: `\`${name}\` is not a version name` };
  return { name, kind: order.prerelease.length ? 'prerelease' : 'release', order };
}

/** Newest first: development lines, then releases and prereleases by semver. */
export function compareVersionsDescending(a: ParsedVersionName, b: ParsedVersionName): number {
  if (a.kind === 'development' || b.kind === 'development') {
    if (a.kind === b.kind) return a.name.localeCompare(b.name);
    return a.kind === 'development' ? -1 : 1;
  }
  return rcompare(a.order as SemVer, b.order as SemVer) || a.name.localeCompare(b.name);
}

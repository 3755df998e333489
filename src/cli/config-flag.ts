import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * `--config FILE`: relative to the current folder, as shells complete it; when
 * no such file exists there, relative to SITE_DIR (Hugo's habit: `hugo --config docs.toml`
 * run from the site). Returned absolute, so the build needs no guessing.
 */
export function resolveConfigFlag(value: string | boolean | undefined, siteDir: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const fromCwd = path.resolve(value);
  if (existsSync(fromCwd) || path.isAbsolute(value)) return fromCwd;
  const fromSite = path.resolve(siteDir, value);
  return existsSync(fromSite) ? fromSite : fromCwd;
}

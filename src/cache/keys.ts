import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { keyOf } from './build-cache.js';
import { statFingerprint } from '../util/file-fingerprint.js';

let strata: string | undefined;

/**
 * Strata itself, as built: a changed compiled file (a new release, a local
 * fix) starts the cache over. Taken once per process: it is the Strata that
 * runs, which a later `npm run compile` does not change.
 */
export function strataKey(): string {
  return (strata ??= compiledStrataKey());
}

function compiledStrataKey(): string {
  const lib = fileURLToPath(new URL('../../lib/', import.meta.url));
  // Run from the bundle (the CLI), the code that runs is the bundle and the compiled theme layouts, built
  // from the same sources as the rest of lib/ (an eighth of its files, and of the time this takes on every build).
  const bundled = path.basename(path.dirname(fileURLToPath(import.meta.url))) === 'bundle';
  const roots = bundled ? [path.join(lib, 'bundle'), path.join(lib, 'themes')] : [lib];
  const entries: Array<[string, number, number]> = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.c?js$/.test(entry.name)) {
        const stat = statSync(file);
        entries.push([path.relative(lib, file), stat.size, stat.mtimeMs]);
      }
    }
  };
  for (const root of roots) if (existsSync(root)) walk(root);
  const pkg = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return keyOf(pkg, entries.sort((a, b) => a[0].localeCompare(b[0])));
}

/** The contents of files (theme layouts and assets, shortcode modules), for keys. */
export function filesKey(files: readonly string[]): string {
  return keyOf(
    [...files].sort().map((file) => {
      try {
        return [file, readFileSync(file, 'utf8')];
      } catch {
        return [file, null];
      }
    }),
  );
}

/** Every file below some folders (missing folders count as empty). */
export function filesBelow(dirs: readonly string[]): string[] {
  const out: string[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) out.push(path.join(entry.parentPath, entry.name));
  }
  return out;
}

/** The size, time and inode of files (absent ones too), to tell whether they changed between two moments. */
export function fingerprints(files: readonly string[]): string {
  return files
    .map((file) => {
      const stat = statSync(file, { bigint: true, throwIfNoEntry: false });
      return stat ? statFingerprint(stat) : '-';
    })
    .join('\n');
}

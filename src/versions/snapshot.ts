import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import type { StrataConfig } from '../config/schema.js';
import { VERSIONS_DIR } from './resolve-versions.js';
import { parseVersionName } from './version-name.js';

export type SnapshotResult = { ok: true; folder: string; files: number } | { ok: false; message: string };

/**
 * `strata version <name>`: freezes the working tree's `content/` and
 * `static/` into `versions/<name>/` (the Docusaurus model). An existing
 * snapshot is kept unless `force` is given.
 */
export async function snapshotVersion(siteDir: string, config: StrataConfig, name: string, force: boolean): Promise<SnapshotResult> {
  const parsed = parseVersionName(name);
  if ('error' in parsed) return { ok: false, message: parsed.error };
  if (name === config.version.name) return { ok: false, message: `\`${name}\` is the name of the working tree's version; name the snapshot after the release it freezes` };
  const folder = path.join(siteDir, VERSIONS_DIR, name);
  if (existsSync(folder) && !force) return { ok: false, message: `${path.relative(siteDir, folder)}/ already exists; use --force to replace it` };
  const staging = `${folder}.tmp-${process.pid}`;
  await fs.rm(staging, { recursive: true, force: true });
  let files = 0;
  for (const dir of [config.contentDir, config.staticDir]) {
    const from = path.join(siteDir, dir);
    if (!existsSync(from)) continue;
    await fs.cp(from, path.join(staging, dir), { recursive: true, filter: (src) => !path.basename(src).startsWith('.') });
    files += (await fs.readdir(path.join(staging, dir), { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
  }
  if (files === 0) {
    await fs.rm(staging, { recursive: true, force: true });
    return { ok: false, message: `there is nothing to snapshot: ${config.contentDir}/ is empty or missing` };
  }
  await fs.rm(folder, { recursive: true, force: true });
  await fs.mkdir(path.dirname(folder), { recursive: true });
  await fs.rename(staging, folder);
  return { ok: true, folder, files };
}

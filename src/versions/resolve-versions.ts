import { existsSync, promises as fs, realpathSync } from 'node:fs';
import type { InputSnapshot } from '../util/input-snapshot.js';
import path from 'node:path';
import type { StrataConfig, VersionConfig, VersionStatus } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { rules } from '../diagnostics/rules.js';
import { FsTree } from './fs-tree.js';
import { GitTree } from './git-tree.js';
import type { SourceTree } from './source-tree.js';
import { compareVersionsDescending, parseVersionName, type ParsedVersionName, type VersionKind } from './version-name.js';

/** Where snapshot folders live, Docusaurus style. */
export const VERSIONS_DIR = 'versions';

export type VersionOrigin = { kind: 'working-tree' } | { kind: 'folder'; path: string } | { kind: 'git'; ref: string; commit: string };

/** One version of the docs, ready to build. */
export interface Version {
  name: string;
  label: string;
  status: VersionStatus;
  kind: VersionKind;
  latest: boolean;
  tree: SourceTree;
  origin: VersionOrigin;
}

interface Candidate {
  /** How the user refers to this entry in messages (`versions[1] (1.16.x)`, `versions/1.16.x/`). */
  where: string;
  config: VersionConfig;
  origin: { kind: 'working-tree' } | { kind: 'folder'; path: string } | { kind: 'git'; ref: string };
}

/**
 * Every version of the site, newest first, from its three sources: the
 * working tree, snapshot folders under `versions/`, and git refs named in the
 * config. Problems name the config entry they come from; with any error, no
 * version is returned and nothing gets built.
 */
export async function resolveVersions(
  siteDir: string,
  config: StrataConfig,
  configFile?: string,
  seen?: InputSnapshot,
): Promise<{ versions: Version[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  // A snapshot folder no config entry names is reported at the folder; everything else at the config entry.
  const fail = (where: string, message: string, ruleId: Diagnostic['ruleId'] = rules.versionInvalid) =>
    diagnostics.push(
      where.startsWith(`${VERSIONS_DIR}/`)
        ? { severity: 'error', ruleId, message, file: where }
        : { severity: 'error', ruleId, message: `${where}: ${message}`, ...(configFile === undefined ? {} : { file: configFile }) },
    );

  const candidates: Candidate[] = [{ where: 'version', config: config.version, origin: { kind: 'working-tree' } }];
  const folders = await snapshotFolders(siteDir, config.contentDir);
  const configured = new Map<string, number>();
  config.versions.forEach((entry, i) => {
    const where = `versions[${i}] (${entry.name})`;
    if (entry.ref !== undefined && entry.path !== undefined) fail(where, 'give either `ref` or `path`, not both');
    else if (entry.ref !== undefined) candidates.push({ where, config: entry, origin: { kind: 'git', ref: entry.ref } });
    else if (entry.path !== undefined) candidates.push({ where, config: entry, origin: { kind: 'folder', path: path.resolve(siteDir, entry.path) } });
    else if (folders.has(entry.name)) configured.set(entry.name, i);
    else fail(where, `there is no folder ${VERSIONS_DIR}/${entry.name}/ and no \`ref\` to build it from`, rules.versionSource);
  });
  for (const [name, folder] of folders) {
    const i = configured.get(name);
    const where = i === undefined ? `${VERSIONS_DIR}/${name}/` : `versions[${i}] (${name})`;
    candidates.push({ where, config: i === undefined ? { name } : (config.versions[i] as VersionConfig), origin: { kind: 'folder', path: folder } });
  }

  const versions: Array<Version & { parsed: ParsedVersionName }> = [];
  const byName = new Map<string, string>();
  const byFolder = new Map<string, string>();
  for (const candidate of candidates) {
    const { where, config: entry } = candidate;
    const parsed = parseVersionName(entry.name);
    if ('error' in parsed) {
      fail(where, parsed.error);
      continue;
    }
    const clash = byName.get(entry.name);
    if (clash) {
      fail(where, `version \`${entry.name}\` is already defined by ${clash === 'version' ? '`version` (the working tree)' : clash}`, rules.versionDuplicate);
      continue;
    }
    byName.set(entry.name, where);
    const opened = openTree(siteDir, candidate, config.contentDir, seen);
    if ('error' in opened) {
      fail(where, opened.error, rules.versionSource);
      continue;
    }
    if (opened.folder) {
      const other = byFolder.get(opened.folder);
      if (other) {
        fail(where, `builds from the same folder as ${other}`, rules.versionDuplicate);
        continue;
      }
      byFolder.set(opened.folder, where);
    }
    if ((await opened.tree.list(config.contentDir)).length === 0) {
      fail(where, `has no ${config.contentDir}/ folder with pages`, rules.versionSource);
      continue;
    }
    versions.push({
      name: entry.name,
      label: entry.label ?? entry.name,
      status: entry.status ?? 'maintained',
      kind: parsed.kind,
      latest: false,
      tree: opened.tree,
      origin: opened.origin,
      parsed,
    });
  }
  versions.sort((a, b) => compareVersionsDescending(a.parsed, b.parsed));

  const latest = config.latest !== undefined ? versions.find((v) => v.name === config.latest) : (versions.find((v) => v.kind === 'release' && v.status !== 'prerelease') ?? versions[0]);
  if (config.latest !== undefined && !latest) fail('latest', `\`${config.latest}\` is not one of the versions (${versions.map((v) => v.name).join(', ')})`);
  if (latest) latest.latest = true;
  // Prereleases and development lines are "unreleased" unless they are all there is.
  for (const v of versions) if (v.kind !== 'release' && !v.latest && !configuredStatus(config, v.name)) v.status = 'prerelease';
  if (diagnostics.length) return { versions: [], diagnostics };
  return { versions: versions.map(({ parsed: _, ...v }) => v), diagnostics };
}

function configuredStatus(config: StrataConfig, name: string): boolean {
  return [config.version, ...config.versions].some((v) => v.name === name && v.status !== undefined);
}

/** Opens a version's tree again from its origin: how a worker thread gets at the files of a version. */
export function reopenTree(siteDir: string, origin: VersionOrigin, displayPrefix: string, seen?: InputSnapshot): SourceTree {
  if (origin.kind === 'working-tree') return new FsTree(siteDir, displayPrefix, seen);
  if (origin.kind === 'folder') return new FsTree(origin.path, displayPrefix, seen);
  const opened = GitTree.open(siteDir, origin.commit, displayPrefix);
  if (!opened.ok) throw new Error(opened.reason);
  return opened.tree;
}

async function snapshotFolders(siteDir: string, contentDir: string): Promise<Map<string, string>> {
  const root = path.join(siteDir, VERSIONS_DIR);
  const entries = await fs.readdir(root, { withFileTypes: true }).catch(() => []);
  const out = new Map<string, string>();
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory() && !entry.name.startsWith('.') && existsSync(path.join(root, entry.name, contentDir))) out.set(entry.name, path.join(root, entry.name));
  }
  return out;
}

function openTree(
  siteDir: string,
  candidate: Candidate,
  contentDir: string,
  seen: InputSnapshot | undefined,
): { tree: SourceTree; origin: VersionOrigin; folder: string | undefined } | { error: string } {
  const { origin } = candidate;
  if (origin.kind === 'git') {
    const opened = GitTree.open(siteDir, origin.ref, `${candidate.config.name}@${origin.ref}:`);
    if (!opened.ok) return { error: opened.reason };
    return { tree: opened.tree, origin: { kind: 'git', ref: origin.ref, commit: opened.tree.commit }, folder: undefined };
  }
  const dir = origin.kind === 'working-tree' ? siteDir : origin.path;
  if (!existsSync(dir)) return { error: `folder ${path.relative(siteDir, dir) || '.'}/ does not exist` };
  if (!existsSync(path.join(dir, contentDir))) return { error: `folder ${path.relative(siteDir, dir) || '.'}/ has no ${contentDir}/` };
  const prefix = origin.kind === 'working-tree' ? '' : `${path.relative(siteDir, dir).split(path.sep).join('/')}/`;
  return { tree: new FsTree(dir, prefix, seen), origin: origin.kind === 'working-tree' ? origin : { kind: 'folder', path: dir }, folder: realpathSync(dir) };
}

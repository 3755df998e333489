import { spawnSync } from 'node:child_process';
import { createHash, type Hash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions, BuildSummary } from '../build/build-site.js';
import { strataKey } from './keys.js';
import { statFingerprint, writtenJustNow } from '../util/file-fingerprint.js';
import { CACHE_DIR } from './build-cache.js';
import { emptySnapshot, type InputSnapshot } from '../util/input-snapshot.js';
import { rules } from '../diagnostics/rules.js';
import { underRoot } from '../util/native-path.js';

// This module is what a build with nothing to do loads: node's own modules and the cache's key helpers, no more.
const STAMP = 'stamp.json';
const FORMAT = 3;
/** The built-in themes: not compiled into lib/, so not in Strata's own key. */
const BUILTIN_THEMES = fileURLToPath(new URL('../../themes/', import.meta.url));
/** Folders of a site that are never build input. */
const SKIPPED = new Set(['.git', 'node_modules', CACHE_DIR]);

/** What the last successful build left to answer "is the output up to date?" without loading the site. */
interface StampRecord {
  format: number;
  /** The state of everything the build read (`inputStamp`). */
  input: string;
  /** That, and the state of the output it left. */
  key: string;
  /** The files of that output, relative to it: what a later check looks at again. */
  outputs: string[];
  /** Folders walked for the inputs besides the site's own (versions kept outside it). */
  roots: string[];
  /** Git refs the versions were read from. */
  refs: string[];
  summary: BuildSummary;
}

/** Whether a build with these options may use and write the stamp: the full builds the build cache serves. */
export function stampable(options: BuildOptions): boolean {
  return options.cache === true && options.output === 'files' && options.version === undefined && !options.warnOnly;
}

/**
 * The input half of the stamp, taken before the build reads anything: Strata
 * itself, the options, every file of the site and of the versions' folders
 * (by size, time and inode), and the git commits dates and versions come
 * from. A file changed while the build runs then leaves a stamp that no
 * longer matches, never one that matches an output made from older text.
 * Undefined when the inputs cannot be pinned down (a linked folder).
 * `seen` receives what the walk found, for the build to use instead of
 * listing and stating the same files again.
 */
export function inputStamp(siteDir: string, options: BuildOptions, outDir: string | undefined, roots: readonly string[], refs: readonly string[], seen?: InputSnapshot): string | undefined {
  const now = Date.now();
  const hash = createHash('sha256');
  hash.update(JSON.stringify([FORMAT, strataKey(), options.outDir ?? null, options.configFile ?? null, options.baseUrl ?? null, options.drafts ?? false, options.blockCache ?? true]));
  hash.update(gitState(siteDir, refs));
  const walked: Walked = { newest: 0n, ...(seen ? { seen } : {}) };
  for (const root of [siteDir, BUILTIN_THEMES, ...roots]) {
    hash.update(`\0root\0${root}\n`);
    // Normalised once, so that the walk can join names to it as they are.
    if (!walk(path.resolve(root), hash, (dir) => dir === outDir, walked)) return undefined;
  }
  // A file written within the clock's resolution of now could change again with the same size and time
  // ("racy git"): such a stamp could match text the build never saw. The next build makes one.
  if (writtenJustNow(walked.newest, now)) return undefined;
  return hash.digest('hex');
}

/**
 * The stamp of a whole build: its inputs, and the files of the output as it
 * left them. Files added to the output since are not looked for: a build
 * leaves such files alone too, and listing the output's folders (one per
 * page) was half the time of a build with nothing to do.
 */
function fullStamp(input: string, outDir: string, files: readonly string[]): string {
  let text = `\0out\0${outDir}\n`;
  for (const file of files) {
    const stat = statSync(underRoot(outDir, file), { bigint: true, throwIfNoEntry: false });
    text += stat?.isFile() ? `${file}\0${statFingerprint(stat)}\n` : `${file}\0gone\n`;
  }
  return createHash('sha256').update(input).update(text).digest('hex');
}

/** The files of an output, sorted; undefined when a folder is linked in (what is behind it is not watched). */
function outputFiles(outDir: string): string[] | undefined {
  let entries;
  try {
    entries = readdirSync(outDir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isSymbolicLink() && statSync(file, { throwIfNoEntry: false })?.isDirectory()) return undefined;
    files.push(path.relative(outDir, file).split(path.sep).join('/'));
  }
  return files.sort();
}

/** Records a successful build; `input` is what `inputStamp` said before it started. */
export function writeStamp(siteDir: string, input: string | undefined, roots: readonly string[], refs: readonly string[], summary: BuildSummary): void {
  const dir = path.join(siteDir, CACHE_DIR);
  const file = path.join(dir, STAMP);
  try {
    const outputs = input === undefined ? undefined : outputFiles(summary.outDir);
    if (input === undefined || outputs === undefined) {
      rmSync(file, { force: true });
      return;
    }
    mkdirSync(dir, { recursive: true });
    // What the build found in the cache is news once: a build answered from the stamp did not look at the cache.
    const kept = { ...summary, diagnostics: summary.diagnostics.filter((d) => d.ruleId !== rules.cacheIgnored) };
    const record: StampRecord = { format: FORMAT, input, key: fullStamp(input, summary.outDir, outputs), outputs, roots: [...roots], refs: [...refs], summary: kept };
    const tmp = `${file}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(record));
    renameSync(tmp, file);
  } catch {
    // A stamp is an optimisation: without one, the next build takes the longer way.
  }
}

/**
 * The last build's summary, when nothing it read and nothing it wrote has
 * changed since: the output is what building again would write, so there is
 * nothing to do. Undefined means: build.
 */
export function upToDate(options: BuildOptions): BuildSummary | undefined {
  return checkStamp(options).reused;
}

/** The inputs as the stamp check walked them: the build that follows takes them instead of walking again. */
export interface WalkedInputs {
  /** `inputStamp` of these folders and refs, for this output folder. */
  input: string | undefined;
  outDir: string;
  roots: string[];
  refs: string[];
  seen: InputSnapshot;
}

/**
 * `upToDate`, and when the build must run, the walk of the inputs it made on
 * the way (after an edit, the common case, that walk is most of the check).
 */
export function checkStamp(options: BuildOptions): { reused?: BuildSummary; walked?: WalkedInputs } {
  if (!stampable(options)) return {};
  const started = performance.now();
  const siteDir = path.resolve(options.siteDir);
  let record: StampRecord;
  try {
    record = JSON.parse(readFileSync(path.join(siteDir, CACHE_DIR, STAMP), 'utf8')) as StampRecord;
  } catch {
    return {};
  }
  if (record.format !== FORMAT || typeof record.key !== 'string' || !Array.isArray(record.outputs) || !Array.isArray(record.roots) || !Array.isArray(record.refs)) return {};
  const { summary } = record;
  // Inputs first: after an edit, the output need not be looked at.
  const seen = emptySnapshot();
  const input = inputStamp(siteDir, options, summary.outDir, record.roots, record.refs, seen);
  const walked = { input, outDir: summary.outDir, roots: record.roots, refs: record.refs, seen };
  if (input === undefined || input !== record.input || fullStamp(input, summary.outDir, record.outputs) !== record.key) return { walked };
  // The pages, versions and problems are the last build's; the time is this one's.
  const ms = performance.now() - started;
  return { reused: { ...summary, versions: summary.versions.map((v) => ({ ...v, ms })), ms, threads: 0, cache: { reused: summary.pages, rendered: 0, files: 0 } } };
}

interface Walked {
  /** The newest modification time seen. */
  newest: bigint;
  seen?: InputSnapshot;
}

/**
 * Every file below `dir` (a normalised path) into `hash`, in a stable order.
 * False when a linked folder is found: what is behind it is not watched, so
 * no stamp is made. A folder's lines go to the hash at once, and paths are
 * joined as strings: a call into the hash and a `path.join` per file were a
 * third of this walk, which every build takes before anything else.
 */
function walk(dir: string, hash: Hash, skip: (dir: string) => boolean, walked: Walked): boolean {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    hash.update(`\0missing\0${dir}\n`);
    return true;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  walked.seen?.folders.set(dir, entries);
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  let lines = '';
  for (const entry of entries) {
    if (SKIPPED.has(entry.name)) continue;
    const file = prefix + entry.name;
    if (entry.isDirectory()) {
      if (skip(file)) continue;
      hash.update(`${lines}${entry.name}/\n`);
      if (!walk(file, hash, skip, walked)) return false;
      lines = '..\n';
      continue;
    }
    const stat = statSync(file, { bigint: true, throwIfNoEntry: false });
    if (stat?.isDirectory()) return false;
    if (stat && stat.mtimeNs > walked.newest) walked.newest = stat.mtimeNs;
    if (stat) walked.seen?.files.set(file, stat);
    lines += stat ? `${entry.name}\0${statFingerprint(stat)}\n` : `${entry.name}\0gone\n`;
  }
  hash.update(lines);
  return true;
}

/** The commits behind the site's history (last-updated dates) and its git versions; empty outside git. */
function gitState(siteDir: string, refs: readonly string[]): string {
  const result = spawnSync('git', ['rev-parse', 'HEAD', ...refs], { cwd: siteDir, encoding: 'utf8', env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } });
  return `${result.status}\0${result.stdout ?? ''}\0${result.error ? 'no git' : ''}`;
}

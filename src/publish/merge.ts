import { promises as fs } from 'node:fs';
import path from 'node:path';
import { unsafeOutDir } from '../build/out-dir.js';
import { AtomicDirectory } from '../build/output.js';
import { indexDirectory } from '../search/search-index.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { rules } from '../diagnostics/rules.js';
import { parseBaseUrl } from './base-url.js';
import { MANIFEST_FILE, parseManifest, type SiteManifest, type VersionManifest } from './manifest.js';
import { OutputCheck } from './output-check.js';
import { siteRootFiles } from './root-files.js';

export interface MergeOptions {
  /** Outputs of `strata build --version` (or of whole builds), in any order. */
  inputs: string[];
  outDir: string;
  /** Report errors as warnings and write anyway. */
  warnOnly?: boolean;
  /** Where paths in messages are relative to (default: the current folder). */
  cwd?: string;
}

export interface MergeSummary {
  outDir: string;
  versions: Array<{ name: string; latest: boolean; input: string; files: number }>;
  files: number;
  ms: number;
  diagnostics: Diagnostic[];
  written: boolean;
}

/** Root files `strata merge` makes again from the manifests; the inputs' copies are ignored. */
const REGENERATED = new Set(['index.html', 'versions.json', 'sitemap.xml', 'robots.txt', '_redirects', '.nojekyll', 'pagefind']);
/** Files and folders every input holds the same copy of. */
const SHARED = new Set(['assets', '404.html']);

interface Found {
  input: string;
  manifest: VersionManifest;
}

/**
 * Combines per-version outputs into one site: the union of their version
 * folders (with `latest/` from the input that built the latest version), the
 * shared assets and 404 page (which must be the same in every input), and
 * the root files made again from the versions' manifests, exactly as a full
 * build makes them. The result is checked like a build's output (links across
 * versions included) and swapped in only when there is no error.
 */
export async function mergeSites(options: MergeOptions): Promise<MergeSummary> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const outDir = path.resolve(cwd, options.outDir);
  const show = (abs: string) => path.relative(cwd, abs).split(path.sep).join('/') || '.';
  const diagnostics: Diagnostic[] = [];
  const summary: MergeSummary = { outDir, versions: [], files: 0, ms: 0, diagnostics, written: false };
  const finish = () => {
    summary.ms = performance.now() - started;
    return summary;
  };
  const fail = (ruleId: Diagnostic['ruleId'], message: string, file?: string) => diagnostics.push({ severity: 'error', ruleId, message, ...(file === undefined ? {} : { file }) });
  if (options.inputs.length === 0) {
    fail(rules.mergeInput, 'no folders to merge');
    return finish();
  }

  // 1. Every input's version folders, through their manifests.
  const inputs = options.inputs.map((i) => path.resolve(cwd, i));
  const refused = unsafeOutDir(outDir, { sources: inputs.map((dir) => ({ dir, name: `the input ${show(dir)}/` })), homes: [{ dir: cwd, name: 'the current folder' }] });
  if (refused) {
    fail(rules.outputUnsafe, `refusing to write the output to \`${show(outDir)}\`: ${refused}`);
    return finish();
  }
  const found: Found[] = [];
  const entries = new Map<string, string[]>();
  for (const input of inputs) {
    const list = await fs.readdir(input, { withFileTypes: true }).catch(() => undefined);
    if (!list) {
      fail(rules.mergeInput, `${show(input)} is not a folder`);
      continue;
    }
    entries.set(input, list.map((e) => e.name).sort());
    for (const entry of list) {
      if (!entry.isDirectory()) continue;
      const file = path.join(input, entry.name, MANIFEST_FILE);
      const text = await fs.readFile(file, 'utf8').catch(() => undefined);
      if (text === undefined) continue;
      const parsed = parseManifest(text);
      if (!parsed.ok) fail(rules.mergeInput, `cannot read the version manifest: ${parsed.reason}`, show(file));
      else if (parsed.manifest.version !== entry.name) fail(rules.mergeInput, `the manifest is for version \`${parsed.manifest.version}\`, not \`${entry.name}\``, show(file));
      else found.push({ input, manifest: parsed.manifest });
    }
  }
  if (found.length === 0 && !hasErrors(diagnostics)) fail(rules.mergeInput, `no version folders (with ${MANIFEST_FILE}) in ${inputs.map(show).join(', ')}: build them with \`strata build --version NAME\``);
  if (hasErrors(diagnostics)) return finish();

  // 2. One site: the same settings and versions everywhere, each version once.
  const first = found[0] as Found;
  const site: SiteManifest = first.manifest.site;
  const byVersion = new Map<string, Found>();
  for (const f of found) {
    const where = show(path.join(f.input, f.manifest.version));
    if (JSON.stringify(f.manifest.site) !== JSON.stringify(site)) {
      fail(rules.mergeConflict, `${where} was built for another site than ${show(path.join(first.input, first.manifest.version))} (base URL, versions or redirectsFile differ): build every version from the same commit and options`);
      continue;
    }
    const twice = byVersion.get(f.manifest.version);
    if (twice) fail(rules.mergeConflict, `version ${f.manifest.version} is in both ${show(twice.input)} and ${show(f.input)}`);
    else byVersion.set(f.manifest.version, f);
  }
  for (const v of site.versions) if (!byVersion.has(v.name)) fail(rules.mergeMissing, `version ${v.name} is missing: no input holds its folder (build it with \`strata build --version ${v.name}\`)`);
  if (hasErrors(diagnostics)) return finish();

  // 3. What to copy from where.
  const plan = new Map<string, string>();
  const owned = new Map<string, Found>();
  for (const f of byVersion.values()) for (const folder of f.manifest.folders) owned.set(folder, f);
  for (const input of inputs) {
    for (const name of entries.get(input) ?? []) {
      const abs = path.join(input, name);
      const owner = owned.get(name);
      if (owner) {
        if (owner.input === input) for (const file of await listFiles(abs, name)) plan.set(file, path.join(input, file));
        continue;
      }
      if (REGENERATED.has(name) || name.startsWith('.')) continue;
      if (!SHARED.has(name)) {
        fail(rules.mergeInput, `unexpected \`${name}\` in ${show(input)}: not a version folder (no ${MANIFEST_FILE}) nor a file Strata writes`);
        continue;
      }
      for (const file of await listFiles(abs, name)) {
        const before = plan.get(file);
        if (before === undefined) plan.set(file, path.join(input, file));
        else if (!(await sameBytes(before, path.join(input, file)))) {
          fail(rules.mergeConflict, `\`${file}\` differs between ${show(before)} and ${show(path.join(input, file))}: build every version with the same theme and Strata`);
        }
      }
    }
  }
  if (hasErrors(diagnostics)) return finish();

  // 4. Write, check, swap in.
  const parsed = parseBaseUrl(site.baseUrl);
  const base = parsed.ok ? parsed.base : { href: '/', path: '/', origin: undefined };
  const latest = site.versions.find((v) => v.latest)?.name;
  const checker = new OutputCheck({
    base,
    displayPrefix: `${show(outDir)}/`,
    versionOf: (p) => {
      const folder = p.split('/')[0] as string;
      return owned.get(folder)?.manifest.version ?? (folder === 'latest' ? latest : undefined);
    },
  });
  const output = new AtomicDirectory(outDir);
  const sink = checker.wrap(output);
  try {
    const files = [...plan.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const file of files) await sink.write(file, await fs.readFile(plan.get(file) as string));
    const manifests = site.versions.map((v) => (byVersion.get(v.name) as Found).manifest);
    const root = siteRootFiles(site, manifests);
    for (const file of root) await sink.write(file.path, file.data);
    summary.files = files.length + root.length;
    diagnostics.push(...checker.finish());
    // Each input indexed only its own version: the merged site gets one index of every version.
    if (!hasErrors(diagnostics)) diagnostics.push(...(await indexDirectory(output.staging, { exclude: (file) => file.startsWith('latest/') })).diagnostics);
    if (options.warnOnly) {
      for (const [i, d] of diagnostics.entries()) if (d.severity === 'error') diagnostics[i] = { ...d, severity: 'warning' };
    }
    if (hasErrors(diagnostics)) await output.abort();
    else {
      await output.commit();
      summary.written = true;
    }
  } catch (e) {
    await output.abort();
    throw e;
  }
  for (const v of site.versions) {
    const f = byVersion.get(v.name) as Found;
    const count = [...plan.keys()].filter((p) => f.manifest.folders.some((folder) => p.startsWith(`${folder}/`))).length;
    summary.versions.push({ name: v.name, latest: v.latest, input: show(f.input), files: count });
  }
  return finish();
}

/** Every file below `abs`, as output paths starting with `rel`. */
async function listFiles(abs: string, rel: string): Promise<string[]> {
  const stat = await fs.stat(abs);
  if (!stat.isDirectory()) return [rel];
  const entries = await fs.readdir(abs, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => `${rel}/${path.relative(abs, path.join(e.parentPath, e.name)).split(path.sep).join('/')}`);
}

async function sameBytes(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([fs.readFile(a), fs.readFile(b)]);
  return x.equals(y);
}

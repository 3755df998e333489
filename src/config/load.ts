import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Place } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/line-index.js';
import { rules } from '../diagnostics/rules.js';
import { dataFormatOf, parseData, type DataFormat } from '../content/parse-data.js';
import { importUserModule } from '../util/load-module.js';
import { guardSitePlugins } from '../markdown/site-plugins.js';
import { unified, type PluggableList } from 'unified';
import { HUGO_CONFIG_FILES, mapHugoConfig } from './hugo-config.js';
import { defaults, type StrataConfig, type UserConfig, type VersionConfig } from './schema.js';
import { errorFirstLine, errorMessage } from '../util/error-text.js';

/** The names a config file may have, in the order they are looked for. */
export const CONFIG_FILES = ['strata.config.ts', 'strata.config.mts', 'strata.config.js', 'strata.config.mjs', 'strata.config.json'];

export interface LoadedConfig {
  config: StrataConfig;
  /** The file it came from, relative to the site, if any. */
  file: string | undefined;
  diagnostics: Diagnostic[];
}

/**
 * Finds and loads the site's config, merges defaults, and reports what is
 * wrong in it. `strata.config.*` comes first; without one, a Hugo config
 * (`hugo.toml`, `config.yaml`…) is read. `configFile` (relative to the site)
 * names the file instead: a Hugo config when it is TOML, YAML or JSON not
 * named `strata.config.json`.
 */
export async function loadConfig(siteDir: string, configFile?: string): Promise<LoadedConfig> {
  const name = configFile ?? CONFIG_FILES.find((f) => existsSync(path.join(siteDir, f))) ?? HUGO_CONFIG_FILES.find((f) => existsSync(path.join(siteDir, f)));
  if (!name) return { config: { ...defaults }, file: undefined, diagnostics: [] };
  const abs = path.resolve(siteDir, name);
  const shown = path.relative(siteDir, abs).split(path.sep).join('/');
  const fail = (message: string, place?: Place): LoadedConfig => ({
    config: { ...defaults },
    file: shown,
    diagnostics: [{ severity: 'error', ruleId: rules.configInvalid, message, file: shown, ...(place ? { place } : {}) }],
  });
  if (!existsSync(abs)) return fail(`config file \`${name}\` does not exist`);
  const hugo = isHugoConfig(abs);
  let raw: unknown;
  try {
    raw = hugo ? await readHugoConfig(abs) : await importConfig(abs);
  } catch (e) {
    const reason = errorFirstLine(e);
    return fail(`cannot load config: ${reason.replace(/ in JSON at position \d+.*$/, '')}`, await failurePlace(e, reason, abs));
  }
  const diagnostics: Diagnostic[] = [];
  if (hugo) {
    const mapped = mapHugoConfig(raw, shown);
    diagnostics.push(...mapped.diagnostics);
    raw = mapped.config;
  }
  const config = validate(raw, shown, diagnostics);
  return { config, file: shown, diagnostics };
}

function isHugoConfig(abs: string): boolean {
  const base = path.basename(abs);
  return dataFormatOf(base) !== undefined && !base.startsWith('strata.config.');
}

async function readHugoConfig(abs: string): Promise<unknown> {
  const { readFile } = await import('node:fs/promises');
  const parsed = parseData(await readFile(abs, 'utf8'), dataFormatOf(abs) as DataFormat);
  if (!parsed.ok) throw Object.assign(new Error(parsed.reason), parsed.line ? { line: parsed.line } : {});
  return parsed.value;
}

async function importConfig(abs: string): Promise<unknown> {
  if (abs.endsWith('.json')) {
    const { readFile } = await import('node:fs/promises');
    return JSON.parse(await readFile(abs, 'utf8'));
  }
  // The modification time in the URL makes a long-running process (`strata dev`) see an edited config.
  if (/\.m?js$/.test(abs)) return ((await import(`${pathToFileURL(abs).href}?mtime=${statSync(abs).mtimeMs}`)) as { default: unknown }).default;
  return importUserModule(abs);
}

/** Where in the config file loading failed, when the parser says: a JSON offset, or a Hugo config's line. */
async function failurePlace(e: unknown, reason: string, abs: string): Promise<Place | undefined> {
  const line = (e as { line?: unknown }).line;
  if (typeof line === 'number') return { line, column: 1 };
  const at = / in JSON at position (\d+)/.exec(reason);
  if (!at) return undefined;
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(abs, 'utf8').catch(() => '');
  return new LineIndex(text).place(Number(at[1]));
}

const KNOWN: ReadonlySet<string> = new Set(Object.keys(defaults));

function validate(raw: unknown, file: string, diagnostics: Diagnostic[]): StrataConfig {
  const fail = (message: string) => diagnostics.push({ severity: 'error', ruleId: rules.configInvalid, message, file });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    fail('the config must export an object (`export default defineConfig({ … })`)');
    return { ...defaults };
  }
  const user = raw as UserConfig & Record<string, unknown>;
  for (const key of Object.keys(user)) {
    if (!KNOWN.has(key)) diagnostics.push({ severity: 'warning', ruleId: rules.configIgnored, message: `unknown config key \`${key}\` is ignored`, file });
  }
  const config: StrataConfig = { ...defaults, markdown: { ...defaults.markdown } };
  for (const key of ['title', 'description', 'baseUrl', 'outDir', 'contentDir', 'staticDir', 'theme', 'editUrl', 'latest'] as const) {
    const value = user[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') fail(`\`${key}\` must be a string`);
    else (config as unknown as Record<string, unknown>)[key] = value;
  }
  if (user.search !== undefined) {
    if (typeof user.search !== 'boolean') fail('`search` must be true or false');
    else config.search = user.search;
  }
  if (user.redirectsFile !== undefined) {
    if (typeof user.redirectsFile !== 'boolean') fail('`redirectsFile` must be true or false');
    else config.redirectsFile = user.redirectsFile;
  }
  if (user.version !== undefined) {
    const version = versionEntry(user.version, 'version', fail);
    if (version) config.version = version;
  }
  if (user.versions !== undefined) {
    if (!Array.isArray(user.versions)) fail('`versions` must be a list of `{ name, ref?, path?, label?, status? }`');
    else config.versions = user.versions.map((v, i) => versionEntry(v, `versions[${i}]`, fail)).filter((v): v is VersionConfig => v !== undefined);
  }
  if (user.markdown !== undefined) {
    if (typeof user.markdown !== 'object' || user.markdown === null) fail('`markdown` must be an object');
    else config.markdown = { ...config.markdown, ...user.markdown };
    for (const key of ['remarkPlugins', 'rehypePlugins'] as const) {
      const problem = pluginListProblem(config.markdown[key], key === 'remarkPlugins' ? 'remark' : 'rehype');
      if (problem === undefined) continue;
      fail(`\`markdown.${key}\`: ${problem}`);
      delete config.markdown[key];
    }
  }
  if (user.params !== undefined) {
    if (typeof user.params !== 'object' || user.params === null || Array.isArray(user.params)) fail('`params` must be an object');
    else config.params = user.params;
  }
  for (const key of ['ignoreFiles', 'disableKinds'] as const) {
    const value = user[key];
    if (value === undefined) continue;
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) fail(`\`${key}\` must be a list of strings`);
    else config[key] = value;
  }
  for (const pattern of config.ignoreFiles) {
    try {
      new RegExp(pattern);
    } catch {
      fail(`\`ignoreFiles\` entry \`${pattern}\` is not a valid regular expression`);
    }
  }
  return config;
}

/** Why a site plugin list cannot be used (unified refuses an entry, or a plugin throws as it is attached), if it cannot. */
function pluginListProblem(list: unknown, kind: 'remark' | 'rehype'): string | undefined {
  if (list === undefined) return undefined;
  if (!Array.isArray(list)) return 'must be a list of plugins (`[plugin, [plugin, options]]`)';
  try {
    unified().use(guardSitePlugins(list as PluggableList, kind)).freeze();
    return undefined;
  } catch (e) {
    return errorMessage(e);
  }
}

function versionEntry(value: unknown, where: string, fail: (m: string) => void): VersionConfig | undefined {
  if (typeof value !== 'object' || value === null) {
    fail(`\`${where}\` must be an object like \`{ name: '1.17.x' }\``);
    return undefined;
  }
  const v = value as Record<string, unknown>;
  if (typeof v.name !== 'string' || v.name === '') {
    fail(`\`${where}.name\` must be a non-empty string`);
    return undefined;
  }
  for (const key of ['label', 'ref', 'path'] as const) {
    if (v[key] !== undefined && typeof v[key] !== 'string') {
      fail(`\`${where}.${key}\` must be a string`);
      return undefined;
    }
  }
  if (v.status !== undefined && !['maintained', 'unmaintained', 'prerelease'].includes(v.status as string)) {
    fail(`\`${where}.status\` must be \`maintained\`, \`unmaintained\` or \`prerelease\``);
    return undefined;
  }
  return v as unknown as VersionConfig;
}

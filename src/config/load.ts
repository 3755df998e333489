import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { rules } from '../diagnostics/rules.js';
import { importUserModule } from '../util/load-module.js';
import { defaults, type StrataConfig, type UserConfig, type VersionConfig } from './schema.js';

/** The names a config file may have, in the order they are looked for. */
export const CONFIG_FILES = ['strata.config.ts', 'strata.config.mts', 'strata.config.js', 'strata.config.mjs', 'strata.config.json'];

export interface LoadedConfig {
  config: StrataConfig;
  /** The file it came from, relative to the site, if any. */
  file: string | undefined;
  diagnostics: Diagnostic[];
}

/** Finds and loads the site's config, merges defaults, and reports what is wrong in it. */
export async function loadConfig(siteDir: string): Promise<LoadedConfig> {
  const name = CONFIG_FILES.find((f) => existsSync(path.join(siteDir, f)));
  if (!name) return { config: { ...defaults }, file: undefined, diagnostics: [] };
  const abs = path.join(siteDir, name);
  let raw: unknown;
  try {
    raw = await importConfig(abs);
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return {
      config: { ...defaults },
      file: name,
      diagnostics: [{ severity: 'error', ruleId: rules.configInvalid, message: `cannot load config: ${reason}`, file: name }],
    };
  }
  const diagnostics: Diagnostic[] = [];
  const config = validate(raw, name, diagnostics);
  return { config, file: name, diagnostics };
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
  }
  return config;
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

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { rules } from '../diagnostics/rules.js';
import type { MarkdownOptions } from '../markdown/processor.js';
import type { UserConfig } from './schema.js';

/** Config files Hugo reads from a site's root, in Hugo's order. */
export const HUGO_CONFIG_FILES = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];

/** Kinds Hugo can disable. Strata makes none of the first five, so disabling them changes nothing. */
const KINDS = ['taxonomy', 'term', 'rss', 'home', 'section', 'page', 'sitemap', 'robotstxt', '404'];

/** Strata's own fields, allowed in a Hugo config under `[strata]` (e.g. `version = { name = "1.17.x" }`). */
const STRATA_FIELDS = ['description', 'theme', 'editUrl', 'version', 'versions', 'latest', 'staticDir', 'outDir'] as const;

export interface MappedConfig {
  config: UserConfig;
  diagnostics: Diagnostic[];
}

/**
 * A Hugo site config (`hugo.toml`, `config.yaml`, `docs.toml`…) → Strata's
 * config. Keys are read case-insensitively, as Hugo does. What Strata has no
 * use for is listed once as an `config:ignored` warning, never an error.
 * Unset markdown switches take Hugo's defaults (raw HTML off, typographer on,
 * automatic heading ids on), so a tree renders as it did with Hugo.
 */
export function mapHugoConfig(raw: unknown, file: string): MappedConfig {
  const diagnostics: Diagnostic[] = [];
  const ignore = (key: string, why = '') =>
    diagnostics.push({ severity: 'warning', ruleId: rules.configIgnored, message: `Hugo config key \`${key}\` is ignored${why}`, file });
  const invalid = (message: string) => diagnostics.push({ severity: 'error', ruleId: rules.configInvalid, message, file });
  const config: UserConfig = {};
  if (!isTable(raw)) {
    invalid('the config must be a table of settings');
    return { config, diagnostics };
  }
  const markdown: MarkdownOptions = { unsafe: false, typographer: true, autoHeadingIds: true };
  for (const [key, value] of Object.entries(raw)) {
    switch (key.toLowerCase()) {
      case 'baseurl':
        if (typeof value === 'string') config.baseUrl = value;
        else invalid('`baseURL` must be a string');
        break;
      case 'title':
        if (typeof value === 'string') config.title = value;
        else invalid('`title` must be a string');
        break;
      case 'contentdir':
        if (typeof value === 'string') config.contentDir = trimSlashes(value);
        else invalid('`contentDir` must be a string');
        break;
      case 'publishdir':
        if (typeof value === 'string') config.outDir = value;
        else invalid('`publishDir` must be a string');
        break;
      case 'staticdir':
        if (typeof value === 'string') config.staticDir = trimSlashes(value);
        else if (Array.isArray(value) && typeof value[0] === 'string') {
          config.staticDir = trimSlashes(value[0]);
          if (value.length > 1) ignore(`${key}[1…]`, '; Strata reads one static folder');
        } else invalid('`staticDir` must be a string');
        break;
      case 'ignorefiles':
        if (isStrings(value)) config.ignoreFiles = value;
        else invalid('`ignoreFiles` must be a list of regular expressions');
        break;
      case 'params':
        if (isTable(value)) config.params = value;
        else invalid('`params` must be a table');
        break;
      case 'disablekinds':
        if (!isStrings(value)) invalid('`disableKinds` must be a list of kinds');
        else {
          for (const kind of value) if (!KINDS.includes(kind.toLowerCase())) ignore(`disableKinds: ${kind}`, '; not a kind Hugo knows');
          config.disableKinds = value.filter((kind) => KINDS.includes(kind.toLowerCase()));
        }
        break;
      case 'markup':
        mapMarkup(value, markdown, ignore, invalid);
        break;
      case 'strata':
        if (!isTable(value)) invalid('`strata` must be a table of Strata settings');
        else
          for (const [field, setting] of Object.entries(value)) {
            if ((STRATA_FIELDS as readonly string[]).includes(field)) (config as Record<string, unknown>)[field] = setting;
            else ignore(`strata.${field}`);
          }
        break;
      case 'theme':
        ignore(key, '; Hugo themes are Go templates: Strata uses its own theme (`[strata] theme = "…"`), and `shortcodes/*.ts` for site shortcodes');
        break;
      default:
        ignore(key);
    }
  }
  config.markdown = markdown;
  return { config, diagnostics };
}

/** `markup.goldmark.{renderer.unsafe, extensions.typographer, parser.autoHeadingID}`; the rest is ignored. */
function mapMarkup(value: unknown, markdown: MarkdownOptions, ignore: (key: string, why?: string) => void, invalid: (m: string) => void): void {
  if (!isTable(value)) return invalid('`markup` must be a table');
  for (const [key, section] of Object.entries(value)) {
    if (key.toLowerCase() === 'defaultmarkdownhandler' && String(section).toLowerCase() === 'goldmark') continue;
    if (key.toLowerCase() !== 'goldmark' || !isTable(section)) {
      ignore(`markup.${key}`);
      continue;
    }
    for (const [part, settings] of Object.entries(section)) {
      const where = `markup.goldmark.${part}`;
      if (!isTable(settings)) {
        ignore(where);
        continue;
      }
      for (const [name, setting] of Object.entries(settings)) {
        const path = `${where}.${name}`;
        const id = `${part}.${name}`.toLowerCase();
        if (id === 'renderer.unsafe' && typeof setting === 'boolean') markdown.unsafe = setting;
        else if (id === 'extensions.typographer' && typeof setting === 'boolean') markdown.typographer = setting;
        // Hugo 0.112+ spells it `[extensions.typographer] disable = true`.
        else if (id === 'extensions.typographer' && isTable(setting) && Object.keys(setting).every((k) => k.toLowerCase() === 'disable'))
          markdown.typographer = !Object.values(setting)[0];
        else if (id === 'parser.autoheadingid' && typeof setting === 'boolean') markdown.autoHeadingIds = setting;
        else if (id === 'parser.autoheadingidtype' && String(setting).toLowerCase() === 'github') continue;
        // Extensions Strata always has: on is a no-op, off is not supported.
        else if (part.toLowerCase() === 'extensions' && setting === true) continue;
        else ignore(path, part.toLowerCase() === 'extensions' ? '; Strata always renders it' : '');
      }
    }
  }
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function trimSlashes(dir: string): string {
  return dir.replace(/^\.?\/+|\/+$/g, '');
}

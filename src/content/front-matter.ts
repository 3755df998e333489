import grayMatter from 'gray-matter';
import { parse as parseToml } from 'smol-toml';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { rules } from '../diagnostics/rules.js';

/** The front matter fields Strata understands, typed; everything else stays in `params`. */
export interface FrontMatter {
  title?: string;
  linkTitle?: string;
  weight?: number;
  description?: string;
  draft?: boolean;
  hidden?: boolean;
  aliases?: string[];
  slug?: string;
  url?: string;
  /** Every key as written, for layouts and site shortcodes (Hugo's `.Params`). */
  params: Record<string, unknown>;
}

export type FrontMatterFormat = 'yaml' | 'toml' | 'json' | 'none';

export interface SplitSource {
  frontMatter: FrontMatter;
  format: FrontMatterFormat;
  body: string;
  /** Offset of `body` in the file text: positions in the body add this. */
  bodyOffset: number;
  diagnostics: Diagnostic[];
}

const FENCES: Record<string, { format: 'yaml' | 'toml'; close: RegExp }> = {
  '---': { format: 'yaml', close: /^---[ \t]*\r?$/m },
  '+++': { format: 'toml', close: /^\+\+\+[ \t]*\r?$/m },
};

/**
 * Splits a page into front matter and body (YAML `---`, TOML `+++`, JSON `{…}`,
 * or none), and types the known fields. Problems come back as diagnostics
 * placed in the file; the page still builds with what could be read.
 */
export function splitFrontMatter(text: string, file: string): SplitSource {
  const lead = /^(?:[ \t]*\r?\n)*/.exec(text)?.[0].length ?? 0;
  const opener = text.slice(lead, lead + 3);
  const fence = FENCES[opener];
  if (fence && /^[ \t]*\r?\n/.test(text.slice(lead + 3))) return splitFenced(text, lead, opener, fence, file);
  if (text[lead] === '{') return splitJson(text, lead, file);
  return { frontMatter: { params: {} }, format: 'none', body: text, bodyOffset: 0, diagnostics: [] };
}

function splitFenced(text: string, lead: number, opener: string, fence: { format: 'yaml' | 'toml'; close: RegExp }, file: string): SplitSource {
  const afterOpen = text.indexOf('\n', lead) + 1;
  const rest = text.slice(afterOpen);
  const close = fence.close.exec(rest);
  const startLine = lineOf(text, lead);
  if (!close) {
    return {
      frontMatter: { params: {} },
      format: fence.format,
      body: '',
      bodyOffset: text.length,
      diagnostics: [error(rules.frontMatterUnclosed, `front matter opened with \`${opener}\` is never closed`, file, { line: startLine, column: 1 })],
    };
  }
  const closeEnd = afterOpen + close.index + close[0].length;
  const bodyOffset = text[closeEnd] === '\n' ? closeEnd + 1 : closeEnd;
  const body = text.slice(bodyOffset);
  const raw = text.slice(afterOpen, afterOpen + close.index);
  const diagnostics: Diagnostic[] = [];
  let data: unknown = {};
  try {
    // Options are always passed: gray-matter caches by content only when they are not.
    data = grayMatter(`${opener}\n${raw}${opener}\n`, {
      language: fence.format,
      delimiters: opener,
      engines: { toml: (s: string) => parseToml(s) as object },
    }).data;
  } catch (e) {
    diagnostics.push(syntaxDiagnostic(e, fence.format, file, startLine + 1, raw));
  }
  const frontMatter = typeFields(data, raw, startLine + 1, file, diagnostics);
  return { frontMatter, format: fence.format, body, bodyOffset, diagnostics };
}

function splitJson(text: string, lead: number, file: string): SplitSource {
  const end = matchingBrace(text, lead);
  const startLine = lineOf(text, lead);
  if (end === undefined) {
    return {
      frontMatter: { params: {} },
      format: 'json',
      body: '',
      bodyOffset: text.length,
      diagnostics: [error(rules.frontMatterUnclosed, 'JSON front matter opened with `{` is never closed', file, { line: startLine, column: 1 })],
    };
  }
  const raw = text.slice(lead, end + 1);
  const diagnostics: Diagnostic[] = [];
  let data: unknown = {};
  try {
    data = JSON.parse(raw);
  } catch (e) {
    const at = /position (\d+)/.exec(String((e as Error).message));
    const offset = lead + (at ? Number(at[1]) : 0);
    diagnostics.push(
      error(rules.frontMatterSyntax, `invalid JSON front matter: ${cleanJsonMessage((e as Error).message)}`, file, {
        line: lineOf(text, offset),
        column: offset - text.lastIndexOf('\n', offset - 1),
      }),
    );
  }
  let bodyOffset = end + 1;
  const eol = /^[ \t]*\r?\n/.exec(text.slice(bodyOffset));
  if (eol) bodyOffset += eol[0].length;
  const frontMatter = typeFields(data, raw, startLine, file, diagnostics);
  return { frontMatter, format: 'json', body: text.slice(bodyOffset), bodyOffset, diagnostics };
}

function syntaxDiagnostic(e: unknown, format: 'yaml' | 'toml', file: string, firstLine: number, raw: string): Diagnostic {
  const err = e as { reason?: string; message?: string; mark?: { line: number; column: number }; line?: number; column?: number };
  if (format === 'yaml' && err.mark) {
    // gray-matter hands js-yaml the text from the end of the `---` line, so mark line 1 is the first field.
    return error(rules.frontMatterSyntax, `invalid YAML front matter: ${err.reason ?? 'syntax error'}`, file, {
      line: firstLine + err.mark.line - 1,
      column: err.mark.column + 1,
    });
  }
  if (format === 'toml' && typeof err.line === 'number') {
    let reason = String(err.message ?? '').split('\n')[0]?.replace(/^Invalid TOML document:\s*/, '') ?? 'syntax error';
    // smol-toml calls the line end inside an unclosed string a control character.
    const at = raw.split('\n')[err.line - 2]?.replace(/\r$/, '')[(err.column ?? 1) - 1];
    if (/control characters/.test(reason) && at === undefined) reason = 'string not closed before the end of the line';
    return error(rules.frontMatterSyntax, `invalid TOML front matter: ${reason}`, file, {
      line: firstLine + err.line - 2,
      column: err.column ?? 1,
    });
  }
  return error(rules.frontMatterSyntax, `invalid ${format.toUpperCase()} front matter: ${err.reason ?? err.message ?? 'syntax error'}`, file, {
    line: firstLine,
    column: 1,
  });
}

type FieldType = 'string' | 'number' | 'boolean' | 'path' | 'paths';

/** Fields that become output paths (`url`, `aliases`, `slug`) are confined to the version's folder. */
const FIELDS: Record<string, FieldType> = {
  title: 'string',
  linkTitle: 'string',
  weight: 'number',
  description: 'string',
  draft: 'boolean',
  hidden: 'boolean',
  aliases: 'paths',
  slug: 'path',
  url: 'path',
};

function typeFields(data: unknown, raw: string, firstLine: number, file: string, diagnostics: Diagnostic[]): FrontMatter {
  if (data === null || data === undefined) return { params: {} };
  if (typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push(error(rules.frontMatterField, 'front matter must be a map of fields', file, { line: firstLine, column: 1 }));
    return { params: {} };
  }
  const params = data as Record<string, unknown>;
  const out: FrontMatter = { params };
  for (const [key, type] of Object.entries(FIELDS)) {
    if (!(key in params)) continue;
    const value = coerce(params[key], type);
    if (value === undefined) {
      diagnostics.push(
        error(rules.frontMatterField, `front matter field \`${key}\` must be ${describe(type)}, got ${show(offending(params[key], type))}`, file, keyPlace(raw, key, firstLine)),
      );
      continue;
    }
    (out as unknown as Record<string, unknown>)[key] = value;
  }
  return out;
}

function coerce(value: unknown, type: FieldType): unknown {
  switch (type) {
    case 'string':
      return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'path':
      return typeof value === 'string' && isSitePath(value) ? value : undefined;
    case 'paths':
      if (typeof value === 'string') return isSitePath(value) ? [value] : undefined;
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && isSitePath(v)) ? value : undefined;
  }
}

// eslint-disable-next-line no-control-regex
const UNSAFE_PATH = /[\u0000-\u001f\u007f\\]/;

/** A path that stays where it is put: no `.` or `..` segment (`/../index.html` would replace the site's root page), no backslash or control character. */
function isSitePath(value: string): boolean {
  return !UNSAFE_PATH.test(value) && !value.split('/').some((segment) => segment === '.' || segment === '..');
}

/** The value to show in a message: for a list of paths, the entry at fault. */
function offending(value: unknown, type: FieldType): unknown {
  if (type !== 'paths' || !Array.isArray(value)) return value;
  return value.find((v) => typeof v !== 'string' || !isSitePath(v)) ?? value;
}

function describe(type: FieldType): string {
  const path = 'without `.` or `..` segments, backslashes or control characters';
  return {
    string: 'a string',
    number: 'a number',
    boolean: '`true` or `false`',
    path: `a site path ${path}`,
    paths: `a list of site paths ${path}`,
  }[type];
}

function show(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  return typeof value === 'string' ? `\`${JSON.stringify(value)}\`` : typeof value === 'object' ? 'a map' : `\`${String(value)}\``;
}

/** Where field `key` is written in a page's front matter (the text before `bodyOffset`), if it is. */
export function fieldPlace(text: string, bodyOffset: number, key: string): { line: number; column: number } | undefined {
  return findKey(text.slice(0, bodyOffset), key, 1);
}

/** Where `key` is written in the raw front matter, so a wrong type points at its line. */
function keyPlace(raw: string, key: string, firstLine: number): { line: number; column: number } {
  return findKey(raw, key, firstLine) ?? { line: firstLine, column: 1 };
}

function findKey(raw: string, key: string, firstLine: number): { line: number; column: number } | undefined {
  const lines = raw.split('\n');
  const pattern = new RegExp(`^(\\s*\\{?\\s*)"?${key}"?\\s*[:=]`);
  for (let i = 0; i < lines.length; i++) {
    const m = pattern.exec(lines[i] as string);
    if (m) return { line: firstLine + i, column: (m[1] as string).length + 1 };
  }
  return undefined;
}

function matchingBrace(text: string, start: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return undefined;
}

function cleanJsonMessage(message: string): string {
  return message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

import grayMatter from 'gray-matter';
import { parse as parseToml } from 'smol-toml';

export type DataFormat = 'yaml' | 'toml' | 'json';

export type ParsedData = { ok: true; value: unknown } | { ok: false; reason: string; line?: number; column?: number };

/** The format of a data or config file, by its extension. */
export function dataFormatOf(file: string): DataFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  return ext === 'yaml' || ext === 'yml' ? 'yaml' : ext === 'toml' ? 'toml' : ext === 'json' ? 'json' : undefined;
}

/**
 * Parses a YAML, TOML or JSON document (data files, Hugo config), with the
 * place of a syntax error when the parser knows it. YAML goes through
 * gray-matter's engine, the one front matter uses, so both read YAML alike.
 */
export function parseData(text: string, format: DataFormat): ParsedData {
  try {
    if (format === 'json') return { ok: true, value: JSON.parse(text) as unknown };
    if (format === 'toml') return { ok: true, value: parseToml(text) as unknown };
    const value = grayMatter(`---\n${text}\n---\n`, { language: 'yaml', delimiters: '---' }).data as unknown;
    return { ok: true, value };
  } catch (e) {
    const err = e as { reason?: string; message?: string; mark?: { line: number; column: number }; line?: number; column?: number };
    if (format === 'yaml' && err.mark) return { ok: false, reason: err.reason ?? 'syntax error', line: err.mark.line, column: err.mark.column + 1 };
    if (format === 'toml' && typeof err.line === 'number')
      return { ok: false, reason: String(err.message ?? '').split('\n')[0]?.replace(/^Invalid TOML document:\s*/, '') ?? 'syntax error', line: err.line, ...(err.column ? { column: err.column } : {}) };
    return { ok: false, reason: String(err.message ?? e).split('\n')[0] ?? 'syntax error' };
  }
}

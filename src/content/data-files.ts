import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { rules } from '../diagnostics/rules.js';
import type { SourceTree } from '../versions/source-tree.js';
import { decodeText } from './decode.js';
import { dataFormatOf, parseData } from './parse-data.js';

export interface DataFiles {
  /** `data/a/b.yaml` → `{ a: { b: … } }` (Hugo's `.Site.Data`). */
  data: Record<string, unknown>;
  /** Tree paths read, for the dev server and the cache. */
  files: string[];
  diagnostics: Diagnostic[];
}

/**
 * Reads a version's `data/` folder as Hugo does: every `.yaml`, `.yml`,
 * `.toml` and `.json` file, keyed by its folder path and name without the
 * extension. A file that cannot be parsed is an error placed in it.
 */
export async function loadDataFiles(tree: SourceTree, dataDir = 'data'): Promise<DataFiles> {
  const data: Record<string, unknown> = {};
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of await tree.list(dataDir)) {
    const format = dataFormatOf(file);
    if (!format) continue;
    const bytes = await tree.read(file);
    if (!bytes) continue;
    files.push(file);
    const shown = tree.displayPrefix + file;
    const decoded = decodeText(bytes);
    if (!decoded.ok) {
      diagnostics.push({ severity: 'error', ruleId: rules.dataInvalid, message: 'data file is not UTF-8 text', file: shown });
      continue;
    }
    const parsed = parseData(decoded.text, format);
    if (!parsed.ok) {
      diagnostics.push({
        severity: 'error',
        ruleId: rules.dataInvalid,
        message: `invalid ${format.toUpperCase()} in data file: ${parsed.reason}`,
        file: shown,
        ...(parsed.line ? { place: { line: parsed.line, column: parsed.column ?? 1 } } : {}),
      });
      continue;
    }
    const keys = file.slice(dataDir.length + 1).replace(/\.[^./]+$/, '').split('/');
    let at = data;
    for (const key of keys.slice(0, -1)) {
      const next = at[key];
      at = (typeof next === 'object' && next !== null && !Array.isArray(next) ? next : (at[key] = {})) as Record<string, unknown>;
    }
    at[keys[keys.length - 1] as string] = parsed.value;
  }
  return { data, files, diagnostics };
}

import { decodeText } from '../content/decode.js';
import type { ReadFileResult } from '../shortcodes/definition.js';
import { resolveInside, type SourceTree } from '../versions/source-tree.js';

export type FileReader = (path: string) => Promise<ReadFileResult>;

/**
 * `readfile` targets of one version, each read once per build however many
 * pages include it. A path is tried from the version root, then from
 * `content/` (both Hugo habits); it never leaves the version's tree.
 */
export function createFileReader(tree: SourceTree, contentDir: string): FileReader {
  const cache = new Map<string, Promise<ReadFileResult>>();
  return (path) => {
    let result = cache.get(path);
    if (!result) {
      result = read(tree, path, contentDir);
      cache.set(path, result);
    }
    return result;
  };
}

async function read(tree: SourceTree, path: string, contentDir: string): Promise<ReadFileResult> {
  const fromRoot = resolveInside(path);
  if (fromRoot === undefined || fromRoot === '') return { ok: false, path, reason: 'outside' };
  let found = fromRoot;
  let kind = await tree.kind(fromRoot);
  if (kind === undefined) {
    const fromContent = resolveInside(path, contentDir);
    const alt = fromContent === undefined ? undefined : await tree.kind(fromContent);
    if (fromContent !== undefined && alt !== undefined) {
      found = fromContent;
      kind = alt;
    }
  }
  if (kind === 'outside') return { ok: false, path, reason: 'outside' };
  if (kind === 'directory') return { ok: false, path, reason: 'directory' };
  if (kind === undefined) return { ok: false, path, reason: 'missing' };
  const bytes = await tree.read(found);
  if (!bytes) return { ok: false, path, reason: 'missing' };
  const decoded = decodeText(bytes);
  return decoded.ok ? { ok: true, path: found, text: decoded.text } : { ok: false, path, reason: 'binary' };
}

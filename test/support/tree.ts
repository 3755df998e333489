import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Every file below `dir` (dotfiles included) → a hash of its bytes. */
export function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const abs = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, abs).split(path.sep).join('/'), createHash('sha256').update(readFileSync(abs)).digest('hex'));
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** What differs between two trees, one line per file: readable when a test fails. */
export function diffTrees(a: string, b: string): string[] {
  const left = readTree(a);
  const right = readTree(b);
  const out: string[] = [];
  for (const [file, hash] of left) {
    if (!right.has(file)) out.push(`only in ${a}: ${file}`);
    else if (right.get(file) !== hash) out.push(`differs: ${file}`);
  }
  for (const file of right.keys()) if (!left.has(file)) out.push(`only in ${b}: ${file}`);
  return out;
}

/** The markdown files below `dir`, in the order the file system lists them. */
export function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) markdownFiles(file, out);
    else if (entry.name.endsWith('.md')) out.push(file);
  }
  return out;
}

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { resolveInside, type SourceTree } from './source-tree.js';

/** A version that lives in a folder: the working tree or `versions/<name>/`. */
export class FsTree implements SourceTree {
  readonly root: string;
  readonly displayPrefix: string;
  #realRoot: Promise<string> | undefined;

  constructor(root: string, displayPrefix: string) {
    this.root = path.resolve(root);
    this.displayPrefix = displayPrefix;
  }

  async list(dir: string): Promise<string[]> {
    const rel = resolveInside(dir);
    if (rel === undefined) return [];
    const files: string[] = [];
    await walk(path.join(this.root, rel), rel, files);
    return files.sort();
  }

  async read(treePath: string): Promise<Buffer | undefined> {
    if ((await this.kind(treePath)) !== 'file') return undefined;
    try {
      return await fs.readFile(this.#abs(treePath));
    } catch {
      return undefined;
    }
  }

  async kind(treePath: string): Promise<'file' | 'directory' | 'outside' | undefined> {
    const rel = resolveInside(treePath);
    if (rel === undefined) return 'outside';
    let real: string;
    try {
      real = await fs.realpath(this.#abs(rel));
    } catch {
      return undefined;
    }
    const root = await (this.#realRoot ??= fs.realpath(this.root).catch(() => this.root));
    if (real !== root && !real.startsWith(root + path.sep)) return 'outside';
    const stat = await fs.stat(real).catch(() => undefined);
    if (!stat) return undefined;
    return stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : undefined;
  }

  async mtime(treePath: string): Promise<number | undefined> {
    const stat = await fs.stat(this.#abs(treePath)).catch(() => undefined);
    return stat?.mtimeMs;
  }

  #abs(treePath: string): string {
    return path.join(this.root, ...treePath.split('/'));
  }
}

async function walk(abs: string, rel: string, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(abs, { withFileTypes: true });
  } catch {
    return;
  }
  await Promise.all(
    entries.map(async (entry) => {
      if (entry.name.startsWith('.')) return;
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const childAbs = path.join(abs, entry.name);
      if (entry.isDirectory()) await walk(childAbs, childRel, out);
      else if (entry.isFile()) out.push(childRel);
      else if (entry.isSymbolicLink()) {
        // Followed only if it points at a file; `kind` later refuses ones leaving the tree.
        const stat = await fs.stat(childAbs).catch(() => undefined);
        if (stat?.isFile()) out.push(childRel);
      }
    }),
  );
}

import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolveInside, type SourceTree } from './source-tree.js';

interface Entry {
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
}

export type GitRefResult = { ok: true; tree: GitTree } | { ok: false; reason: string };

/**
 * A version read straight from git objects (a branch, tag or commit), without
 * a checkout: the working tree is never touched. One `git cat-file --batch`
 * process serves every read of the version.
 */
export class GitTree implements SourceTree {
  readonly displayPrefix: string;
  readonly commit: string;
  readonly #repo: string;
  readonly #entries: Map<string, Entry>;
  readonly #dirs: Set<string>;
  #reader: BatchReader | undefined;

  private constructor(repo: string, commit: string, entries: Map<string, Entry>, displayPrefix: string) {
    this.#repo = repo;
    this.commit = commit;
    this.#entries = entries;
    this.displayPrefix = displayPrefix;
    this.#dirs = new Set(['']);
    for (const path of entries.keys()) {
      const parts = path.split('/');
      for (let i = 1; i < parts.length; i++) this.#dirs.add(parts.slice(0, i).join('/'));
    }
  }

  /**
   * Opens `ref` of the repository holding `siteDir`; the tree is the site's
   * folder as of that ref (so a site in a subfolder of its repo works).
   */
  static open(siteDir: string, ref: string, displayPrefix: string): GitRefResult {
    const git = (args: string[]) => spawnSync('git', args, { cwd: siteDir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const top = git(['rev-parse', '--show-toplevel']);
    if (top.error) return { ok: false, reason: 'git is not installed' };
    if (top.status !== 0) return { ok: false, reason: 'the site is not in a git repository' };
    const commit = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    if (commit.status !== 0) return { ok: false, reason: `git ref \`${ref}\` does not exist` };
    const sha = commit.stdout.trim();
    const prefix = git(['rev-parse', '--show-prefix']).stdout.trim();
    const list = git(['ls-tree', '-r', '-z', '--full-tree', sha, '--', ...(prefix ? [prefix] : [])]);
    if (list.status !== 0) return { ok: false, reason: `cannot list git ref \`${ref}\`: ${list.stderr.trim()}` };
    const entries = new Map<string, Entry>();
    for (const record of list.stdout.split('\0')) {
      if (!record) continue;
      const tab = record.indexOf('\t');
      const [mode, type, objectSha] = record.slice(0, tab).split(' ') as [string, Entry['type'], string];
      const path = record.slice(tab + 1);
      if (prefix && !path.startsWith(prefix)) continue;
      entries.set(path.slice(prefix.length), { mode, type, sha: objectSha });
    }
    return { ok: true, tree: new GitTree(top.stdout.trim(), sha, entries, displayPrefix) };
  }

  async list(dir: string): Promise<string[]> {
    const rel = resolveInside(dir);
    if (rel === undefined) return [];
    const prefix = rel ? `${rel}/` : '';
    const out: string[] = [];
    for (const [path, entry] of this.#entries) if (path.startsWith(prefix) && entry.type === 'blob' && entry.mode !== '120000' && !hidden(path)) out.push(path);
    return out.sort();
  }

  async read(path: string): Promise<Buffer | undefined> {
    const rel = resolveInside(path);
    const entry = rel === undefined ? undefined : this.#entries.get(rel);
    if (!entry || entry.type !== 'blob' || entry.mode === '120000') return undefined;
    this.#reader ??= new BatchReader(this.#repo);
    return this.#reader.read(entry.sha);
  }

  async kind(path: string): Promise<'file' | 'directory' | 'outside' | undefined> {
    const rel = resolveInside(path);
    if (rel === undefined) return 'outside';
    const entry = this.#entries.get(rel);
    // A symlink in git could point anywhere; it is never followed.
    if (entry) return entry.mode === '120000' ? 'outside' : entry.type === 'blob' ? 'file' : undefined;
    return this.#dirs.has(rel) ? 'directory' : undefined;
  }

  fingerprint(path: string): string | undefined {
    const rel = resolveInside(path);
    const entry = rel === undefined ? undefined : this.#entries.get(rel);
    return entry?.type === 'blob' ? `git:${entry.sha}` : undefined;
  }

  async mtime(): Promise<number | undefined> {
    return undefined;
  }

  /** Ends the batch process; reads after this start a new one. */
  close(): void {
    this.#reader?.close();
    this.#reader = undefined;
  }
}

function hidden(path: string): boolean {
  return path.split('/').some((segment) => segment.startsWith('.'));
}

/** `git cat-file --batch`: one process, requests answered in order. */
class BatchReader {
  readonly #process: ChildProcessWithoutNullStreams;
  readonly #queue: Array<{ resolve: (b: Buffer | undefined) => void }> = [];
  #buffer: Buffer = Buffer.alloc(0);

  constructor(repo: string) {
    this.#process = spawn('git', ['cat-file', '--batch'], { cwd: repo });
    this.#process.stdout.on('data', (chunk: Buffer) => {
      this.#buffer = this.#buffer.length ? Buffer.concat([this.#buffer, chunk]) : chunk;
      this.#drain();
    });
    this.#process.on('error', () => this.#failAll());
    this.#process.on('close', () => this.#failAll());
    // Idle batch processes must not keep Node alive.
    this.#process.unref();
    (this.#process.stdout as unknown as { unref?: () => void }).unref?.();
    (this.#process.stdin as unknown as { unref?: () => void }).unref?.();
  }

  read(sha: string): Promise<Buffer | undefined> {
    return new Promise((resolve) => {
      this.#queue.push({ resolve });
      this.#process.stdin.write(`${sha}\n`);
    });
  }

  close(): void {
    this.#process.stdin.end();
  }

  #drain(): void {
    while (this.#queue.length) {
      const eol = this.#buffer.indexOf(10);
      if (eol === -1) return;
      const header = this.#buffer.subarray(0, eol).toString('utf8');
      if (header.endsWith(' missing')) {
        this.#buffer = this.#buffer.subarray(eol + 1);
        this.#queue.shift()?.resolve(undefined);
        continue;
      }
      const size = Number(header.split(' ')[2]);
      if (this.#buffer.length < eol + 1 + size + 1) return;
      const body = Buffer.from(this.#buffer.subarray(eol + 1, eol + 1 + size));
      this.#buffer = this.#buffer.subarray(eol + 1 + size + 1);
      this.#queue.shift()?.resolve(body);
    }
  }

  #failAll(): void {
    for (const pending of this.#queue.splice(0)) pending.resolve(undefined);
  }
}

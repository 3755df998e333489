import { spawnSync } from 'node:child_process';
import { cpSync, symlinkSync } from 'node:fs';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(REPO, 'bin/strata.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A copy of the package as users get it (its `node_modules/` linked), whose files a test may change. */
export function copyPackage(to: string): void {
  for (const part of ['bin', 'lib', 'themes', 'package.json']) cpSync(path.join(REPO, part), path.join(to, part), { recursive: true });
  symlinkSync(path.join(REPO, 'node_modules'), path.join(to, 'node_modules'));
}

/** Runs the real `strata` command (the compiled library, as users get it). */
export function strata(args: string[], cwd = REPO, env: NodeJS.ProcessEnv = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A throwaway site on disk: `files` maps paths to contents. Removed by `cleanup`. */
export interface TempSite {
  dir: string;
  write(file: string, text: string): void;
  cleanup(): void;
}

export function makeSite(files: Record<string, string>): TempSite {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'strata-test-'));
  const write = (file: string, text: string) => {
    const abs = path.join(dir, file);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  };
  for (const [file, text] of Object.entries(files)) write(file, text);
  return { dir, write, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

import type { OutputSink } from './output.js';

/** What a build reports while it runs, for progress bars and logs. */
export type BuildProgress =
  | { type: 'version-start'; version: string; pages: number }
  | { type: 'pages'; version: string; done: number; pages: number }
  | { type: 'version-done'; version: string; pages: number; ms: number };

/**
 * Counts the pages of one version as they are written (each page is written
 * once per output folder of its version), without reaching into the render
 * loop: `onPages` gets the number of pages done so far.
 */
export function countingSink(sink: OutputSink, folders: readonly string[], pages: number, onPages: (done: number) => void): OutputSink {
  let written = 0;
  const total = pages * folders.length;
  const prefixes = folders.map((f) => `${f}/`);
  return {
    write: async (file, data) => {
      await sink.write(file, data);
      if (written < total && file.endsWith('/index.html') && prefixes.some((p) => file.startsWith(p))) {
        written++;
        if (written % folders.length === 0) onPages(written / folders.length);
      }
    },
    copy: (file, from) => sink.copy(file, from),
    commit: () => sink.commit(),
    abort: () => sink.abort(),
  };
}

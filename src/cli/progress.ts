import type { BuildProgress } from '../build/build-site.js';
import { formatDuration } from './table.js';

export interface Progress {
  onProgress(event: BuildProgress): void;
  /** Ends a bar left open (a build that threw). */
  end(): void;
}

const BAR = 24;
/** Redraw a bar at most this often, and log a plain progress line at most this often. */
const REDRAW_MS = 80;
const PLAIN_EVERY_MS = 10_000;

/**
 * Build progress for people: on a terminal, one bar per version, redrawn in
 * place and kept when the version is done; elsewhere (a pipe, a file, CI) plain
 * lines: one per version done, and a line every 10 s while a long version runs.
 */
export function createProgress(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): Progress {
  const tty = stream.isTTY === true && !env.CI && env.TERM !== 'dumb';
  return tty ? barProgress(stream) : plainProgress(stream);
}

function barProgress(stream: NodeJS.WriteStream): Progress {
  // Versions render side by side (all versions of a page at once): one line each, redrawn together.
  const rows = new Map<string, { done: number; pages: number; tail: string }>();
  let drawn = 0;
  let last = 0;
  const line = (version: string, row: { done: number; pages: number; tail: string }) => {
    const filled = row.pages === 0 ? BAR : Math.round((row.done / row.pages) * BAR);
    return `\x1b[K${version}  ${'█'.repeat(filled)}${'░'.repeat(BAR - filled)}  ${String(row.done).padStart(String(row.pages).length)}/${row.pages} pages${row.tail}\n`;
  };
  const draw = () => {
    stream.write((drawn ? `\x1b[${drawn}A` : '') + [...rows].map(([v, r]) => line(v, r)).join(''));
    drawn = rows.size;
  };
  return {
    onProgress(event) {
      if (event.type === 'version-start') rows.set(event.version, { done: 0, pages: event.pages, tail: '' });
      else if (event.type === 'pages') {
        const row = rows.get(event.version);
        if (row) row.done = event.done;
        const now = performance.now();
        if (now - last < REDRAW_MS && event.done < event.pages) return;
        last = now;
      } else {
        const row = rows.get(event.version);
        if (row) Object.assign(row, { done: event.pages, tail: `  ${formatDuration(event.ms)}` });
      }
      draw();
    },
    end() {
      drawn = 0;
    },
  };
}

function plainProgress(stream: NodeJS.WriteStream): Progress {
  let last = 0;
  return {
    onProgress(event) {
      const now = performance.now();
      if (event.type === 'version-start') last = now;
      else if (event.type === 'pages') {
        if (now - last < PLAIN_EVERY_MS || event.done === event.pages) return;
        last = now;
        stream.write(`${event.version}: ${event.done}/${event.pages} pages\n`);
      } else stream.write(`${event.version}: ${event.pages} pages in ${formatDuration(event.ms)}\n`);
    },
    end() {},
  };
}

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
  let open = false;
  let last = 0;
  const draw = (version: string, done: number, pages: number, tail: string) => {
    const filled = pages === 0 ? BAR : Math.round((done / pages) * BAR);
    stream.write(`\r\x1b[K${version}  ${'█'.repeat(filled)}${'░'.repeat(BAR - filled)}  ${String(done).padStart(String(pages).length)}/${pages} pages${tail}`);
    open = true;
  };
  return {
    onProgress(event) {
      if (event.type === 'version-start') {
        last = 0;
        draw(event.version, 0, event.pages, '');
      } else if (event.type === 'pages') {
        const now = performance.now();
        if (now - last < REDRAW_MS && event.done < event.pages) return;
        last = now;
        draw(event.version, event.done, event.pages, '');
      } else {
        draw(event.version, event.pages, event.pages, `  ${formatDuration(event.ms)}\n`);
        open = false;
      }
    },
    end() {
      if (open) stream.write('\n');
      open = false;
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

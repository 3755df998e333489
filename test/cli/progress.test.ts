import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';
import { formatDuration, formatTable } from '../../src/cli/table.js';

const ESC = '\x1b';

function stream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const s = { isTTY, text: '', write: (chunk: string) => ((s.text += chunk), true) };
  return s as unknown as NodeJS.WriteStream & { text: string };
}

function run(isTTY: boolean, env: NodeJS.ProcessEnv = {}): string {
  const out = stream(isTTY);
  const progress = createProgress(out, env);
  progress.onProgress({ type: 'version-start', version: '1.17.x', pages: 4 });
  for (let done = 1; done <= 4; done++) progress.onProgress({ type: 'pages', version: '1.17.x', done, pages: 4 });
  progress.onProgress({ type: 'version-done', version: '1.17.x', pages: 4, ms: 1234 });
  progress.onProgress({ type: 'version-start', version: '1.16.x', pages: 2 });
  progress.end();
  return out.text;
}

describe('progress', () => {
  it('draws a bar per version on a terminal, kept when the version is done', () => {
    const text = run(true);
    // Each redraw moves the cursor up over the bars and writes them all again: the last frame is what shows.
    const frame = text.split(new RegExp(`${ESC}\\[\\d+A`)).at(-1) as string;
    expect(frame.split('\n')).toEqual(['\x1b[K1.17.x  ████████████████████████  4/4 pages  1.2 s', '\x1b[K1.16.x  ░░░░░░░░░░░░░░░░░░░░░░░░  0/2 pages', '']);
  });

  it('keeps one bar per version while versions render side by side', () => {
    const out = stream(true);
    const progress = createProgress(out, {});
    progress.onProgress({ type: 'version-start', version: 'a', pages: 2 });
    progress.onProgress({ type: 'version-start', version: 'b', pages: 2 });
    progress.onProgress({ type: 'pages', version: 'a', done: 1, pages: 2 });
    progress.onProgress({ type: 'pages', version: 'b', done: 2, pages: 2 });
    progress.onProgress({ type: 'version-done', version: 'b', pages: 2, ms: 5 });
    const frame = out.text.split(new RegExp(`${ESC}\\[\\d+A`)).at(-1) as string;
    expect(frame).toBe(`\x1b[Ka  ${'█'.repeat(12)}${'░'.repeat(12)}  1/2 pages\n\x1b[Kb  ${'█'.repeat(24)}  2/2 pages  5 ms\n`);
  });

  it('prints plain lines when not on a terminal, or in CI', () => {
    expect(run(false)).toBe('1.17.x: 4 pages in 1.2 s\n');
    expect(run(true, { CI: 'true' })).toBe('1.17.x: 4 pages in 1.2 s\n');
  });
});

describe('summary table', () => {
  it('pads columns and right-aligns numbers', () => {
    expect(formatTable(['version', 'pages', 'time'], [['1.17.x (latest)', '44', '1.2 s'], ['total', '124', '850 ms']], new Set([1, 2]))).toBe(
      'version          pages    time\n1.17.x (latest)     44   1.2 s\ntotal              124  850 ms\n',
    );
  });

  it('says how long in the unit that reads best', () => {
    expect([formatDuration(12.4), formatDuration(3456), formatDuration(125_000)]).toEqual(['12 ms', '3.5 s', '2 min 05 s']);
  });
});

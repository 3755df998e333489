import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';
import { formatDuration, formatTable } from '../../src/cli/table.js';

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
    const lines = text.split('\n');
    expect(lines[0]?.split('\r').at(-1)).toBe('\x1b[K1.17.x  ████████████████████████  4/4 pages  1.2 s');
    expect(lines[1]).toBe('\r\x1b[K1.16.x  ░░░░░░░░░░░░░░░░░░░░░░░░  0/2 pages');
    expect(text.endsWith('\n')).toBe(true);
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

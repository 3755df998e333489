import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtomicDirectory, contentHash, IncrementalDirectory, outputFilePath, writeOutputFile, type OutputFileRecord } from '../../src/build/output.js';

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'strata-output-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

/** What a render thread does with a document when the sink takes direct writes. */
function writeDirectly(sink: AtomicDirectory | IncrementalDirectory, file: string, text: string): void {
  writeOutputFile(sink.direct.folder, file, text, new Set());
  sink.direct.written(file, contentHash(text));
}

describe('output files', () => {
  it('never leave the output folder', () => {
    const root = path.join(tmp, 'out');
    expect(outputFilePath(root, 'a/b/index.html')).toBe(path.join(root, 'a', 'b', 'index.html'));
    expect(() => outputFilePath(root, '../elsewhere.html')).toThrow(/outside the output folder/);
    expect(() => writeOutputFile(root, 'a/../../x.html', 'x', new Set())).toThrow(/outside the output folder/);
    expect(existsSync(path.join(tmp, 'x.html'))).toBe(false);
  });
});

describe('a new output (AtomicDirectory)', () => {
  it('takes files written straight into its staging folder, with their hashes, and swaps them in', async () => {
    const out = path.join(tmp, 'out');
    const sink = new AtomicDirectory(out);
    writeDirectly(sink, '1.0/page/index.html', '<p>thread</p>');
    await sink.write('versions.json', '[]');
    expect(existsSync(out)).toBe(false);
    await sink.commit();
    expect(readFileSync(path.join(out, '1.0/page/index.html'), 'utf8')).toBe('<p>thread</p>');
    expect(sink.produced.get('1.0/page/index.html')).toBe(contentHash('<p>thread</p>'));
    expect(sink.produced.get('versions.json')).toBe(contentHash('[]'));
  });

  it('leaves the last output alone when the build fails', async () => {
    const out = path.join(tmp, 'out');
    mkdirSync(out);
    writeFileSync(path.join(out, 'index.html'), 'good');
    const sink = new AtomicDirectory(out);
    writeDirectly(sink, 'index.html', 'broken');
    await sink.abort();
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('good');
    expect(existsSync(sink.staging)).toBe(false);
  });
});

describe('an output changed in place (IncrementalDirectory)', () => {
  let out: string;
  let previous: Map<string, OutputFileRecord>;
  beforeEach(() => {
    out = path.join(tmp, 'out');
    previous = new Map();
    for (const [file, text] of [['same/index.html', 'same'], ['changed/index.html', 'old'], ['gone/index.html', 'gone']] as const) {
      mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
      writeFileSync(path.join(out, file), text);
      const stat = statSync(path.join(out, file));
      previous.set(file, { hash: contentHash(text), size: stat.size, mtimeMs: stat.mtimeMs });
    }
  });

  it('keeps files a thread wrote again unchanged, replaces changed ones, removes the ones no longer made', async () => {
    const sameBefore = statSync(path.join(out, 'same/index.html')).mtimeMs;
    const sink = new IncrementalDirectory(out, previous);
    writeDirectly(sink, 'same/index.html', 'same');
    writeDirectly(sink, 'changed/index.html', 'new');
    writeDirectly(sink, 'added/index.html', 'added');
    // An unchanged file is not staged: the output is not touched for it.
    expect(existsSync(path.join(sink.direct.folder, 'same/index.html'))).toBe(false);
    expect(sink.wrote('same/index.html')).toBe(false);
    expect(sink.wrote('changed/index.html')).toBe(true);
    expect(sink.changes).toBe(3);
    // Nothing is visible before the commit.
    expect(readFileSync(path.join(out, 'changed/index.html'), 'utf8')).toBe('old');
    await sink.commit();
    expect(readFileSync(path.join(out, 'changed/index.html'), 'utf8')).toBe('new');
    expect(readFileSync(path.join(out, 'added/index.html'), 'utf8')).toBe('added');
    expect(statSync(path.join(out, 'same/index.html')).mtimeMs).toBe(sameBefore);
    expect(existsSync(path.join(out, 'gone'))).toBe(false);
    expect(existsSync(sink.direct.folder)).toBe(false);
    expect(sink.produced.get('changed/index.html')).toBe(contentHash('new'));
  });

  it('leaves the output as it was when the build fails', async () => {
    const sink = new IncrementalDirectory(out, previous);
    writeDirectly(sink, 'changed/index.html', 'new');
    await sink.abort();
    expect(readFileSync(path.join(out, 'changed/index.html'), 'utf8')).toBe('old');
    expect(readFileSync(path.join(out, 'gone/index.html'), 'utf8')).toBe('gone');
    expect(existsSync(sink.direct.folder)).toBe(false);
  });
});

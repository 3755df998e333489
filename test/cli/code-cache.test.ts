import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/cli/code-cache.js';

/** A bundle as scripts/bundle.mjs writes one: a function expression over the CommonJS parameters and two more. */
function bundleText(answer: number): string {
  return [
    '(function (exports, require, module, __filename, __dirname, __strataMetaUrl, __strataImport) {',
    '"use strict";',
    `exports.answer = () => ${answer};`,
    'exports.where = () => [__filename, __dirname, __strataMetaUrl];',
    "exports.join = (...parts) => require('node:path').join(...parts);",
    'exports.load = (id) => require(id);',
    "exports.later = () => __strataImport('node:os').then((os) => typeof os.cpus);",
    '})',
  ].join('\n');
}

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'strata-code-cache-'));
  file = path.join(dir, 'main.cjs');
  writeFileSync(file, bundleText(42));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const call = (bundle: { exports: Record<string, unknown> }, name: string, ...args: unknown[]) => (bundle.exports[name] as (...a: unknown[]) => unknown)(...args);

describe('loadBundle', () => {
  it('runs the bundle with its file, folder and URL, Node’s modules and a dynamic import', async () => {
    const bundle = loadBundle(file, []);
    expect(call(bundle, 'answer')).toBe(42);
    expect(call(bundle, 'where')).toEqual([file, dir, `file://${file}`]);
    expect(call(bundle, 'join', 'a', 'b')).toBe(path.join('a', 'b'));
    await expect(call(bundle, 'later')).resolves.toBe('function');
  });

  it('requires only Node’s own modules and the packages kept out of the bundle', () => {
    for (const name of ['kept', '@scope/kept', 'other']) {
      mkdirSync(path.join(dir, 'node_modules', name), { recursive: true });
      writeFileSync(path.join(dir, 'node_modules', name, 'index.js'), `module.exports = ${JSON.stringify(name)};`);
    }
    const bundle = loadBundle(file, ['kept', '@scope/*']);
    expect(call(bundle, 'load', 'kept')).toBe('kept');
    expect(call(bundle, 'load', '@scope/kept')).toBe('@scope/kept');
    expect(() => call(bundle, 'load', 'other')).toThrow(/Cannot find module 'other'/);
  });

  it('keeps the compiled code once, and compiles from it in the next process', () => {
    const first = loadBundle(file, []);
    expect(first.cached).toBe(false);
    call(first, 'answer');
    first.save();
    const written = statSync(`${file}.cache`).mtimeMs;
    const second = loadBundle(file, []);
    expect(second.cached).toBe(true);
    expect(call(second, 'answer')).toBe(42);
    second.save();
    expect(statSync(`${file}.cache`).mtimeMs).toBe(written);
  });

  /** A load that finds no cache to use: it compiles, runs as `answer`, and leaves a cache the next load takes. */
  function expectCompiledAgain(answer: number): void {
    const bundle = loadBundle(file, []);
    expect(bundle.cached).toBe(false);
    expect(call(bundle, 'answer')).toBe(answer);
    bundle.save();
    expect(loadBundle(file, []).cached).toBe(true);
  }

  it('never uses the cache of another text, even of the same length (V8 checks only the length)', () => {
    loadBundle(file, []).save();
    writeFileSync(file, bundleText(43));
    expectCompiledAgain(43);
  });

  it('ignores a damaged cache, and writes a good one over it', () => {
    loadBundle(file, []).save();
    const cache = readFileSync(`${file}.cache`);
    // The source's digest is right; the code is not (V8 would run it).
    writeFileSync(`${file}.cache`, Buffer.concat([cache.subarray(0, 40), Buffer.alloc(cache.length - 40, 7)]));
    expectCompiledAgain(42);
  });

  it('runs without a cache where it cannot write one', () => {
    // A folder where the cache would go: neither read nor replaced, even by root.
    mkdirSync(`${file}.cache`);
    const bundle = loadBundle(file, []);
    expect(() => bundle.save()).not.toThrow();
    expect(call(bundle, 'answer')).toBe(42);
    expect(readdirSync(dir).sort()).toEqual(['main.cjs', 'main.cjs.cache']);
  });
});

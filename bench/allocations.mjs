#!/usr/bin/env node
// What a build allocates, by function: the measure behind most of the garbage collection a cold build pays for.
//
//   npm run compile && node bench/allocations.mjs SITE [--top N]
//
// Builds SITE (uncached, on this thread, into a temporary folder) under V8's sampling heap profiler with the
// objects later collected kept in the samples (CPU profiles show the collector's time, not who made the garbage),
// and prints the functions that allocated the most, in megabytes. Sampling is statistical (one sample per 64 KiB):
// compare totals of runs, not single lines. It runs the library build (lib/), where unist-util-visit-parents still
// names a function per node it visits (the bundle that `strata build` runs does not: scripts/bundle.mjs), so that
// package's lines are larger here. A benchmark tool, not a test.
import { mkdtempSync, rmSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [site, ...rest] = process.argv.slice(2);
if (!site) {
  console.error('usage: node bench/allocations.mjs SITE [--top N]');
  process.exit(2);
}
const top = Number(rest[rest.indexOf('--top') + 1] ?? 30) || 30;

const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', { samplingInterval: 65536, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
const { buildSite } = await import(path.join(ROOT, 'lib/index.js'));
const out = mkdtempSync(path.join(os.tmpdir(), 'strata-allocations-'));
try {
  const summary = await buildSite({ siteDir: site, outDir: out, cache: false, threads: 0, output: 'files' });
  const { profile } = await session.post('HeapProfiler.stopSampling');
  const byFunction = new Map();
  let total = 0;
  const visit = (node) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = `${functionName || '(anonymous)'} ${url.replace(/^.*\/node_modules\//, '').replace(`file://${ROOT}/`, '')}:${lineNumber + 1}`;
    byFunction.set(where, (byFunction.get(where) ?? 0) + node.selfSize);
    total += node.selfSize;
    node.children.forEach(visit);
  };
  visit(profile.head);
  console.log(`${summary.pages} pages, ${(total / 1e6).toFixed(0)} MB allocated (sampled)\n`);
  for (const [where, bytes] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${(bytes / 1e6).toFixed(1).padStart(9)} MB  ${where}`);
} finally {
  rmSync(out, { recursive: true, force: true });
}

#!/usr/bin/env node
// npm run bench — Strata against Hugo (and Eleventy when installed) on the generated corpora.
//
//   node bench/run.mjs [--corpus a|b|both] [--runs N] [--quick]    (N rounds: one run of each row per round)
//
// Corpus A: 1000 pages × 3 versions, ~30 KB pages; B: the same with --small (~3.4 KB).
// Rows: Hugo (one `hugo` per version, as a Hugo docs team builds), Strata cold
// (no cache), Strata cold with the layout Hugo is given here instead of the
// default theme (bench/hugo-layout/), Strata cold with the search index, Strata
// warm (nothing changed), Strata after one page was edited. Each row: median and min–max of wall time,
// median CPU time and peak RSS (GNU time), pages/s, and the ratio to Hugo measured
// in the same run. A benchmark, not a test: nothing here fails on a number.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const quick = args.includes('--quick');
const runs = Number(flag('--runs', quick ? 3 : 5));
const which = String(flag('--corpus', quick ? 'b' : 'both')).toLowerCase();
if (!['a', 'b', 'both'].includes(which)) {
  console.error(`bench: --corpus is a, b or both, not \`${which}\``);
  process.exit(2);
}
const corpora = which === 'both' ? ['a', 'b'] : [which];
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const HUGO = spawnSync('hugo', ['version'], { encoding: 'utf8' }).status === 0 ? 'hugo' : undefined;
const ELEVENTY = path.join(ROOT, 'node_modules/@11ty/eleventy/cmd.cjs');
const WORK = path.join(os.tmpdir(), 'strata-bench');
const VERSIONS = ['1.17.x', '1.16.x', '1.15.x'];

/** Runs a command, returns { wall, cpu, rss } in ms / MiB (rss when GNU time is there). */
function measure(command, argv, options = {}) {
  const started = performance.now();
  const r = TIME
    ? spawnSync(TIME, ['-f', '%e %U %S %M', command, ...argv], { encoding: 'utf8', ...options })
    : spawnSync(command, argv, { encoding: 'utf8', ...options });
  const wall = performance.now() - started;
  if (r.status !== 0) throw new Error(`${command} ${argv.join(' ')} failed:\n${r.stderr}`);
  if (!TIME) return { wall, cpu: NaN, rss: NaN };
  const [, user, sys, rss] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { wall, cpu: (user + sys) * 1000, rss: rss / 1024 };
}

/** The same corpus with every shortcode resolved to plain markdown, for Eleventy (`--plain`). */
function plainCorpus(name) {
  const dir = path.join(WORK, `plain-${name}`);
  if (!existsSync(path.join(dir, 'corpus.json'))) {
    rmSync(dir, { recursive: true, force: true });
    execFileSync(process.execPath, [path.join(ROOT, 'bench/make-corpus.mjs'), dir, '--pages', '1000', '--versions', '3', '--plain', ...(name === 'b' ? ['--small'] : [])], { stdio: 'inherit' });
  }
  return dir;
}

function corpus(name) {
  const dir = path.join(WORK, `corpus-${name}`);
  if (!existsSync(path.join(dir, 'corpus.json'))) {
    rmSync(dir, { recursive: true, force: true });
    execFileSync(process.execPath, [path.join(ROOT, 'bench/make-corpus.mjs'), dir, '--pages', '1000', '--versions', '3', ...(name === 'b' ? ['--small'] : [])], { stdio: 'inherit' });
  }
  // The newest version is the working tree; the others are versions at their own paths.
  const site = path.join(dir, VERSIONS[0]);
  const config = (search) => ({ title: 'Bench', search, version: { name: VERSIONS[0] }, versions: VERSIONS.slice(1).map((v) => ({ name: v, path: `../${v}` })) });
  return { dir, site, config };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);

function row(label, samples, pages, hugoWall) {
  const walls = samples.map((s) => s.wall);
  const wall = median(walls);
  return {
    label,
    wall: `${fmt(wall)} (${fmt(Math.min(...walls))}–${fmt(Math.max(...walls))})`,
    cpu: fmt(median(samples.map((s) => s.cpu))),
    rss: `${Math.round(median(samples.map((s) => s.rss)))} MiB`,
    rate: `${Math.round(pages / (wall / 1000))}`,
    ratio: hugoWall ? `${(wall / hugoWall).toFixed(2)}×` : '–',
  };
}

function print(title, rows) {
  const head = { label: title, wall: 'wall, median (min–max)', cpu: 'CPU', rss: 'peak RSS', rate: 'pages/s', ratio: '÷ Hugo' };
  const all = [head, ...rows];
  const width = (k) => Math.max(...all.map((r) => r[k].length));
  for (const r of all) console.log(`${r.label.padEnd(width('label'))}  ${r.wall.padEnd(width('wall'))}  ${r.cpu.padStart(width('cpu'))}  ${r.rss.padStart(width('rss'))}  ${r.rate.padStart(width('rate'))}  ${r.ratio.padStart(width('ratio'))}`);
  console.log('');
}

/**
 * How fast this machine makes output files now, in µs a file: a folder and a
 * 16 KB file in it, as a generator writes `page/index.html`, a thousand
 * times. Every row writes thousands of them, and on this machine that cost
 * was seen to swing tenfold with the state of the file system (26 against
 * 300 µs, the same disk, an hour apart), so each corpus's table says what it
 * was measured under. Left in place, like the rows' output, until the end.
 */
function fileWriteMicros(dir) {
  const files = 1000;
  const data = Buffer.alloc(16 * 1024, 'x');
  const started = performance.now();
  for (let i = 0; i < files; i++) {
    const folder = path.join(dir, `s${i % 40}`, `p${i}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'index.html'), data);
  }
  return Math.round(((performance.now() - started) * 1000) / files);
}

const STRATA = path.join(ROOT, 'bin/strata.js');
/** The theme (bench/hugo-layout/) that lays pages out as the benchmark's Hugo layout does. */
const HUGO_LAYOUT = 'bench-hugo-layout';
// Every timed build writes into a folder of its own, made for it; they are all removed at the end. Removing
// thousands of files just before a timed run was seen to slow that run's writes here (Hugo's most).
const RUNS = path.join(WORK, 'runs');
rmSync(RUNS, { recursive: true, force: true });
let folders = 0;
const fresh = (label) => path.join(RUNS, `${label}-${++folders}`);
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

console.log(`Strata benchmark: ${runs} rounds, ${os.availableParallelism()} cores, ${TIME ? 'GNU time' : 'wall time only'}${HUGO ? '' : '; Hugo not installed (apt-get install hugo)'}${existsSync(ELEVENTY) ? '' : '; Eleventy not installed (npm i -D @11ty/eleventy)'}\n`);
for (const name of corpora) {
  const { dir, site, config } = corpus(name);
  const pages = 3 * 1061;
  const plain = existsSync(ELEVENTY) ? plainCorpus(name) : undefined;
  const strata = (out, extra) => measure(process.execPath, [STRATA, 'build', site, '--out', out, ...extra]);
  const hugo = () => {
    const out = fresh(`hugo-${name}`);
    const total = { wall: 0, cpu: 0, rss: 0 };
    for (const v of VERSIONS) {
      const m = measure(HUGO, ['-s', path.join(dir, v), '--config', path.join(ROOT, 'bench/hugo-site/hugo.toml'), '--layoutDir', path.join(ROOT, 'bench/hugo-site/layouts'), '-d', path.join(out, v), '--baseURL', `/${v}/`, '--quiet']);
      total.wall += m.wall;
      total.cpu += m.cpu;
      total.rss = Math.max(total.rss, m.rss);
    }
    return total;
  };
  const eleventy = () => {
    const out = fresh(`eleventy-${name}`);
    const total = { wall: 0, cpu: 0, rss: 0 };
    for (const v of VERSIONS) {
      // One Eleventy run per version, as for Hugo; no layout, markdown-it as Eleventy ships it.
      const m = measure(process.execPath, [ELEVENTY, `--input=${path.join(plain, v, 'content')}`, `--output=${path.join(out, v)}`, '--quiet'], { cwd: path.join(plain, v) });
      total.wall += m.wall;
      total.cpu += m.cpu;
      total.rss = Math.max(total.rss, m.rss);
    }
    return total;
  };
  const page = path.join(site, 'content/operations/basics');
  const target = path.join(page, execFileSync('ls', [page], { encoding: 'utf8' }).split('\n').find((f) => f.endsWith('.md') && f !== '_index.md'));
  const warmOut = fresh(`strata-${name}-warm`);
  /** A build with the cache, untimed, that leaves the stamp a build with nothing changed is answered from. */
  const settle = () => {
    // A file written in the last 2 s keeps a build from making a stamp (see RACY_NS in src/util/file-fingerprint.ts).
    sleep(2100);
    strata(warmOut, []);
  };

  /** `strata build` as a CI job runs it: the cache on, none kept from a build before. The warm rows' cache is set aside meanwhile. */
  const firstBuild = () => {
    const cache = path.join(site, '.strata-cache');
    const kept = `${cache}-kept`;
    renameSync(cache, kept);
    try {
      return strata(fresh(`strata-${name}-first`), []);
    } finally {
      rmSync(cache, { recursive: true, force: true });
      renameSync(kept, cache);
    }
  };

  // Hugo's layout as a theme of the site, chosen by a config of its own: the other rows' site is unchanged.
  cpSync(path.join(ROOT, 'bench/hugo-layout'), path.join(site, 'themes', HUGO_LAYOUT), { recursive: true });
  // A file named as Strata's config (any other is read as a Hugo config); folders in it are the site's.
  const hugoLayoutConfig = path.join(WORK, `hugo-layout-${name}`, 'strata.config.json');
  mkdirSync(path.dirname(hugoLayoutConfig), { recursive: true });
  writeFileSync(hugoLayoutConfig, JSON.stringify({ ...config(false), theme: HUGO_LAYOUT }));

  // The rows are measured in rounds, one run of each per round, so that a machine that slows down or speeds
  // up during the benchmark weighs on every row alike and the ratios to Hugo stay fair.
  writeFileSync(path.join(site, 'strata.config.json'), JSON.stringify(config(false)));
  rmSync(path.join(site, '.strata-cache'), { recursive: true, force: true });
  settle();
  const samples = { hugo: [], eleventy: [], cold: [], first: [], hugoLayout: [], warm: [], edited: [] };
  const probes = [fileWriteMicros(fresh('probe'))];
  for (let i = 0; i < runs; i++) {
    if (HUGO) samples.hugo.push(hugo());
    if (plain) samples.eleventy.push(eleventy());
    samples.cold.push(strata(fresh(`strata-${name}-cold`), ['--no-cache']));
    samples.first.push(firstBuild());
    samples.hugoLayout.push(strata(fresh(`strata-${name}-hugo-layout`), ['--no-cache', '--config', hugoLayoutConfig]));
    samples.warm.push(strata(warmOut, []));
    appendFileSync(target, `\nEdited for run ${i}.\n`);
    samples.edited.push(strata(warmOut, []));
    settle();
  }
  const hugoWall = HUGO ? median(samples.hugo.map((s) => s.wall)) : undefined;
  const rows = [];
  if (HUGO) rows.push(row('Hugo 0.111 (3 sites)', samples.hugo, pages, hugoWall));
  if (plain) rows.push(row('Eleventy 3 (3 sites, --plain)', samples.eleventy, pages, hugoWall));
  rows.push(row('Strata cold', samples.cold, pages, hugoWall));
  rows.push(row('Strata cold, cache on (a first build)', samples.first, pages, hugoWall));
  rows.push(row("Strata cold, Hugo's layout", samples.hugoLayout, pages, hugoWall));
  rows.push(row('Strata warm, nothing changed', samples.warm, pages, hugoWall));
  rows.push(row('Strata warm, one page edited', samples.edited, pages, hugoWall));
  writeFileSync(path.join(site, 'strata.config.json'), JSON.stringify(config(true)));
  const searched = [];
  for (let i = 0; i < Math.min(runs, 3); i++) searched.push(strata(fresh(`strata-${name}-search`), ['--no-cache']));
  rows.push(row('Strata cold + search index', searched, pages, hugoWall));
  writeFileSync(path.join(site, 'strata.config.json'), JSON.stringify(config(false)));
  probes.push(fileWriteMicros(fresh('probe')));
  print(`Corpus ${name.toUpperCase()} (${pages} pages)`, rows);
  console.log(`File system: a folder and a 16 KB file took ${probes.join(' µs before the rows, ')} µs after them.\n`);
}
rmSync(RUNS, { recursive: true, force: true });

#!/usr/bin/env node
// bench/dev-server.mjs — how fast `strata dev` starts and how fast a save reaches the browser.
//
//   node bench/dev-server.mjs [--pages 1000] [--versions 3] [--edits 20] [--corpus DIR] [--keep] [--json]
//   node bench/dev-server.mjs --site DIR --file content/a/b.md     (any site; the page is served under latest/)
//
// 1. Generates the benchmark corpus (../shared/bench/make-corpus.mjs; or reuses --corpus DIR) and
//    lays it out as a Strata site: the newest version's folder is the working tree, with a
//    strata.config.json naming the older folders as versions ({ path: '../1.16.x' }).
// 2. Spawns the real CLI (`bin/strata.js dev SITE --port 0`; needs `npm run compile`) and measures
//    ready time: process start → the first page served with status 200 (requested as soon as the
//    URL is printed).
// 3. Opens one page the way the browser client does (its event stream, with the page's stamp) and
//    saves a change to its markdown file N times: save → `reload` event arriving at the client.
//    Two series: while the author is busy (saves 300 ms after the previous reload: background
//    rendering waits), and while background rendering runs between saves (1.5 s apart).
// 4. Five saves in a real browser (Playwright + Debian Chromium, when present): save → new text
//    shown in the page (the event, the reload, and the browser loading the page again).
// It is a benchmark: it prints figures and checks nothing.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MAKE_CORPUS = process.env.STRATA_MAKE_CORPUS ?? path.resolve(REPO, '../shared/bench/make-corpus.mjs');
const CHROMIUM = process.env.STRATA_CHROMIUM ?? '/usr/bin/chromium';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const pages = Number(option('pages', 1000));
const versions = Number(option('versions', 3));
const edits = Number(option('edits', 20));
const keep = args.includes('--keep');
const json = args.includes('--json');
const log = (...parts) => {
  if (!json) console.log(...parts);
};

// ---------- corpus → site ----------
let corpus = option('corpus', undefined);
const givenSite = option('site', undefined);
const made = !corpus && !givenSite;
let siteDir;
let source;
let pagePath;
if (givenSite) {
  // Any site: the page given is edited, under latest/.
  siteDir = path.resolve(givenSite);
  const file = option('file', undefined);
  if (!file) throw new Error('--site needs --file content/…/page.md');
  source = path.join(siteDir, file);
  pagePath = `latest/${file.replace(/^content\//, '').replace(/(^|\/)_?index\.md$/, '$1').replace(/\.md$/, '/')}`;
} else {
  if (!corpus) {
    corpus = mkdtempSync(path.join(os.tmpdir(), 'strata-bench-dev-'));
    log(`generating ${pages} pages × ${versions} versions in ${corpus}`);
    await run(process.execPath, [MAKE_CORPUS, corpus, '--pages', String(pages), '--versions', String(versions)]);
  }
  const manifest = JSON.parse(readFileSync(path.join(corpus, 'corpus.json'), 'utf8'));
  const [newest, ...older] = manifest.versions;
  siteDir = path.join(corpus, newest);
  writeFileSync(
    path.join(siteDir, 'strata.config.json'),
    `${JSON.stringify({ title: 'Bench docs', version: { name: newest }, versions: older.map((name) => ({ name, path: `../${name}` })) }, null, 2)}\n`,
  );
  // The page edited: the first regular page of the first section.
  const section = readdirSync(path.join(siteDir, 'content'), { withFileTypes: true }).find((e) => e.isDirectory()).name;
  const pageFile = readdirSync(path.join(siteDir, 'content', section)).filter((f) => f.endsWith('.md') && f !== '_index.md').sort()[0];
  source = path.join(siteDir, 'content', section, pageFile);
  pagePath = `latest/${section}/${pageFile.replace(/\.md$/, '')}/`;
}
const original = readFileSync(source, 'utf8');
const bytes = Buffer.byteLength(original);

// ---------- start ----------
const started = performance.now();
const child = spawn(process.execPath, [path.join(REPO, 'bin/strata.js'), 'dev', siteDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
child.stdout.on('data', (chunk) => (output += chunk));
child.stderr.on('data', (chunk) => (output += chunk));
const stop = async () => {
  if (child.exitCode === null) child.kill('SIGTERM');
  await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve()));
};
process.on('exit', () => child.kill('SIGKILL'));

let url;
while (!(url = /http:\/\/\S+/.exec(output)?.[0])) {
  if (child.exitCode !== null) throw new Error(`strata dev exited:\n${output}`);
  await sleep(5);
}
const urlAt = performance.now() - started;
let first;
while ((first = await fetch(url + pagePath).catch(() => undefined))?.status !== 200) await sleep(5);
const firstHtml = await first.text();
const ready = performance.now() - started;
const loadMs = Number(/ready in (\d+) ms/.exec(output)?.[1]);
while (!output.includes('watching for changes')) await sleep(10);
log(`ready: ${fmt(ready)} (process start → first page 200; URL printed at ${fmt(urlAt)}, site loaded in ${loadMs} ms inside the process)`);

// ---------- save → reload ----------
const live = await connect(url, pagePath, firstHtml);
const busy = await series('author busy (saves 300 ms after each reload; background rendering waits)', 300);
const background = await series('background rendering running between saves (saves 1.5 s apart)', 1500);
live.close();

// ---------- real browser rounds ----------
let browserMs;
if (existsSync(CHROMIUM)) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  await page.goto(url + pagePath);
  const rounds = [];
  for (let i = 0; i < 5; i++) {
    await sleep(500);
    const marker = `Browser round ${i} ${Date.now()}`;
    const t = performance.now();
    writeFileSync(source, `${original}\n${marker}\n`);
    await page.waitForFunction((m) => document.body.textContent.includes(m), marker, { timeout: 30_000, polling: 5 });
    rounds.push(performance.now() - t);
  }
  browserMs = stats(rounds);
  log(`\nreal browser (Chromium, 5 saves): save → new text shown: median ${fmt(browserMs.median)}  min ${fmt(browserMs.min)}  max ${fmt(browserMs.max)}`);
  await browser.close();
} else log(`real browser: skipped (no Chromium at ${CHROMIUM})`);

writeFileSync(source, original);
await stop();
if (made && !keep) rmSync(corpus, { recursive: true, force: true });

const result = {
  corpus: { site: givenSite ? siteDir : `generated: ${pages} pages × ${versions} versions`, pagesServed: Number(/: (\d+) pages in/.exec(output)?.[1]), editedPage: pagePath, editedBytes: bytes },
  readyMs: Math.round(ready),
  siteLoadMs: loadMs,
  reloadMs: { busy: stats(busy.total), background: stats(background.total) },
  serverMs: { busy: stats(busy.server), background: stats(background.server) },
  browserMs,
  cpus: os.cpus().length,
  loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
};
if (json) console.log(JSON.stringify(result, null, 2));
else log(`\n${JSON.stringify(result)}`);

// ---------- helpers ----------

/** N saves of the page, each waiting for the reload: save → event at the client, and the server's own share. */
async function series(title, pauseMs) {
  const total = [];
  const server = [];
  for (let i = 0; i < edits; i++) {
    const since = live.events.length;
    const printed = output.length;
    const marker = `Bench edit ${i} ${Date.now()}`;
    const t = performance.now();
    writeFileSync(source, `${original}\n${marker}\n`);
    await live.next('reload', since);
    total.push(performance.now() - t);
    // What the browser loads next is rendered already: check that it is the new text.
    const html = await (await fetch(url + pagePath)).text();
    if (!html.includes(marker)) throw new Error(`reloaded page lacks the edit ${i}`);
    const line = await waitFor(() => /browsers? reloaded in (\d+) ms/.exec(output.slice(printed)));
    server.push(Number(line[1]));
    await sleep(pauseMs);
  }
  const s = stats(total);
  log(`\nsave → reload event, ${title}:`);
  log(`  median ${fmt(s.median)}  min ${fmt(s.min)}  max ${fmt(s.max)}  (${edits} saves; server processing median ${stats(server).median} ms)`);
  return { total, server };
}

/** An event-stream client, as src/client/dev-client.ts connects. */
async function connect(base, page, html) {
  const stamp = /data-stamp="([^"]+)"/.exec(html)?.[1] ?? '';
  const events = /data-events="([^"]+)"/.exec(html)?.[1];
  const controller = new globalThis.AbortController();
  const response = await fetch(new URL(`${events}?page=${encodeURIComponent(new URL(base + page).pathname)}&stamp=${stamp}`, base), { signal: controller.signal });
  const received = [];
  const waiters = new Set();
  (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const event = /^event: (.*)$/m.exec(buffer.slice(0, end))?.[1];
          buffer = buffer.slice(end + 2);
          if (event) received.push({ event, at: performance.now() });
          for (const wake of waiters) wake();
        }
      }
    } catch {
      // closed
    }
  })();
  const next = (event, since) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${event} within 30 s`)), 30_000);
      const check = () => {
        const found = received.slice(since).find((e) => e.event === event);
        if (!found) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      waiters.add(check);
      check();
    });
  await next('hello', 0);
  return { events: received, next, close: () => controller.abort() };
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median: Math.round(median), min: Math.round(sorted[0]), max: Math.round(sorted[sorted.length - 1]), n: sorted.length };
}

function fmt(ms) {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(check, timeoutMs = 5000) {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() > until) throw new Error('timed out');
    await sleep(2);
  }
}

function run(command, argv) {
  return new Promise((resolve, reject) => {
    const p = spawn(command, argv, { stdio: json ? 'ignore' : 'inherit' });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${argv.join(' ')} exited with ${code}`))));
  });
}

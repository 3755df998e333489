import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, spawnDev, type DevProcess } from '../support/dev.js';
import type { TempSite } from '../support/site.js';

/**
 * `strata dev` under load and faults: 200 connections request pages, assets,
 * unknown URLs and traversal attempts for ~10 s while another loop edits,
 * half-writes, breaks, deletes and recreates pages. Every request must get a
 * proper answer (200, 301 or 404; never a 5xx or a dropped connection), the
 * server must stay up, and its memory must stay bounded.
 */

const CONNECTIONS = 200;
const LOAD_MS = Number(process.env.STRATA_LOAD_MS ?? 10_000);
/** How much the server's resident memory may grow under load, from where it stood once warm. */
const RSS_GROWTH_LIMIT_MB = 100;
const SECRET = 'TOP-SECRET-NOT-PUBLISHED-7f3a';

/** Paths that try to leave the output: each must be the 404 page and leak nothing. */
const TRAVERSALS = [
  '/../../../../etc/passwd',
  '/latest/../../../../etc/passwd',
  '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
  '/latest/%2e%2e/%2e%2e/secret.txt',
  '/%252e%252e/%252e%252e/etc/passwd',
  '/latest/%252e%252e%252fsecret.txt',
  '/..%2f..%2f..%2fetc%2fpasswd',
  '/latest/..%2fsecret.txt',
  '/..\\..\\..\\etc\\passwd',
  '/latest\\..\\secret.txt',
  '/%5c..%5c..%5cetc%5cpasswd',
  '/latest/%5c..%5csecret.txt',
  '/latest/%00/../../secret.txt',
  '/secret.txt%00.html',
  '/latest/index.html%00',
  '//etc/passwd',
  '///etc/passwd',
  '/latest//../secret.txt',
  '/secret.txt',
  '/strata.config.ts',
  '/content/_index.md',
  '/versions/1.16.x/content/_index.md',
  '/latest/.%2e/secret.txt',
  '/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
  '/latest/%e0%80%ae%e0%80%ae/secret.txt',
  'http://127.0.0.1/etc/passwd',
  '*',
];

/** A query or fragment is not part of the path: these are the latest home page, and leak nothing either. */
const NOT_PATHS = ['/latest/?../../secret.txt', '/latest/?file=../../../etc/passwd', '/latest/#/../../secret.txt'];

let site: TempSite;
let dev: DevProcess;
let origin: string;
const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });

beforeAll(async () => {
  site = copyExample();
  site.write('secret.txt', `${SECRET}\n`);
  dev = await spawnDev([site.dir, '--port', '0']);
  origin = new URL(dev.url).origin;
}, 60_000);

afterAll(async () => {
  agent.destroy();
  await dev?.stop();
  site?.cleanup();
});

interface Reply {
  status: number;
  body: string;
}

/** GET with the path sent as written, over the shared keep-alive connections. */
function get(rawPath: string, timeoutMs = 30_000): Promise<Reply> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, path: rawPath, method: 'GET', agent, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

/** The server's resident memory in MB, from /proc (Linux). */
function rssMb(): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${dev.pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

describe('strata dev under load and faults', () => {
  it('answers every traversal attempt with the 404 page and leaks nothing', async () => {
    for (const attempt of TRAVERSALS) {
      const reply = await get(attempt);
      expect(reply.status, attempt).toBe(404);
      expect(reply.body, attempt).not.toContain(SECRET);
      expect(reply.body, attempt).not.toMatch(/root:x?:0:0/);
      expect(reply.body, attempt).not.toContain('defineConfig');
    }
    for (const attempt of NOT_PATHS) {
      const reply = await get(attempt);
      expect(reply.status, attempt).toBe(200);
      expect(reply.body, attempt).toContain('<title>Gloo Gateway');
      expect(reply.body, attempt).not.toContain(SECRET);
      expect(reply.body, attempt).not.toMatch(/root:x?:0:0/);
    }
  });

  it(`serves ${CONNECTIONS} connections for ${LOAD_MS / 1000} s while pages are edited, half-written, broken, deleted and recreated: no failed request, no crash, memory bounded`, async () => {
    // What readers ask for: pages of every version, assets, files, unknown URLs, traversal attempts.
    const pages: string[] = [];
    for (const version of ['latest', '1.17.x', '1.16.x', '1.15.x']) {
      const list = JSON.parse((await get(`/${version}/strata-pages.json`)).body) as { pages: string[] };
      pages.push(...list.pages.filter((_, i) => i % 4 === 0).map((p) => `/${version}${p}`));
    }
    const home = (await get('/latest/')).body;
    const assets = [...home.matchAll(/(?:href|src)="\.\.?\/((?:assets)\/[^"]+)"/g)].map((m) => `/${m[1]}`);
    expect(assets.length).toBeGreaterThan(0);
    const urls = [...pages, ...assets, '/versions.json', '/', '/latest/content/version_geoss_latest_minor.md', '/latest/no/such/page/', '/nope.css', ...TRAVERSALS.slice(0, 8)];

    // Warm up: every page rendered once, then let background rendering settle.
    for (const url of urls) await get(url);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const baseline = rssMb();

    // The editor: one fault after another on a few pages of the working tree.
    const edited = ['content/operations/upgrading/faq.md', 'content/operations/upgrading/_index.md', 'content/reference/_index.md'];
    const originals = new Map(edited.map((file) => [file, readFileSync(path.join(site.dir, file), 'utf8')]));
    const faults = [
      (file: string, text: string) => writeFileSync(path.join(site.dir, file), `${text}\n\nEdited at ${Date.now()}.\n`),
      (file: string, text: string) => writeFileSync(path.join(site.dir, file), text.slice(0, Math.floor(text.length / 2))),
      (file: string, text: string) => writeFileSync(path.join(site.dir, file), text.slice(0, 12)),
      (file: string, text: string) => writeFileSync(path.join(site.dir, file), `${text}\n\n{{% notice tip %}}\nNever closed {{< readfile file="static/content/nope.md" >}}\n`),
      (file: string) => rmSync(path.join(site.dir, file), { force: true }),
      (file: string, text: string) => writeFileSync(path.join(site.dir, file), text),
      () => writeFileSync(path.join(site.dir, 'content/operations/new-page.md'), `---\ntitle: New ${Date.now()}\n---\nNew.\n`),
      () => rmSync(path.join(site.dir, 'content/operations/new-page.md'), { force: true }),
    ];
    const deadline = Date.now() + LOAD_MS;
    let edits = 0;
    const editor = (async () => {
      while (Date.now() < deadline) {
        const file = edited[edits % edited.length] as string;
        (faults[edits % faults.length] as (file: string, text: string) => void)(file, originals.get(file) as string);
        edits++;
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      for (const [file, text] of originals) writeFileSync(path.join(site.dir, file), text);
      rmSync(path.join(site.dir, 'content/operations/new-page.md'), { force: true });
    })();

    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let served = 0;
    let peak = baseline ?? 0;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb() ?? 0)), 250);
    const readers = Array.from({ length: CONNECTIONS }, async (_, n) => {
      for (let i = n; Date.now() < deadline; i += CONNECTIONS) {
        const url = urls[i % urls.length] as string;
        try {
          const reply = await get(url);
          statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
          if (![200, 301, 302, 404].includes(reply.status)) failures.push(`${url}: ${reply.status} ${reply.body.slice(0, 200)}`);
          served++;
        } catch (e) {
          failures.push(`${url}: ${(e as Error).message}`);
        }
      }
    });
    await Promise.all([...readers, editor]);
    clearInterval(sampler);

    // After the storm: the server still answers, with the restored pages.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = await get('/latest/operations/upgrading/faq/');
    const settled = rssMb();
    console.log(
      `strata dev load: ${served} requests served by ${CONNECTIONS} connections in ${LOAD_MS} ms during ${edits} edits; ` +
        `statuses ${JSON.stringify(Object.fromEntries(statuses))}; ${failures.length} failed; ` +
        `RSS ${baseline?.toFixed(0)} MB warm, ${peak.toFixed(0)} MB peak, ${settled?.toFixed(0)} MB after`,
    );
    expect(failures.slice(0, 10)).toEqual([]);
    expect(served).toBeGreaterThan(CONNECTIONS * 5);
    expect(edits).toBeGreaterThan(50);
    expect(after.status).toBe(200);
    expect(after.body).not.toContain('Edited at');
    expect(dev.output()).not.toMatch(/internal error|\n\s+at\s/);
    if (baseline !== undefined) expect(peak - baseline, `RSS grew from ${baseline.toFixed(0)} MB to ${peak.toFixed(0)} MB`).toBeLessThan(RSS_GROWTH_LIMIT_MB);
  }, LOAD_MS + 90_000);

  it('stops cleanly afterwards', async () => {
    expect(await dev.stop()).toBe(0);
  });
});

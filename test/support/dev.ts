import { spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { startDevServer, type DevServer, type DevServerOptions } from '../../src/dev/dev-server.js';
import { REPO } from './cli.js';
import { makeSite, type TempSite } from './site.js';

/** One server-sent event as a client received it. */
export interface LiveEvent {
  event: string;
  data: string;
  /** performance.now() when it arrived. */
  at: number;
}

/** A live-reload connection made the way the browser client makes it. */
export interface LiveConnection {
  readonly events: LiveEvent[];
  /** The next `event` arriving after the call (or after `since` events). */
  next(event: string, options?: { since?: number; timeoutMs?: number }): Promise<LiveEvent>;
  close(): void;
}

/**
 * Loads `pageUrl`, then connects to the server's event stream with the page's
 * path and stamp, as src/client/dev-client.ts does; resolves once connected.
 */
export async function connectLive(pageUrl: string): Promise<LiveConnection> {
  const page = new URL(pageUrl);
  const html = await (await fetch(page)).text();
  const stamp = /data-stamp="([^"]+)"/.exec(html)?.[1] ?? '';
  const events = /data-events="([^"]+)"/.exec(html)?.[1];
  if (!events) throw new Error(`no live-reload client in ${pageUrl}`);
  const controller = new AbortController();
  const response = await fetch(new URL(`${events}?page=${encodeURIComponent(page.pathname)}&stamp=${stamp}`, page), { signal: controller.signal });
  const received: LiveEvent[] = [];
  const waiters = new Set<() => void>();
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          if (event) received.push({ event, data: /^data: (.*)$/m.exec(block)?.[1] ?? '', at: performance.now() });
          for (const wake of waiters) wake();
        }
      }
    } catch {
      // closed
    }
  })();
  const connection: LiveConnection = {
    events: received,
    next(event, options = {}) {
      const since = options.since ?? received.length;
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = received.slice(since).find((e) => e.event === event);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no \`${event}\` event within ${options.timeoutMs ?? 10_000} ms; got ${received.map((e) => e.event).join(', ') || 'nothing'}`));
        }, options.timeoutMs ?? 10_000);
        waiters.add(check);
        check();
      });
    },
    close: () => controller.abort(),
  };
  await connection.next('hello', { since: 0 });
  return connection;
}

/** GET with the path sent exactly as written (no normalisation of `..` or `%2e`, unlike fetch). */
export function rawGet(origin: string, rawPath: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A dev server on a throwaway site, in this process; its terminal output is kept. */
export interface DevFixture {
  site: TempSite;
  server: DevServer;
  /** Everything printed so far (stdout and stderr together). */
  output(): string;
  /** `server.url` + path (no leading slash). */
  url(path?: string): string;
  close(): Promise<void>;
}

export async function startFixture(files: Record<string, string>, options: Partial<DevServerOptions> = {}): Promise<DevFixture> {
  const site = makeSite(files);
  let text = '';
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const server = await startDevServer({ siteDir: site.dir, port: 0, quietMs: 30, idleMs: 60_000, stdout: sink, stderr: sink, ...options });
  await server.watching;
  return {
    site,
    server,
    output: () => text,
    url: (path = '') => server.url + path,
    async close() {
      await server.close();
      site.cleanup();
    },
  };
}

/** `strata dev` as users run it: the real command in a child process. */
export interface DevProcess {
  /** The URL it printed. */
  url: string;
  /** The process id (to read its memory from /proc). */
  pid: number;
  output(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Copies the example docs (content, static, versions, config) into a fresh folder. */
export function copyExample(): TempSite {
  const site = makeSite({});
  for (const part of ['content', 'static', 'versions', 'strata.config.ts']) cpSync(path.join(REPO, part), path.join(site.dir, part), { recursive: true });
  return site;
}

/** Starts `strata dev ARGS` and resolves once it printed its URL and watches for changes. */
export async function spawnDev(args: string[], timeoutMs = 20_000): Promise<DevProcess> {
  const child = spawn(process.execPath, [path.join(REPO, 'bin/strata.js'), 'dev', ...args], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const started = Date.now();
  while (!/watching for changes/.test(text)) {
    if (child.exitCode !== null || Date.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`strata dev did not start:\n${text}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const url = /http:\/\/\S+/.exec(text)?.[0] as string;
  return {
    url,
    pid: child.pid as number,
    output: () => text,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

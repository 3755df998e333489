import { createReadStream, promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export interface StaticServer {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  /** Every path requested, in order (to check that a site never leaves its base path). */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves a folder on 127.0.0.1 (a free port) as a static host would: proper
 * content types, `dir/` → `dir/index.html`, `dir` → redirect to `dir/`, 404
 * (with the folder's `404.html` when there is one). For browser tests only.
 */
export async function serveStatic(dir: string, options: { basePath?: string } = {}): Promise<StaticServer> {
  const root = path.resolve(dir);
  const base = (options.basePath ?? '/').replace(/\/?$/, '/');
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(new URL(req.url ?? '/', 'http://localhost').pathname);
    void respond(root, base, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function respond(root: string, base: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  if (!pathname.startsWith(base)) return notFound(root, res);
  const file = path.join(root, pathname.slice(base.length));
  if (file !== root && !file.startsWith(root + path.sep)) return notFound(root, res);
  const stat = await fs.stat(file).catch(() => undefined);
  if (stat?.isDirectory()) {
    if (!pathname.endsWith('/')) {
      res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    return send(path.join(file, 'index.html'), 200, req, res, () => notFound(root, res));
  }
  if (!stat?.isFile()) return notFound(root, res);
  return send(file, 200, req, res, () => notFound(root, res));
}

async function send(file: string, status: number, req: http.IncomingMessage, res: http.ServerResponse, missing: () => Promise<void>): Promise<void> {
  const stat = await fs.stat(file).catch(() => undefined);
  if (!stat?.isFile()) return missing();
  res.writeHead(status, {
    'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': stat.size,
    'cache-control': 'no-store',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    createReadStream(file).on('error', reject).on('end', resolve).pipe(res);
  });
}

async function notFound(root: string, res: http.ServerResponse): Promise<void> {
  const page = await fs.readFile(path.join(root, '404.html')).catch(() => undefined);
  res.writeHead(404, { 'content-type': page ? TYPES['.html'] : TYPES['.txt'] });
  res.end(page ?? 'Not found');
}

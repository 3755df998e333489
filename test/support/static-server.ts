import { createReadStream, promises as fs } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  /** `http://127.0.0.1:PORT/base/` */
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/**
 * A plain static host, like S3 or nginx without rewrite rules: files as they
 * are, `dir/` → `dir/index.html`, everything else 404 (with `404.html` when
 * the site has one). Served under `base` to prove the output is base-path safe.
 */
export async function serveStatic(root: string, base = '/'): Promise<StaticServer> {
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(url.pathname);
    const send404 = async () => {
      const page = await fs.readFile(path.join(root, '404.html')).catch(() => undefined);
      res.writeHead(404, { 'content-type': TYPES['.html'] as string });
      res.end(page ?? 'Not found');
    };
    if (!url.pathname.startsWith(base)) return send404();
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname.slice(base.length));
    } catch {
      return send404();
    }
    const file = path.join(root, rel);
    if (!file.startsWith(root)) return send404();
    const stat = await fs.stat(file).catch(() => undefined);
    const target = stat?.isDirectory() ? (url.pathname.endsWith('/') ? path.join(file, 'index.html') : undefined) : file;
    if (stat?.isDirectory() && !url.pathname.endsWith('/')) {
      res.writeHead(301, { location: `${url.pathname}/` });
      return res.end();
    }
    const found = target ? await fs.stat(target).catch(() => undefined) : undefined;
    if (!target || !found?.isFile()) return send404();
    res.writeHead(200, { 'content-type': TYPES[path.extname(target)] ?? 'application/octet-stream' });
    createReadStream(target).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

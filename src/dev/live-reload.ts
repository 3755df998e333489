import type { IncomingMessage, ServerResponse } from 'node:http';

/** A browser tab connected for live reload, and the page it shows. */
export interface LiveClient {
  /** The request path the tab shows, as the browser has it (`/docs/latest/a/`). */
  readonly page: string;
  /** Stamp of the document the tab loaded; the server sends `reload` when the page's stamp differs. */
  stamp: string;
  send(event: LiveEvent, data: unknown): void;
}

/** `reload`: load the page again. `css`: swap stylesheets (`{ replace: [[old, new], …] }`). `hello`: connected. */
export type LiveEvent = 'reload' | 'css' | 'hello';

/** Comment lines keep idle connections open through proxies and let dead ones be noticed. */
const HEARTBEAT_MS = 20_000;

/**
 * Server-Sent Events to the browser tabs that show the site. Each tab says
 * which page it shows and which version of it (its stamp) when it connects;
 * the dev server decides whom to tell what, after the rebuild of what they
 * show has finished.
 */
export class LiveReload {
  readonly #clients = new Set<LiveClient & { res: ServerResponse }>();
  readonly #heartbeat: ReturnType<typeof setInterval>;

  constructor() {
    this.#heartbeat = setInterval(() => {
      for (const client of this.#clients) client.res.write(': ping\n\n');
    }, HEARTBEAT_MS);
    this.#heartbeat.unref();
  }

  get clients(): LiveClient[] {
    return [...this.#clients];
  }

  /** Answers an `EventSource` request and keeps the connection until the tab goes away. */
  connect(req: IncomingMessage, res: ServerResponse, page: string, stamp: string): LiveClient {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    // Reconnect quickly after the server restarts.
    res.write('retry: 500\n\n');
    const client = {
      page,
      stamp,
      res,
      send(event: LiveEvent, data: unknown) {
        res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      },
    };
    this.#clients.add(client);
    const drop = () => this.#clients.delete(client);
    req.on('close', drop);
    res.on('error', drop);
    return client;
  }

  broadcast(event: LiveEvent, data: unknown): void {
    for (const client of this.#clients) client.send(event, data);
  }

  close(): void {
    clearInterval(this.#heartbeat);
    for (const client of this.#clients) client.res.end();
    this.#clients.clear();
  }
}

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How many ports after the asked one are tried when it is taken. */
const ATTEMPTS = 20;

/**
 * Listens on `port`, or on the next free one when it is taken (0: any free
 * port). Returns the port listened on.
 */
export async function listen(server: Server, host: string, port: number): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const tried = port === 0 ? 0 : port + attempt;
    try {
      await new Promise<void>((resolve, reject) => {
        const onError = (e: Error) => {
          server.off('listening', onListening);
          reject(e);
        };
        const onListening = () => {
          server.off('error', onError);
          resolve();
        };
        server.once('error', onError);
        server.once('listening', onListening);
        server.listen(tried, host);
      });
      return (server.address() as AddressInfo).port;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0 || attempt + 1 >= ATTEMPTS || tried >= 65535) throw e;
    }
  }
}

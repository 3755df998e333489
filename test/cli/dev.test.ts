import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { strata } from '../support/cli.js';
import { copyExample, spawnDev, type DevProcess } from '../support/dev.js';
import type { TempSite } from '../support/site.js';

let site: TempSite | undefined;
let dev: DevProcess | undefined;
let blocker: Server | undefined;
afterEach(async () => {
  await dev?.stop();
  dev = undefined;
  await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()));
  blocker = undefined;
  site?.cleanup();
  site = undefined;
});

describe('strata dev (the command)', () => {
  it('serves the example, moves to the next port when the asked one is taken, and stops cleanly on SIGTERM', async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker?.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as AddressInfo).port;
    site = copyExample();
    dev = await spawnDev([site.dir, '--port', String(taken)]);
    const port = Number(new URL(dev.url).port);
    expect(port).toBeGreaterThan(taken);
    expect(dev.output()).toContain(`strata dev: port ${taken} is in use, using ${port}`);
    expect(dev.output()).toMatch(/strata dev: Gloo Gateway: \d+ pages in 3 versions \(1\.17\.x, 1\.16\.x, 1\.15\.x\), ready in \d+ ms/);
    expect(new URL(dev.url).hostname).toBe('127.0.0.1');
    const page = await fetch(`${dev.url}latest/operations/upgrading/faq/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<h2 id="review-changes">');
    expect(await dev.stop()).toBe(0);
  });

  it('rejects a bad port and extra arguments kindly', () => {
    const bad = strata(['dev', '--port', 'http']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('strata dev: --port must be a number from 0 to 65535, not `http`');
    const extra = strata(['dev', 'a', 'b']);
    expect(extra.status).toBe(2);
    const unknown = strata(['dev', '--watch']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--watch'");
  });

  it('is listed in the help', () => {
    expect(strata(['help']).stdout).toContain('strata dev [SITE_DIR] [--port N] [--host H] [--open]');
    expect(strata(['dev', '--help']).stdout).toContain('--host H          address to listen on (default: 127.0.0.1, this machine only)');
  });
});

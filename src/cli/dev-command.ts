import { startDevServer } from '../dev/dev-server.js';
import type { Command } from './main.js';
import { errorStack } from '../util/error-text.js';

export const devCommand: Command = {
  summary: `Usage: strata dev [SITE_DIR] [options]

Serves the docs in SITE_DIR (default: .) from memory for authors: every
version at the URLs of the build, pages rendered when first requested, the
browser reloaded after each save, problems shown on the page.

Options:
  --port N          port to listen on (default: 4000; the next free one when taken)
  --host H          address to listen on (default: 127.0.0.1, this machine only)
  --open            open the site in the default browser
  --base-url URL    where the site is served: /docs/ or https://docs.example.com/docs/`,
  siteDirArgument: true,
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    open: { type: 'boolean' },
    'base-url': { type: 'string' },
  },
  async run({ positionals, values }) {
    const port = values.port === undefined ? 4000 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      console.error(`strata dev: --port must be a number from 0 to 65535, not \`${String(values.port)}\``);
      return 2;
    }
    if (values.host === '') {
      console.error('strata dev: --host needs an address, such as 127.0.0.1 or 0.0.0.0');
      return 2;
    }
    // Whatever a page or a plugin does, the server keeps serving: report and go on.
    const report = (e: unknown) => console.error(`strata dev: internal error: ${errorStack(e)}`);
    process.on('unhandledRejection', report);
    process.on('uncaughtException', report);
    const server = await startDevServer({
      siteDir: positionals[0] ?? '.',
      port,
      ...(typeof values.host === 'string' ? { host: values.host } : {}),
      ...(typeof values['base-url'] === 'string' ? { baseUrl: values['base-url'] } : {}),
      open: values.open === true,
    });
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.close();
    return 0;
  },
};

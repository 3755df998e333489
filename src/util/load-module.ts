import { fileURLToPath } from 'node:url';
import type { Jiti } from 'jiti';

let jiti: Jiti | undefined;

/**
 * Imports a user's TypeScript or JavaScript module (config, layout, shortcode).
 * `strata-docs` always resolves to this Strata, so a site needs no local
 * install of it for `import { defineConfig } from 'strata-docs'` to work.
 * jiti, a large module, is loaded on the first such import: a site with a
 * JSON config and the built-in theme never needs it.
 */
export async function importUserModule<T>(file: string): Promise<T> {
  jiti ??= (await import('jiti')).createJiti(import.meta.url, {
    fsCache: true,
    moduleCache: false,
    alias: {
      'strata-docs/theme': fileURLToPath(new URL('../../lib/theme/contract.js', import.meta.url)),
      'strata-docs': fileURLToPath(new URL('../../lib/index.js', import.meta.url)),
    },
  });
  return jiti.import<T>(file, { default: true });
}

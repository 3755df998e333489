import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';

/**
 * Imports a user's TypeScript or JavaScript module (config, layout, shortcode).
 * `strata-docs` always resolves to this Strata, so a site needs no local
 * install of it for `import { defineConfig } from 'strata-docs'` to work.
 */
const jiti = createJiti(import.meta.url, {
  fsCache: true,
  moduleCache: false,
  alias: {
    'strata-docs/theme': fileURLToPath(new URL('../../lib/theme/contract.js', import.meta.url)),
    'strata-docs': fileURLToPath(new URL('../../lib/index.js', import.meta.url)),
  },
});

export async function importUserModule<T>(file: string): Promise<T> {
  return jiti.import<T>(file, { default: true });
}

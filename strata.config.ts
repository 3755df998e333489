import { defineConfig } from 'strata-docs';

export default defineConfig({
  title: 'Gloo Gateway',
  description: 'Gloo Gateway documentation: install, operate and upgrade.',
  // The working tree is the version being written; versions/1.16.x/ and versions/1.15.x/ are snapshots.
  version: { name: '1.17.x' },
  versions: [{ name: '1.15.x', status: 'unmaintained' }],
});

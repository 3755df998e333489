import { defineConfig } from 'strata-docs';

export default defineConfig({
  title: 'Gloo Gateway',
  description: 'Gloo Gateway documentation: install, operate and upgrade.',
  version: { name: '1.17.x' },
});

import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['lib/', 'dist/', 'node_modules/', 'coverage/', '.scratch/', 'test/hugo-site/', '**/*.d.ts', '.dist*', 'dist.*', 'bench/make-corpus.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { process: 'readonly', console: 'readonly', URL: 'readonly', performance: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', fetch: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', structuredClone: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', document: 'readonly', window: 'readonly', localStorage: 'readonly', navigator: 'readonly', EventSource: 'readonly', sessionStorage: 'readonly', location: 'readonly', history: 'readonly', matchMedia: 'readonly', requestAnimationFrame: 'readonly', IntersectionObserver: 'readonly', HTMLElement: 'readonly', KeyboardEvent: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Diagnostics are printed with two spaces between fields; tests match that literally.
      'no-regex-spaces': 'off',
    },
  },
);

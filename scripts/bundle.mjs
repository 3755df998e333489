// npm run compile, second step: the CLI and the render thread as bundles (lib/bundle/),
// and the built-in themes' layouts with their types stripped (lib/themes/).
//
// Node 20 has no compile cache, and loading the ~470 small modules of the
// markdown stack one by one is a third of a one-page rebuild. Bundled, they
// load as a few files. tsc's lib/ stays as it is: it is the library's API
// (`strata-docs`), and what user modules get through jiti.
//
// Every compiled module sits two folders below the package root (lib/<area>/),
// and so does the bundle: paths a module finds from its own import.meta.url
// (themes/, lib/client/, package.json) point at the same files from either.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'lib/bundle');
const THEMES = path.join(ROOT, 'lib/themes');

const NODE_ONLY_REQUIRE = [
  "import { createRequire as __strataCreateRequire, isBuiltin as __strataIsBuiltin } from 'node:module';",
  'const __strataRequire = __strataCreateRequire(import.meta.url);',
  'const require = (id) => {',
  '  if (__strataIsBuiltin(id)) return __strataRequire(id);',
  "  throw Object.assign(new Error(`Cannot find module '${id}' (the bundle requires only Node's own modules)`), { code: 'MODULE_NOT_FOUND' });",
  '};',
].join(' ');

/**
 * unist-util-visit-parents names the function that visits each node after the
 * node (for stack traces), with `Object.defineProperty`: per node, a string and
 * a property definition, seven times the cost of the visit itself.
 * mdast-util-to-hast walks every tree it converts with it (to find link
 * definitions): a tenth of what a cold build of corpus A allocated. The bundle
 * leaves the naming out, and nothing else; if the package changes there, the
 * bundle fails rather than keep it silently.
 */
const visitWithoutNames = {
  name: 'visit-without-names',
  setup(build) {
    build.onLoad({ filter: /[\\/]unist-util-visit-parents[\\/]lib[\\/]index\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const start = source.indexOf("    if (typeof value.type === 'string') {\n      const name =");
      const end = source.indexOf('    return visit\n', start);
      if (start === -1 || end === -1 || !source.slice(start, end).includes("Object.defineProperty(visit, 'name'")) {
        throw new Error(`${args.path}: the naming of visit functions is not where scripts/bundle.mjs expects it`);
      }
      return { contents: source.slice(0, start) + source.slice(end), loader: 'js' };
    });
  },
};

rmSync(OUT, { recursive: true, force: true });
rmSync(THEMES, { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  entryPoints: ['lib/cli/main.js', 'lib/build/render-worker.js'],
  outdir: OUT,
  bundle: true,
  // Shared code in chunks, and a lazy `import()` stays lazy: a build with nothing to do loads almost nothing.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  // Packages that find their own files at run time (workers, WASM, grammars, binaries), or are big and loaded late.
  external: ['jiti', 'tinypool', 'pagefind', 'shiki', '@shikijs/*', 'mermaid', 'chokidar'],
  // Bundled CommonJS packages (gray-matter) require Node's own modules; in an ES module that takes a `require`.
  // It gives Node's modules only: any package bundled code uses is in the bundle or imported as external above.
  // (js-yaml then does without the optional esprima, as in a browser: it parses `!!js/function`, which
  // gray-matter's safe loading never accepts, and loading it was a tenth of a one-page rebuild's start-up.)
  banner: { js: NODE_ONLY_REQUIRE },
  plugins: [visitWithoutNames],
  legalComments: 'none',
  logLevel: 'warning',
});

// A build imports these natively instead of compiling the TypeScript through jiti
// (see `loadTheme`); layouts import types only, so each file stands alone.
await build({
  absWorkingDir: ROOT,
  entryPoints: readdirSync(path.join(ROOT, 'themes'), { recursive: true, encoding: 'utf8' })
    .filter((file) => /^[^/]+\/layouts\/[^/]+\.ts$/.test(file.split(path.sep).join('/')))
    .map((file) => path.join('themes', file)),
  outbase: 'themes',
  outdir: THEMES,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});

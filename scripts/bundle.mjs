// npm run compile, second step: the CLI and the render thread as bundles (lib/bundle/),
// and the built-in themes' layouts with their types stripped (lib/themes/).
//
// Node 20 has no compile cache, and loading the ~470 small modules of the
// markdown stack one by one is a third of a one-page rebuild. Bundled, they
// load as one file, whose compiled code V8 keeps from one process to the next
// (src/cli/code-cache.ts). tsc's lib/ stays as it is: it is the library's API
// (`strata-docs`), and what user modules get through jiti.
//
// Every compiled module sits two folders below the package root (lib/<area>/),
// and so does the bundle: paths a module finds from its own import.meta.url
// (themes/, lib/client/, package.json) point at the same files from either.
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'lib/bundle');
const THEMES = path.join(ROOT, 'lib/themes');

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
// Packages that find their own files at run time (workers, WASM, grammars, binaries), or are big and loaded late.
const EXTERNAL = ['jiti', 'tinypool', 'pagefind', 'shiki', '@shikijs/*', 'mermaid', 'chokidar'];
/** What a bundle's code is given (src/cli/code-cache.ts). */
const BUNDLE_PARAMETERS = ['exports', 'require', 'module', '__filename', '__dirname', '__strataMetaUrl', '__strataImport'];
const ENTRIES = { main: 'lib/cli/main.js', 'render-worker': 'lib/build/render-worker.js' };
await build({
  absWorkingDir: ROOT,
  entryPoints: ENTRIES,
  outdir: OUT,
  bundle: true,
  // CommonJS, one file per entry: Node 20 caches compiled code only for scripts (src/cli/code-cache.ts).
  // A lazy `import()` of a bundled module stays lazy: its module runs when first imported.
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  // The loader gives each bundle its URL (paths found from it point where they did from lib/<area>/).
  define: { 'import.meta.url': '__strataMetaUrl' },
  // Wrapped here as Node wraps a CommonJS module, not by the loader: V8 then keeps the file's text once.
  banner: { js: `(function (${BUNDLE_PARAMETERS.join(', ')}) {` },
  footer: { js: '})' },
  plugins: [visitWithoutNames],
  legalComments: 'none',
  logLevel: 'warning',
});

for (const name of Object.keys(ENTRIES)) {
  const file = path.join(OUT, `${name}.cjs`);
  writeFileSync(file, asciiOnly(withImportsRenamed(readFileSync(file, 'utf8'), file), file));
}
// What Node and tinypool load: ES modules that run the bundles through the code cache, and keep
// the code compiled while a call ran for the next process (the CLI's run; a render thread's first task).
const LAUNCHERS = [
  { name: 'main', exported: 'main', signature: 'export async function main(...args)' },
  { name: 'render-worker', exported: 'default', signature: 'export default async function renderTask(...args)' },
];
for (const { name, exported, signature } of LAUNCHERS) {
  writeFileSync(
    path.join(OUT, `${name}.js`),
    [
      "import { fileURLToPath } from 'node:url';",
      "import { loadBundle } from '../cli/code-cache.js';",
      `const bundle = loadBundle(fileURLToPath(new URL('./${name}.cjs', import.meta.url)), ${JSON.stringify(EXTERNAL)});`,
      `${signature} {`,
      '  try {',
      `    return await bundle.exports.${exported}(...args);`,
      '  } finally {',
      '    bundle.save();',
      '  }',
      '}',
      '',
    ].join('\n'),
  );
}

/**
 * V8 keeps a script's text for as long as its code lives, in two bytes a
 * character if any one character needs it: 3 MB instead of 1.5 in each
 * thread. esbuild writes code in ASCII (escapes in strings and names); what
 * is left are comments in expressions (`’` in micromark's), which lose those
 * characters. Anything else fails the bundle.
 */
function asciiOnly(code, file) {
  return code.replace(/^.*[\u0080-\uffff].*$/gm, (line) => {
    const comment = line.indexOf('//');
    const at = line.search(/[\u0080-\uffff]/);
    if (!/^\s*(\*|\/\*)/.test(line) && (comment === -1 || comment > at)) throw new Error(`${file}: a character outside ASCII in code: ${line.trim().slice(0, 120)}`);
    return line.replace(/[\u0080-\uffff]/g, '?');
  });
}

/**
 * Code V8 compiles from its cache loses the script's dynamic import callback:
 * the bundle's `import()` calls (of packages kept out of it and of user
 * modules; bundled ones are lazy `require`s by now) become calls of the
 * `__strataImport` the loader passes in. An `import(` anywhere else than where
 * a call is expected fails the bundle, rather than rename what is not a call.
 */
function withImportsRenamed(code, file) {
  const renamed = code.replace(/(?<=(?:await |return |[(=,:?] ?))import\(/g, '__strataImport(');
  const left = /(?<![.\w$])import\(/.exec(renamed);
  if (left) throw new Error(`${file}: an import() scripts/bundle.mjs does not rename: ${renamed.slice(left.index - 60, left.index + 40)}`);
  return renamed;
}

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

await warmCodeCache();

/**
 * The CLI's code cache (src/cli/code-cache.ts), made now rather than by the
 * first run after compiling: a cache holds what the run that wrote it
 * compiled, and a cold build with render threads compiles nothing of the
 * render path on the main thread, which a rebuild after an edit then compiled
 * every time (9 % of it). Here one process builds a copy of the example on
 * its main thread, then again after one page changed, and keeps the code of
 * both.
 */
async function warmCodeCache() {
  const site = mkdtempSync(path.join(os.tmpdir(), 'strata-warm-'));
  const { loadBundle } = await import(pathToFileURL(path.join(ROOT, 'lib/cli/code-cache.js')).href);
  const bundle = loadBundle(path.join(OUT, 'main.cjs'), EXTERNAL);
  const printed = [];
  const write = { out: process.stdout.write, err: process.stderr.write };
  process.stdout.write = process.stderr.write = (chunk) => printed.push(String(chunk)) > 0;
  try {
    for (const part of ['content', 'static', 'versions']) cpSync(path.join(ROOT, part), path.join(site, part), { recursive: true });
    // The example's strata.config.ts imports 'strata-docs', which resolves only inside this package.
    writeFileSync(path.join(site, 'strata.config.json'), JSON.stringify({ title: 'Warm-up', version: { name: '1.17.x' }, versions: [{ name: '1.15.x', status: 'unmaintained' }] }));
    const build = (...extra) => bundle.exports.main(['build', site, '--out', path.join(site, 'out'), ...extra]);
    const cold = await build('--threads', '0');
    appendFileSync(path.join(site, 'content/_index.md'), '\nEdited.\n');
    const edited = await build();
    if (cold !== 0 || edited !== 0) throw new Error(`the warm-up builds of the example failed:\n${printed.join('')}`);
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    rmSync(site, { recursive: true, force: true });
  }
  bundle.save();
}

#!/usr/bin/env node
// Regenerates the Hugo differential fixtures: test/fixtures/hugo/<case>/expected.html
// is the `.Content` that real Hugo (v0.111) renders for test/fixtures/hugo/<case>/input.md,
// using the minimal site in test/hugo-site/.
//
//   node scripts/hugo-fixtures.mjs            rewrite every expected.html
//   node scripts/hugo-fixtures.mjs <case>...  rewrite only the named cases
//   node scripts/hugo-fixtures.mjs --check    render in memory; exit 1 if any expected.html differs
//
// A case may hold pages/*.md: then input.md is rendered as the section page
// content/fixtures/<case>/_index.md with those pages as its children.
//
// Environment: HUGO=/path/to/hugo picks the binary (default: `hugo` on PATH).
// Hugo other than v0.111.x is refused unless --any-version is given, because the
// fixtures pin the behaviour of that release.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SITE = join(ROOT, 'test', 'hugo-site');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'hugo');
const SECTION = 'fixtures';
const EXPECTED_VERSION = /^hugo v0\.111\./;
const CASE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

class FixtureError extends Error {}

// Throws; main() prints the message and exits 2 (after temp dirs are cleaned up).
function fail(message) {
  throw new FixtureError(message);
}

function parseArgs(argv) {
  const options = { check: false, anyVersion: false, cases: [] };
  for (const arg of argv) {
    if (arg === '--check') options.check = true;
    else if (arg === '--any-version') options.anyVersion = true;
    else if (arg === '-h' || arg === '--help') {
      process.stdout.write('usage: node scripts/hugo-fixtures.mjs [--check] [--any-version] [case...]\n');
      process.exit(0);
    } else if (arg.startsWith('-')) fail(`unknown option ${arg} (expected --check, --any-version or case names)`);
    else options.cases.push(arg);
  }
  return options;
}

function hugoBinary(anyVersion) {
  const bin = process.env.HUGO || 'hugo';
  const result = spawnSync(bin, ['version'], { encoding: 'utf8' });
  if (result.error) {
    const why = result.error.code === 'ENOENT' ? 'not found' : result.error.message;
    fail(`cannot run Hugo (${bin}): ${why}. Install Hugo v0.111.x (Debian: apt-get install hugo) or set HUGO=/path/to/hugo.`);
  }
  if (result.status !== 0) fail(`\`${bin} version\` exited with ${result.status}: ${result.stderr.trim()}`);
  const version = result.stdout.trim();
  if (!EXPECTED_VERSION.test(version)) {
    const message = `fixtures are pinned to Hugo v0.111.x, found: ${version}`;
    if (!anyVersion) fail(`${message}. Pass --any-version to render anyway.`);
    process.stderr.write(`hugo-fixtures: warning: ${message}\n`);
  }
  return { bin, version };
}

function listCases(only) {
  if (!existsSync(FIXTURES)) fail(`no fixtures folder at ${relative(ROOT, FIXTURES)}`);
  const all = readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const name of all) {
    if (!CASE_NAME.test(name)) fail(`case folder "${name}" is not kebab-case (Hugo would rewrite its URL)`);
    if (!existsSync(join(FIXTURES, name, 'input.md'))) fail(`case "${name}" has no input.md`);
  }
  if (only.length === 0) return all;
  for (const name of only) if (!all.includes(name)) fail(`unknown case "${name}"`);
  return only;
}

// Renders every case in one Hugo run, in a throwaway copy of the site.
// Returns Map<case, html> where html is `.Content` trimmed of surrounding whitespace.
// A case folder with pages/ becomes a section (input.md as its _index.md), so
// shortcodes that list child pages have some.
function render(hugo, cases) {
  const work = mkdtempSync(join(tmpdir(), 'strata-hugo-fixtures-'));
  try {
    const site = join(work, 'site');
    cpSync(SITE, site, { recursive: true });
    rmSync(join(site, 'content'), { recursive: true, force: true });
    rmSync(join(site, 'public'), { recursive: true, force: true });
    mkdirSync(join(site, 'content', SECTION), { recursive: true });
    for (const name of cases) {
      // A case with pages/ is a section: its input.md is the section page, pages/*.md its children.
      const pages = join(FIXTURES, name, 'pages');
      if (existsSync(pages)) {
        cpSync(pages, join(site, 'content', SECTION, name), { recursive: true });
        cpSync(join(FIXTURES, name, 'input.md'), join(site, 'content', SECTION, name, '_index.md'));
      } else cpSync(join(FIXTURES, name, 'input.md'), join(site, 'content', SECTION, `${name}.md`));
    }
    const out = join(work, 'public');
    const args = ['--source', site, '--destination', out, '--cacheDir', join(work, 'cache'), '--noBuildLock', '--quiet'];
    const result = spawnSync(hugo.bin, args, { cwd: site, encoding: 'utf8' });
    if (result.error) fail(`hugo failed to start: ${result.error.message}`);
    // Point Hugo's messages at the case's input.md rather than at the temp copy.
    const where = (text) =>
      text.replace(/[^\s"']*\/content\/fixtures\/([a-z0-9-]+)\.md/g, (_, name) =>
        relative(ROOT, join(FIXTURES, name, 'input.md')),
      );
    if (result.status !== 0) fail(`hugo exited with ${result.status}:\n${where(result.stderr + result.stdout)}`);
    if (result.stderr.trim()) process.stderr.write(where(result.stderr));
    const html = new Map();
    for (const name of cases) {
      const file = join(out, SECTION, name, 'index.html');
      if (!existsSync(file)) fail(`hugo wrote no page for case "${name}" (is it a draft, or is its front matter broken?)`);
      html.set(name, readFileSync(file, 'utf8').trim());
    }
    return html;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const hugo = hugoBinary(options.anyVersion);
  const cases = listCases(options.cases);
  const rendered = render(hugo, cases);

  const changed = [];
  for (const name of cases) {
    const file = join(FIXTURES, name, 'expected.html');
    const next = `${rendered.get(name)}\n`;
    const previous = existsSync(file) ? readFileSync(file, 'utf8') : null;
    if (previous === next) continue;
    changed.push(name);
    if (!options.check) writeFileSync(file, next);
  }

  if (options.check) {
    if (changed.length > 0) {
      process.stderr.write(
        `hugo-fixtures: ${changed.length} of ${cases.length} fixture(s) differ from what ${hugo.version.split(' ')[1]} renders:\n` +
          changed.map((name) => `  ${relative(ROOT, join(FIXTURES, name, 'expected.html'))}\n`).join('') +
          'Run `node scripts/hugo-fixtures.mjs` to regenerate them.\n',
      );
      process.exit(1);
    }
    process.stdout.write(`hugo-fixtures: ${cases.length} fixture(s) match Hugo.\n`);
    return;
  }
  process.stdout.write(`hugo-fixtures: rendered ${cases.length} case(s) with ${hugo.version.split(' ')[1]}; ${changed.length} expected.html written.\n`);
  for (const name of changed) process.stdout.write(`  ${relative(ROOT, join(FIXTURES, name, 'expected.html'))}\n`);
}

try {
  main();
} catch (error) {
  if (!(error instanceof FixtureError)) throw error;
  process.stderr.write(`hugo-fixtures: ${error.message}\n`);
  process.exit(2);
}

import type { BuildOptions } from '../build/build-site.js';
import { build } from '../build/build.js';
import { resolveConfigFlag } from './config-flag.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { createProgress } from './progress.js';
import { printReport, type ReportFormat } from './report.js';
import type { Command } from './main.js';

export const buildCommand: Command = {
  summary: `Usage: strata build [SITE_DIR] [options]

Builds the docs in SITE_DIR (default: .) into dist/, checking every link,
anchor and asset of the output. Exits 1 on errors, and then writes nothing.

Options:
  --out DIR         output folder, relative to SITE_DIR (default: the config's outDir, dist)
  --base-url URL    where the site is served: /docs/ or https://docs.example.com/docs/
  --version NAME    build only this version, for \`strata merge\` (CI matrix builds)
  --warn-only       report errors as warnings and write the output anyway
  --format FORMAT   how problems are printed: text (default) or github (Actions annotations)
  --to ndjson       print one JSON line per page (version, url, source, title, html); write nothing
  --drafts          include pages marked draft: true
  --config FILE     the config to use instead of SITE_DIR's own: strata.config.ts,
                    or a Hugo config (hugo.toml, config.yaml, docs.toml…)
  --threads N       render threads (default: one per core for large sites; 0: none)
  --no-cache        neither use nor update the build cache (.strata-cache/)`,
  siteDirArgument: true,
  options: {
    out: { type: 'string' },
    'base-url': { type: 'string' },
    version: { type: 'string' },
    'warn-only': { type: 'boolean' },
    format: { type: 'string' },
    to: { type: 'string' },
    drafts: { type: 'boolean' },
    config: { type: 'string' },
    threads: { type: 'string' },
    'no-cache': { type: 'boolean' },
  },
  async run({ positionals, values }) {
    if (values.to !== undefined && values.to !== 'ndjson') {
      console.error(`strata build: --to supports only \`ndjson\`, not \`${String(values.to)}\``);
      return 2;
    }
    const format = reportFormat('build', values.format);
    if (!format) return 2;
    const ndjson = values.to === 'ndjson';
    const threads = values.threads === undefined ? undefined : Number(values.threads);
    if (threads !== undefined && !(Number.isInteger(threads) && threads >= 0 && threads <= 64)) {
      console.error(`strata build: --threads takes a whole number from 0 to 64, not \`${String(values.threads)}\``);
      return 2;
    }
    const siteDir = positionals[0] ?? '.';
    const progress = ndjson ? undefined : createProgress(process.stderr);
    const options: BuildOptions = {
      siteDir,
      ...(typeof values.out === 'string' ? { outDir: values.out } : {}),
      ...(typeof values['base-url'] === 'string' ? { baseUrl: values['base-url'] } : {}),
      ...(typeof values.config === 'string' ? { configFile: resolveConfigFlag(values.config, siteDir) } : {}),
      ...(typeof values.version === 'string' ? { version: values.version } : {}),
      warnOnly: values['warn-only'] === true,
      output: ndjson ? 'ndjson' : 'files',
      drafts: values.drafts === true,
      ...(threads === undefined ? {} : { threads }),
      cache: values['no-cache'] !== true,
      onPage: (line) => process.stdout.write(`${JSON.stringify(line)}\n`),
      ...(progress ? { onProgress: progress.onProgress } : {}),
    };
    const summary = await build(options).finally(() => progress?.end());
    printReport(summary, ndjson ? process.stderr : process.stdout, { format, siteDir });
    return hasErrors(summary.diagnostics) ? 1 : 0;
  },
};

/** `--format`: text or github; prints the reason and returns undefined otherwise. */
export function reportFormat(command: string, value: string | boolean | undefined): ReportFormat | undefined {
  if (value === undefined || value === 'text') return 'text';
  if (value === 'github') return 'github';
  console.error(`strata ${command}: --format is \`text\` or \`github\`, not \`${String(value)}\``);
  return undefined;
}

import { buildSite } from '../build/build-site.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { reportFormat } from './build-command.js';
import { createProgress } from './progress.js';
import { printReport } from './report.js';
import type { Command } from './main.js';

export const checkCommand: Command = {
  summary: `Usage: strata check [SITE_DIR] [options]

Builds the docs in SITE_DIR (default: .) in memory, writes nothing, and reports
every problem: links, anchors and assets of every version (in pages, raw HTML
and theme output), readfile targets, duplicate output paths, pages the
navigation cannot reach, front matter. Exits 1 when there is an error.

Options:
  --base-url URL    check as served from there: /docs/ or https://docs.example.com/docs/
  --version NAME    check only this version
  --format FORMAT   text (default) or github (GitHub Actions annotations)
  --drafts          include pages marked draft: true`,
  siteDirArgument: true,
  options: {
    'base-url': { type: 'string' },
    version: { type: 'string' },
    format: { type: 'string' },
    drafts: { type: 'boolean' },
  },
  async run({ positionals, values }) {
    const format = reportFormat('check', values.format);
    if (!format) return 2;
    const siteDir = positionals[0] ?? '.';
    const progress = createProgress(process.stderr);
    const summary = await buildSite({
      siteDir,
      ...(typeof values['base-url'] === 'string' ? { baseUrl: values['base-url'] } : {}),
      ...(typeof values.version === 'string' ? { version: values.version } : {}),
      output: 'none',
      drafts: values.drafts === true,
      onProgress: progress.onProgress,
    }).finally(() => progress.end());
    printReport(summary, process.stdout, { format, siteDir });
    return hasErrors(summary.diagnostics) ? 1 : 0;
  },
};

import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../diagnostics/format.js';

/** The source text of a file a diagnostic names (site-relative path), when it can be read. */
export type SourceLookup = (file: string) => string | undefined;

export const OVERLAY_ID = 'strata-dev-overlay';

/** Longest source line shown; minified or generated lines are cut. */
const MAX_LINE = 240;

/**
 * The error overlay of a page: a fixed `role="alertdialog"` box listing each
 * message as the terminal prints it (`file:line:column  error  message  [rule]`)
 * with the source lines around it, the line marked and a caret under the
 * column. Empty when there is no error (warnings alone stay in the terminal).
 * Every piece of text is escaped: messages quote what authors wrote.
 */
export function overlayHtml(diagnostics: readonly Diagnostic[], sourceOf: SourceLookup, contextLines = 2): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (errors === 0) return '';
  const sorted = [...diagnostics].sort((a, b) => (a.severity === b.severity ? compareDiagnostics(a, b) : a.severity === 'error' ? -1 : 1));
  const items = sorted.map((d) => {
    const excerpt = d.file && d.place ? sourceExcerpt(sourceOf(d.file), d.place.line, d.place.column, contextLines) : '';
    return `<li class="strata-dev-${d.severity}"><p class="strata-dev-message">${escapeHtml(formatDiagnostic(d))}</p>${excerpt}</li>`;
  });
  const title = `${errors} error${errors === 1 ? '' : 's'}${sorted.length > errors ? `, ${sorted.length - errors} warning${sorted.length - errors === 1 ? '' : 's'}` : ''} on this page`;
  return (
    `<div id="${OVERLAY_ID}" role="alertdialog" aria-labelledby="${OVERLAY_ID}-title" aria-describedby="${OVERLAY_ID}-list">` +
    `<style>${STYLE}</style>` +
    `<div class="strata-dev-box"><div class="strata-dev-head"><strong id="${OVERLAY_ID}-title">${escapeHtml(title)}</strong>` +
    `<span class="strata-dev-hint">Fix the file and save: this page reloads by itself.</span>` +
    `<button type="button" data-strata-dismiss aria-label="Hide these messages">×</button></div>` +
    `<ol id="${OVERLAY_ID}-list">${items.join('')}</ol></div></div>`
  );
}

/** The lines around `line` (1-based), numbered, the line itself marked with `>` and a caret under `column`. */
export function sourceExcerpt(text: string | undefined, line: number, column: number, contextLines = 2): string {
  if (text === undefined) return '';
  const lines = text.split(/\r?\n/);
  if (line < 1 || line > lines.length) return '';
  const first = Math.max(1, line - contextLines);
  const last = Math.min(lines.length, line + contextLines);
  const width = String(last).length;
  const rows: string[] = [];
  for (let n = first; n <= last; n++) {
    const source = clip(lines[n - 1] ?? '');
    const gutter = `${n === line ? '>' : ' '} ${String(n).padStart(width)} | `;
    if (n === line) {
      rows.push(`<mark>${escapeHtml(gutter + source)}</mark>`);
      const before = source.slice(0, Math.max(0, column - 1)).replace(/[^\t]/g, ' ');
      rows.push(`<span class="strata-dev-caret">${escapeHtml(`  ${' '.repeat(width)} | ${before}^`)}</span>`);
    } else rows.push(`<span>${escapeHtml(gutter + source)}</span>`);
  }
  return `<pre class="strata-dev-source"><code>${rows.join('\n')}</code></pre>`;
}

function clip(line: string): string {
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}…` : line;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

// `all: initial` keeps the theme's styles out; every rule is scoped to the overlay.
const STYLE = `
#${OVERLAY_ID}{all:initial;position:fixed;inset:0;z-index:2147483647;display:flex;align-items:flex-start;justify-content:center;padding:4vh 2vw;box-sizing:border-box;background:rgba(20,20,24,.55);overflow:auto;font:14px/1.45 system-ui,sans-serif;color:#1d1d1f}
#${OVERLAY_ID} .strata-dev-box{box-sizing:border-box;width:min(100%,72rem);background:#fff;border-top:6px solid #c62828;border-radius:6px;box-shadow:0 12px 40px rgba(0,0,0,.35);padding:1rem 1.25rem}
#${OVERLAY_ID} .strata-dev-head{display:flex;gap:1rem;align-items:baseline;flex-wrap:wrap}
#${OVERLAY_ID} .strata-dev-head strong{font-size:1.1rem;color:#c62828}
#${OVERLAY_ID} .strata-dev-hint{color:#555;flex:1}
#${OVERLAY_ID} button{all:initial;cursor:pointer;font:20px/1 system-ui,sans-serif;padding:.2rem .5rem;color:#333}
#${OVERLAY_ID} ol{list-style:none;margin:.75rem 0 0;padding:0}
#${OVERLAY_ID} li{margin:0 0 1rem;padding:0}
#${OVERLAY_ID} .strata-dev-message{margin:0 0 .35rem;font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre-wrap;word-break:break-word}
#${OVERLAY_ID} .strata-dev-error .strata-dev-message{color:#b71c1c}
#${OVERLAY_ID} .strata-dev-warning .strata-dev-message{color:#8a5a00}
#${OVERLAY_ID} pre{margin:0;padding:.6rem .8rem;background:#f6f6f7;border-radius:4px;overflow:auto;font:12.5px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#333;tab-size:4}
#${OVERLAY_ID} pre code{font:inherit}
#${OVERLAY_ID} mark{background:#fde2e2;color:#7f0000}
#${OVERLAY_ID} .strata-dev-caret{color:#c62828;font-weight:bold}
`.replace(/\n/g, '');

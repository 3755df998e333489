import type { Element } from 'hast';
import { h } from '../../html/h.js';

export interface CodeOptions {
  /** Lines to emphasise, as Hugo writes them: `2 4-5`. */
  hlLines?: string | undefined;
  /** `table`, `inline` or `true`; unset or `false` for none. */
  linenos?: string | undefined;
  /** First line number, when not 1. */
  linenostart?: string | undefined;
}

/**
 * A code block exactly as a fenced block renders (`<pre><code class="language-x">text\n</code></pre>`),
 * so one highlighter treats both. Hugo's highlight options ride along as data
 * attributes on the `pre`: `data-hl-lines="2 4-5"`, `data-linenos="table"`, `data-linenostart="10"`.
 */
export function codeBlock(lang: string | undefined, text: string, options: CodeOptions = {}): Element {
  const language = lang?.trim().toLowerCase();
  const linenos = options.linenos === undefined || options.linenos === 'false' ? undefined : options.linenos;
  return h(
    'pre',
    {
      dataHlLines: options.hlLines?.trim() || undefined,
      dataLinenos: linenos,
      dataLinenostart: linenos && options.linenostart ? options.linenostart : undefined,
    },
    h('code', language ? { className: [`language-${language}`] } : {}, text === '' ? '' : `${text}\n`),
  );
}

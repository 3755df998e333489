/**
 * Shortcode lexer, shaped like Hugo's (parser/pageparser/pagelexer_shortcode.go):
 * a state machine whose states are functions returning the next state, emitting
 * a flat list of tokens that hold offsets into the source, never copies of it.
 *
 * It runs over the whole page body before markdown, because Hugo expands
 * shortcodes everywhere (code fences and HTML comments included).
 */

export type Delimiter = '<' | '%';

export type Token =
  /** Plain page text between shortcodes. */
  | { type: 'text'; start: number; end: number }
  /** `{{<` or `{{%`, opening an action. */
  | { type: 'open'; start: number; end: number; delim: Delimiter }
  /** The `/` of a closing tag (`{{< /x >}}`). */
  | { type: 'closing'; start: number; end: number }
  | { type: 'name'; start: number; end: number }
  /** One parameter: `key=value` or a positional value; `valueStart..valueEnd` is the unquoted value. */
  | {
      type: 'param';
      start: number;
      end: number;
      key?: { start: number; end: number };
      quoting: 'quoted' | 'raw' | 'bare';
      valueStart: number;
      valueEnd: number;
    }
  /** The `/` of a self-closing tag (`{{< x />}}`). */
  | { type: 'selfClose'; start: number; end: number }
  /** `>}}` or `%}}`. */
  | { type: 'close'; start: number; end: number; delim: Delimiter }
  // `{{</* x */>}}`: an escaped shortcode, shown literally as `{{< x >}}`.
  | { type: 'escaped'; start: number; end: number; innerStart: number; innerEnd: number; delim: Delimiter }
  | { type: 'error'; start: number; end: number; message: string };

type State = ((lexer: Lexer) => State) | undefined;

class Lexer {
  readonly src: string;
  pos: number;
  readonly end: number;
  /** Start of the pending text run. */
  textStart: number;
  delim: Delimiter = '<';
  readonly tokens: Token[] = [];

  constructor(src: string, start: number, end: number) {
    this.src = src;
    this.pos = start;
    this.textStart = start;
    this.end = end;
  }

  emit(token: Token): void {
    this.tokens.push(token);
  }

  flushText(upTo: number): void {
    if (upTo > this.textStart) this.emit({ type: 'text', start: this.textStart, end: upTo });
  }

  skipSpace(): void {
    while (this.pos < this.end && isSpace(this.src.charCodeAt(this.pos))) this.pos++;
  }

  startsWith(s: string): boolean {
    return this.src.startsWith(s, this.pos) && this.pos + s.length <= this.end;
  }

  /**
   * After an error inside an action, resume as text after the action's end on
   * this line (or at the line's end). The error token spans what was skipped,
   * so the parser keeps it as text and nothing of the page is lost.
   */
  recover(message: string, start: number, resumeAt?: number): State {
    let stop = resumeAt;
    if (stop === undefined) {
      const close = this.src.indexOf(`${closer(this.delim)}}}`, this.pos);
      const eol = this.src.indexOf('\n', this.pos);
      stop = close !== -1 && close < this.end && (eol === -1 || close < eol) ? close + 3 : eol !== -1 && eol < this.end ? eol : this.end;
    }
    stop = Math.min(Math.max(stop, start + 1), this.end);
    this.emit({ type: 'error', start, end: stop, message });
    this.pos = stop;
    this.textStart = stop;
    return lexText;
  }

}

/** `{{<` closes with `>}}`, `{{%` with `%}}`. */
export function closer(delim: Delimiter): '>' | '%' {
  return delim === '<' ? '>' : '%';
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46 || c === 47;
}

const lexText: State = (l) => {
  for (;;) {
    const at = l.src.indexOf('{{', l.pos);
    if (at === -1 || at >= l.end - 2) {
      l.pos = l.end;
      l.flushText(l.end);
      return undefined;
    }
    const c = l.src[at + 2];
    if (c === '<' || c === '%') {
      l.flushText(at);
      l.pos = at;
      l.delim = c;
      return lexOpen;
    }
    l.pos = at + 2;
  }
};

const lexOpen: State = (l) => {
  const start = l.pos;
  l.pos += 3;
  // `{{</* … */>}}` is an escaped shortcode: Hugo prints it without the comment markers.
  const comment = /^\s*\/\*/.exec(l.src.slice(l.pos, Math.min(l.pos + 40, l.end)));
  if (comment) {
    const innerStart = l.pos + comment[0].length;
    const closeRe = l.delim === '<' ? /\*\/\s*>\}\}/g : /\*\/\s*%\}\}/g;
    closeRe.lastIndex = innerStart;
    const m = closeRe.exec(l.src);
    if (!m || m.index + m[0].length > l.end) return l.recover('unterminated escaped shortcode (missing `*/' + closer(l.delim) + '}}`)', start, start + 3);
    l.emit({ type: 'escaped', start, end: m.index + m[0].length, innerStart, innerEnd: m.index, delim: l.delim });
    l.pos = m.index + m[0].length;
    l.textStart = l.pos;
    return lexText;
  }
  l.emit({ type: 'open', start, end: start + 3, delim: l.delim });
  l.skipSpace();
  if (l.pos < l.end && l.src[l.pos] === '/') {
    l.emit({ type: 'closing', start: l.pos, end: l.pos + 1 });
    l.pos++;
    l.skipSpace();
  }
  return lexName;
};

const lexName: State = (l) => {
  const start = l.pos;
  while (l.pos < l.end && isNameChar(l.src.charCodeAt(l.pos))) l.pos++;
  // A trailing `/` belongs to a self-closing `/>}}`, not to the name.
  while (l.pos > start && l.src[l.pos - 1] === '/') l.pos--;
  if (l.pos === start) {
    if (l.pos >= l.end) return l.recover('unclosed shortcode action: missing `' + closer(l.delim) + '}}`', start - 3, start);
    return l.recover(`expected a shortcode name, found ${describeChar(l.src[l.pos])}`, start);
  }
  l.emit({ type: 'name', start, end: l.pos });
  return lexInside;
};

const lexInside: State = (l) => {
  l.skipSpace();
  if (l.pos >= l.end) return l.recover(`unclosed shortcode action: missing \`${closer(l.delim)}}}\``, lastOpen(l));
  if (l.startsWith(`${closer(l.delim)}}}`)) {
    l.emit({ type: 'close', start: l.pos, end: l.pos + 3, delim: l.delim });
    l.pos += 3;
    l.textStart = l.pos;
    return lexText;
  }
  if (l.startsWith(`/${closer(l.delim)}}}`)) {
    l.emit({ type: 'selfClose', start: l.pos, end: l.pos + 1 });
    l.pos++;
    return lexInside;
  }
  const other: Delimiter = l.delim === '<' ? '%' : '<';
  if (l.startsWith(`${closer(other)}}}`) || l.startsWith(`/${closer(other)}}}`))
    return l.recover(`shortcode opened with \`{{${l.delim}\` is closed with \`${closer(other)}}}\``, l.pos, l.pos + 3);
  if (l.startsWith('}}')) return l.recover(`unclosed shortcode action: expected \`${closer(l.delim)}}}\`, found \`}}\``, l.pos, l.pos + 2);
  return lexParam;
};

const lexParam: State = (l) => {
  const start = l.pos;
  const c = l.src[l.pos];
  if (c === '"' || c === '`') return lexValue(l, start, undefined);
  // A bare word: either a key (followed by `=`) or a positional value.
  while (l.pos < l.end && !isSpace(l.src.charCodeAt(l.pos)) && l.src[l.pos] !== '=' && !atActionEnd(l)) {
    if (l.src[l.pos] === '"' || l.src[l.pos] === '`') return l.recover(`unexpected ${describeChar(l.src[l.pos])} inside a parameter; quote the whole value`, l.pos);
    l.pos++;
  }
  const wordEnd = l.pos;
  let p = l.pos;
  while (p < l.end && (l.src[p] === ' ' || l.src[p] === '\t')) p++;
  if (l.src[p] === '=') {
    if (wordEnd === start) return l.recover('a parameter name is missing before `=`', start);
    l.pos = p + 1;
    while (l.pos < l.end && (l.src[l.pos] === ' ' || l.src[l.pos] === '\t')) l.pos++;
    return lexValue(l, start, { start, end: wordEnd });
  }
  l.emit({ type: 'param', start, end: wordEnd, quoting: 'bare', valueStart: start, valueEnd: wordEnd });
  return lexInside;
};

function lexValue(l: Lexer, start: number, key: { start: number; end: number } | undefined): State {
  const c = l.src[l.pos];
  const valueAt = l.pos;
  if (c === '"') {
    let p = l.pos + 1;
    for (; p < l.end; p++) {
      const ch = l.src[p];
      if (ch === '\\') p++;
      else if (ch === '"') break;
      else if (ch === '\n') p = l.end;
    }
    if (p >= l.end) return l.recover('unterminated quoted string in shortcode parameter', valueAt);
    l.emit({ type: 'param', start, end: p + 1, ...(key ? { key } : {}), quoting: 'quoted', valueStart: valueAt + 1, valueEnd: p });
    l.pos = p + 1;
    return lexAfterValue;
  }
  if (c === '`') {
    const close = l.src.indexOf('`', l.pos + 1);
    if (close === -1 || close >= l.end) return l.recover('unterminated raw string in shortcode parameter', valueAt);
    l.emit({ type: 'param', start, end: close + 1, ...(key ? { key } : {}), quoting: 'raw', valueStart: valueAt + 1, valueEnd: close });
    l.pos = close + 1;
    return lexAfterValue;
  }
  while (l.pos < l.end && !isSpace(l.src.charCodeAt(l.pos)) && !atActionEnd(l)) l.pos++;
  if (l.pos === valueAt) return l.recover('a value is missing after `=`', start);
  l.emit({ type: 'param', start, end: l.pos, ...(key ? { key } : {}), quoting: 'bare', valueStart: valueAt, valueEnd: l.pos });
  return lexInside;
}

// Hugo accepts a parameter right after a quoted one (`a="1"b="2"`), so nothing is required here.
const lexAfterValue: State = lexInside;

function atActionEnd(l: Lexer): boolean {
  return l.startsWith(`${closer(l.delim)}}}`) || l.startsWith(`/${closer(l.delim)}}}`);
}

function lastOpen(l: Lexer): number {
  for (let i = l.tokens.length - 1; i >= 0; i--) {
    const t = l.tokens[i] as Token;
    if (t.type === 'open') return t.start;
  }
  return l.pos;
}

function describeChar(c: string | undefined): string {
  return c === undefined ? 'the end of the page' : c === '\n' ? 'a line break' : `\`${c}\``;
}

/** Lexes `src[start, end)`; offsets in the tokens are offsets into `src`. */
export function lex(src: string, start = 0, end = src.length): Token[] {
  const lexer = new Lexer(src, start, end);
  let state: State = lexText;
  while (state) state = state(lexer);
  return lexer.tokens;
}

/** The value of a quoted parameter: Hugo unescapes `\"` only (`\\` stays two characters). */
export function unescapeQuoted(raw: string): string {
  return raw.replace(/\\"/g, '"');
}

import type { Code, Heading, Html, List, ListItem, Paragraph, PhrasingContent, RootContent, Text } from 'mdast';
import type { Point, Position } from 'unist';

/**
 * A parser for the plain blocks most docs are made of: paragraphs, ATX
 * headings, tight lists (nested too), fenced code and HTML comments, with
 * text, code spans, emphasis, inline links and hard breaks. It gives
 * the tree micromark gives, positions included, and declines (undefined)
 * anything else, which micromark then parses: escapes, entities, raw HTML,
 * autolinks, images, tables, strikethrough, loose lists,
 * indented or lazy lines, and any delimiter CommonMark's fuller rules could
 * read another way.
 *
 * micromark is exact but slow (about 1.5 s of CPU per MB of markdown with
 * GFM, most of a cold build); the plain subset is read in one pass, some 30
 * times faster. `test/markdown/plain-blocks.test.ts` compares the two on every
 * block of the example site, the fixtures and a generated corpus, and on
 * random blocks.
 */

/** Where the block starts in the text its positions refer to. */
export interface Origin {
  /** 1-based line of the block's first line. */
  line: number;
  offset: number;
}

/** Characters never handled here, wherever they are. */
const UNSUPPORTED = /[\t\r\0]/;
/** What a line of text (not code, not a comment) must not hold: escapes, table cells. */
const UNSUPPORTED_LINE = /[\\|]/;
/** What text (not code, not a link's destination) must not hold: it would start an autolink, HTML, an entity or strikethrough. */
const UNSUPPORTED_TEXT = /[<~@&[\]]|www\.|https?:|mailto:|xmpp:/i;
const HEADING = /^(#{1,6}) (?=\S)/;
const FENCE = /^(`{3,}|~{3,})(.*)$/;
const COMMENT_START = '<!--';
const BULLET = /^([*+-]) (?=\S)/;
const ORDERED = /^(\d{1,9})([.)]) (?=\S)/;
/** Characters that start something other than a paragraph line at column 0 (list markers are tried first). */
const NOT_TEXT_START = new Set([' ', '>', '#', '<', '~', '=', '_', ':', '-', '+', '|']);
const THEMATIC_STARS = /^\*[* ]*$/;
const TASK = /^\[[ xX]\]/;
const MAX_LIST_DEPTH = 16;
const WHITESPACE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/** The block's top-level nodes as micromark parses them, or undefined when the block is not plain. */
export function parsePlainBlock(text: string, origin: Origin): RootContent[] | undefined {
  if (text.length === 0 || UNSUPPORTED.test(text)) return undefined;
  try {
    return new PlainBlock(text, origin).parse();
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}

/** Thrown from deep in the parse when the block leaves the plain subset. */
const GIVE_UP = Symbol('not a plain block');

function giveUp(): never {
  throw GIVE_UP;
}

interface Line {
  start: number;
  end: number;
}

type Marker = { kind: 'bullet'; char: string; width: number } | { kind: 'ordered'; delimiter: string; start: number; width: number };

class PlainBlock {
  readonly #text: string;
  readonly #origin: Origin;
  readonly #lines: Line[] = [];

  constructor(text: string, origin: Origin) {
    this.#text = text;
    this.#origin = origin;
    let start = 0;
    for (let eol = text.indexOf('\n'); eol !== -1; eol = text.indexOf('\n', start)) {
      this.#lines.push({ start, end: eol });
      start = eol + 1;
    }
    this.#lines.push({ start, end: text.length });
  }

  parse(): RootContent[] {
    const nodes: RootContent[] = [];
    let i = 0;
    while (i < this.#lines.length) {
      const line = this.#line(i);
      const heading = HEADING.exec(line);
      if (line === '') i++;
      else if (opensFence(line)) {
        const fence = this.#fence(i, 0);
        nodes.push(fence.node);
        i = fence.next;
      } else if (line.startsWith(COMMENT_START)) {
        const comment = this.#comment(i);
        nodes.push(comment.node);
        i = comment.next;
      } else if (heading) {
        nodes.push(this.#heading(i, (heading[1] as string).length));
        i++;
      } else if (marker(line)) {
        const list = this.#list(i, 0);
        nodes.push(list.node);
        i = list.next;
      } else {
        const end = this.#paragraphEnd(i);
        nodes.push(this.#paragraph(i, end, 0));
        i = end;
      }
    }
    return nodes;
  }

  #line(i: number): string {
    const { start, end } = this.#lines[i] as Line;
    return this.#text.slice(start, end);
  }

  /** The line after the paragraph starting at line `i`: a heading or a list interrupts it. */
  #paragraphEnd(i: number): number {
    textLine(this.#line(i));
    let next = i + 1;
    for (; next < this.#lines.length; next++) {
      const line = this.#line(next);
      // Headings, fences and comments interrupt a paragraph.
      if (line === '' || HEADING.test(line) || opensFence(line) || line.startsWith(COMMENT_START)) break;
      const m = marker(line);
      if (m) {
        // Only a list starting at 1 interrupts a paragraph; another number is text, which micromark handles.
        if (m.kind === 'ordered' && m.start !== 1) giveUp();
        break;
      }
      textLine(line);
    }
    return next;
  }

  /**
   * The line after a list item's paragraph whose next line is `from`:
   * continuation lines are indented to the item's content, exactly (more is a
   * nested block or code); a list or a fence there interrupts it.
   */
  #itemParagraphEnd(from: number, inner: number): number {
    let next = from;
    for (; next < this.#lines.length; next++) {
      const continued = this.#line(next);
      const spaces = leadingSpaces(continued);
      if (spaces < inner) break;
      if (spaces > inner) giveUp();
      const rest = continued.slice(inner);
      if (marker(rest) || opensFence(rest)) break;
      if (HEADING.test(rest)) giveUp();
      textLine(rest);
    }
    return next;
  }

  /**
   * A fenced code block `indent` spaces in (inside a list item when not 0),
   * closed in the block; and the line after it.
   */
  #fence(first: number, indent: number): { node: Code; next: number } {
    const [, fence = '', rest = ''] = FENCE.exec(this.#line(first).slice(indent)) ?? giveUp();
    const info = rest.trim();
    // Escapes and entities in the info string, and backticks after a backtick fence, are left to micromark.
    if (/[\\&]/.test(info) || (fence[0] === '`' && info.includes('`'))) giveUp();
    const space = info.search(/\s/);
    const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},} *$`);
    const margin = ' '.repeat(indent);
    const content: string[] = [];
    let close = first + 1;
    for (; close < this.#lines.length; close++) {
      const line = this.#line(close);
      // In a list item, a line less indented than the item ends it (and the fence); a blank line may loosen the list.
      if (indent > 0 && (line === '' || !line.startsWith(margin))) giveUp();
      const inside = line.slice(indent);
      if (closing.test(inside)) break;
      content.push(inside);
    }
    if (close === this.#lines.length) giveUp();
    const start = (this.#lines[first] as Line).start + indent;
    const node: Code = {
      type: 'code',
      lang: info === '' ? null : space === -1 ? info : info.slice(0, space),
      meta: space === -1 ? null : info.slice(space).trim(),
      value: content.join('\n'),
      position: this.#position(start, (this.#lines[close] as Line).end),
    };
    return { node, next: close + 1 };
  }

  /** An HTML comment at column 0 (a block of its own, to the line that closes it); and the line after it. */
  #comment(first: number): { node: Html; next: number } {
    const opening = this.#line(first);
    // `<!-->` and `<!--->` close at once in CommonMark: left to micromark.
    if (opening.startsWith('<!-->') || opening.startsWith('<!--->')) giveUp();
    let close = first;
    while (close < this.#lines.length && !this.#line(close).includes('-->', close === first ? COMMENT_START.length : 0)) close++;
    if (close === this.#lines.length) giveUp();
    const start = (this.#lines[first] as Line).start;
    const end = (this.#lines[close] as Line).end;
    return { node: { type: 'html', value: this.#text.slice(start, end), position: this.#position(start, end) }, next: close + 1 };
  }

  #heading(i: number, depth: number): Heading {
    const { start, end } = this.#lines[i] as Line;
    if (UNSUPPORTED_LINE.test(this.#line(i))) giveUp();
    // A closing sequence (`## Title ##`) and trailing spaces are left to micromark.
    if (this.#text[end - 1] === '#' || this.#text[end - 1] === ' ') giveUp();
    const children = this.#inline(start + depth + 1, end, 0);
    return { type: 'heading', depth: depth as Heading['depth'], children, position: this.#position(start, end) };
  }

  /** Lines `from` to `to` as one paragraph, each after `indent` spaces. */
  #paragraph(from: number, to: number, indent: number, firstStart?: number): Paragraph {
    const start = firstStart ?? (this.#lines[from] as Line).start + indent;
    const end = (this.#lines[to - 1] as Line).end;
    return { type: 'paragraph', children: this.#inline(start, end, indent), position: this.#position(start, end) };
  }

  /**
   * A tight list whose markers are `indent` spaces in, from line `first` to a
   * blank line, a line less indented or the block's end; and the line after it.
   * An item holds a paragraph, and may end with a tight list of its own.
   */
  #list(first: number, indent: number, depth = 1): { node: List; next: number } {
    // Deeper lists are rare, and each level looks at the lines below it again: left to micromark.
    if (depth > MAX_LIST_DEPTH) giveUp();
    const head = marker(this.#line(first).slice(indent)) as Marker;
    const items: ListItem[] = [];
    let i = first;
    while (i < this.#lines.length && this.#line(i) !== '') {
      const line = this.#line(i);
      const lineIndent = leadingSpaces(line);
      if (lineIndent < indent) break;
      const m = lineIndent === indent ? marker(line.slice(indent)) : undefined;
      // A line that is not an item of the same list is lazy text or another block: left to micromark.
      if (!m || m.kind !== head.kind || (m.kind === 'bullet' ? m.char !== (head as typeof m).char : m.delimiter !== (head as typeof m).delimiter)) giveUp();
      const inner = indent + m.width;
      const content = line.slice(inner);
      textLine(content);
      if (TASK.test(content)) giveUp();
      const start = (this.#lines[i] as Line).start + indent;
      let next = this.#itemParagraphEnd(i + 1, inner);
      const children: ListItem['children'] = [this.#paragraph(i, next, inner, start + m.width)];
      // Then fences and paragraphs at the item's content column, and perhaps a list of its own, last.
      while (next < this.#lines.length && leadingSpaces(this.#line(next)) === inner) {
        const rest = this.#line(next).slice(inner);
        const sub = marker(rest);
        if (opensFence(rest)) {
          const fence = this.#fence(next, inner);
          children.push(fence.node);
          next = fence.next;
        } else if (sub) {
          // Only a list starting at 1 interrupts the item's paragraph; another number continues it.
          if (sub.kind === 'ordered' && sub.start !== 1) giveUp();
          const nested = this.#list(next, inner, depth + 1);
          children.push(nested.node);
          next = nested.next;
          break;
        } else {
          if (HEADING.test(rest)) giveUp();
          textLine(rest);
          const end = this.#itemParagraphEnd(next + 1, inner);
          children.push(this.#paragraph(next, end, inner));
          next = end;
        }
      }
      items.push({ type: 'listItem', spread: false, checked: null, children, position: this.#position(start, this.#end(children[children.length - 1] as Paragraph | Code | List)) });
      i = next;
    }
    // After a blank line, an item or an indented line would make the list loose: left to micromark.
    let after = i;
    while (after < this.#lines.length && this.#line(after) === '') after++;
    if (after > i && after < this.#lines.length && (marker(this.#line(after)) || this.#line(after).startsWith(' '))) giveUp();
    const start = (this.#lines[first] as Line).start + indent;
    const node: List = { type: 'list', ordered: head.kind === 'ordered', start: head.kind === 'ordered' ? head.start : null, spread: false, children: items, position: this.#position(start, this.#end(items[items.length - 1] as ListItem)) };
    return { node, next: i };
  }

  /**
   * Phrasing content of `[from, to)`, where each line after the first starts
   * with `indent` spaces that are not part of it.
   */
  #inline(from: number, to: number, indent: number): PhrasingContent[] {
    const text = this.#text;
    // Emphasis being built: the nodes inside each open delimiter, innermost last.
    const frames: Array<{ children: PhrasingContent[]; char: string; length: number; start: number }> = [{ children: [], char: '', length: 0, start: from }];
    let textStart = -1;
    const flush = (until: number) => {
      if (textStart === -1) return;
      // Spaces at the end of a line are not text, nor is the indentation before what ends the text.
      let end = until;
      if (until === text.length || text[until] === '\n') while (text[end - 1] === ' ') end--;
      else if (indent > 0 && text[until - indent - 1] === '\n' && until - indent - 1 >= textStart) end = until - indent;
      const value = this.#value(textStart, end, indent);
      if (UNSUPPORTED_TEXT.test(value)) giveUp();
      const siblings = (frames[frames.length - 1] as (typeof frames)[number]).children;
      siblings.push({ type: 'text', value, position: this.#position(textStart, end) } satisfies Text);
      textStart = -1;
    };
    const add = (node: PhrasingContent) => (frames[frames.length - 1] as (typeof frames)[number]).children.push(node);
    let i = from;
    while (i < to) {
      const c = text[i];
      if (c === '`') {
        const close = codeSpanEnd(text, i, to);
        flush(i);
        add({ type: 'inlineCode', value: text.slice(i + 1, close), position: this.#position(i, close + 1) });
        i = close + 1;
      } else if (c === '[') {
        flush(i);
        const link = this.#link(i, to, indent);
        add(link.node);
        i = link.end;
      } else if (c === ']' || (c === '!' && text[i + 1] === '[')) {
        giveUp();
      } else if (c === '*' || c === '_') {
        let run = i + 1;
        while (run < to && text[run] === c) run++;
        const length = run - i;
        if (length > 2) giveUp();
        const before = neighbour(text[i - 1]);
        const after = neighbour(text[run]);
        const left = !WHITESPACE.test(after) && (!PUNCTUATION.test(after) || WHITESPACE.test(before) || PUNCTUATION.test(before));
        const right = !WHITESPACE.test(before) && (!PUNCTUATION.test(before) || WHITESPACE.test(after) || PUNCTUATION.test(after));
        // `_` inside a word neither opens nor closes (snake_case).
        const opens = c === '*' ? left : left && (!right || PUNCTUATION.test(before));
        const closes = c === '*' ? right : right && (!left || PUNCTUATION.test(after));
        if (opens && closes) giveUp();
        if (opens) {
          flush(i);
          frames.push({ children: [], char: c, length, start: i });
        } else if (closes) {
          // Only the innermost open delimiter, of the same character and length, closes here; anything else takes CommonMark's fuller rules.
          const frame = frames[frames.length - 1] as (typeof frames)[number];
          if (frames.length === 1 || frame.char !== c || frame.length !== length) giveUp();
          flush(i);
          frames.pop();
          add({ type: length === 1 ? 'emphasis' : 'strong', children: frame.children, position: this.#position(frame.start, run) });
        } else if (textStart === -1) textStart = i;
        i = run;
      } else if (c === ' ') {
        let run = i + 1;
        while (text[run] === ' ') run++;
        const lineEnd = run === text.length || text[run] === '\n';
        if (lineEnd && run < to && run - i >= 2) {
          // Two spaces or more before a line ending inside the text: a hard break, to the next line's start.
          flush(i);
          add({ type: 'break', position: this.#position(i, run + 1) });
          i = run + 1 + indent;
          continue;
        }
        // Spaces at the end of a line are not text.
        if (textStart === -1 && !lineEnd) textStart = i;
        i = run;
      } else {
        if (textStart === -1) textStart = i;
        i++;
      }
    }
    flush(to);
    if (frames.length !== 1) giveUp();
    return (frames[0] as (typeof frames)[number]).children;
  }

  /** `[text](destination)` at `open`, with a plain destination and no title. */
  #link(open: number, to: number, indent: number): { node: PhrasingContent; end: number } {
    const text = this.#text;
    let i = open + 1;
    while (i < to && text[i] !== ']') {
      if (text[i] === '[') giveUp();
      i = text[i] === '`' ? codeSpanEnd(text, i, to) + 1 : i + 1;
    }
    if (i >= to || i === open + 1 || text[i + 1] !== '(') giveUp();
    const close = text.indexOf(')', i + 2);
    if (close === -1 || close >= to || close === i + 2) giveUp();
    const url = text.slice(i + 2, close);
    if (/[\s<>()&[\]`]/.test(url)) giveUp();
    const children = this.#inline(open + 1, i, indent);
    return { node: { type: 'link', title: null, url, children, position: this.#position(open, close + 1) }, end: close + 1 };
  }

  /** The text of `[start, end)` without the indentation of its continuation lines. */
  #value(start: number, end: number, indent: number): string {
    const slice = this.#text.slice(start, end);
    if (!slice.includes('\n')) return slice;
    return slice
      .split('\n')
      .map((line, i, lines) => {
        const inside = i > 0 ? line.slice(indent) : line;
        return i < lines.length - 1 ? inside.trimEnd() : inside;
      })
      .join('\n');
  }

  /** Where a node made here ends, as an offset into the block (positions hold offsets into the whole text). */
  #end(node: Paragraph | Code | List | ListItem): number {
    return ((node.position as Position).end.offset as number) - this.#origin.offset;
  }

  #position(start: number, end: number): Position {
    return { start: this.#point(start), end: this.#point(end) };
  }

  #point(offset: number): Point {
    let lo = 0;
    let hi = this.#lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.#lines[mid] as Line).start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: this.#origin.line + lo, column: offset - (this.#lines[lo] as Line).start + 1, offset: this.#origin.offset + offset };
  }
}

/** A delimiter's neighbour as micromark classifies it: the start or end of the text is whitespace; half an astral character is not classified here. */
function neighbour(c: string | undefined): string {
  if (c === undefined) return ' ';
  if (c >= '\uD800' && c <= '\uDFFF') giveUp();
  return c;
}

/** A fenced code block opens on this line (at its start). */
function opensFence(line: string): boolean {
  return line.startsWith('```') || line.startsWith('~~~');
}

/** A list marker with one space after it, and content. */
function marker(line: string): Marker | undefined {
  const bullet = BULLET.exec(line);
  if (bullet) return { kind: 'bullet', char: bullet[1] as string, width: 2 };
  const ordered = ORDERED.exec(line);
  if (ordered) return { kind: 'ordered', delimiter: ordered[2] as string, start: Number.parseInt(ordered[1] as string, 10), width: (ordered[0] as string).length };
  return undefined;
}

function leadingSpaces(line: string): number {
  let n = 0;
  while (line[n] === ' ') n++;
  return n;
}

/** Gives up on a line that could start anything but paragraph text. */
function textLine(line: string): void {
  if (line.trim() === '' || UNSUPPORTED_LINE.test(line)) giveUp();
  const c = line[0] as string;
  if (NOT_TEXT_START.has(c)) giveUp();
  if (c === '*' && (line[1] === ' ' || THEMATIC_STARS.test(line))) giveUp();
  if (opensFence(line)) giveUp();
  if (c >= '0' && c <= '9' && /^\d{1,9}[.)]( |$)/.test(line)) giveUp();
}

/** The closing backtick of a one-backtick code span opening at `open`, with content that needs no trimming. */
function codeSpanEnd(text: string, open: number, to: number): number {
  const close = text.indexOf('`', open + 1);
  if (close === -1 || close >= to || close === open + 1 || text[close + 1] === '`') giveUp();
  const first = text[open + 1] as string;
  const last = text[close - 1] as string;
  if (first === ' ' || last === ' ' || text.slice(open + 1, close).includes('\n')) giveUp();
  return close;
}

/** A top-level stretch of markdown that parses the same on its own as inside its page. */
export interface Block {
  /** The block's text, without the blank lines after it. */
  text: string;
  /** Offset of the block in the page's markdown. */
  start: number;
  /** 1-based line of the block's first line. */
  line: number;
}

const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:/m;
/** Definition lists join terms across blank lines: pages with them are parsed whole. */
const DEFINITION = /^ {0,3}:[ \t]/m;
const LIST_MARKER = /^(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)/;
const FENCE = /^( {0,3})(`{3,}|~{3,})/;
const RAW_OPEN = /^ {0,3}<(pre|script|style|textarea)(?:[\s>]|$)/i;

/**
 * Cuts a page's markdown into top-level blocks, so each can be parsed once and
 * reused wherever the same text appears (the same paragraph in every version
 * of a page). A cut is made only where CommonMark guarantees independence: a
 * blank line, then a line at column 0 that cannot continue what came before
 * (not indented, not a list item, not a definition), outside code fences, HTML
 * comments and raw `<pre>`/`<script>` blocks. Returns undefined when the page
 * has document-wide constructs (link reference definitions, footnotes,
 * definition lists): it is then parsed whole.
 */
export function splitBlocks(markdown: string): Block[] | undefined {
  if (markdown.includes('[^') || LINK_DEFINITION.test(markdown) || DEFINITION.test(markdown)) return undefined;
  const blocks: Block[] = [];
  let blockStart = 0;
  let blockLine = 1;
  let contentEnd = 0;
  let previousBlank = false;
  let fence: { char: string; length: number } | undefined;
  let closer: RegExp | undefined;
  let offset = 0;
  let line = 1;
  while (offset < markdown.length) {
    const eol = markdown.indexOf('\n', offset);
    const end = eol === -1 ? markdown.length : eol;
    const text = markdown.slice(offset, end);
    const blank = text.trim() === '';
    const inside = fence !== undefined || closer !== undefined;
    if (!inside && !blank && previousBlank && offset > blockStart && canStartBlock(text)) {
      blocks.push({ text: markdown.slice(blockStart, contentEnd), start: blockStart, line: blockLine });
      blockStart = offset;
      blockLine = line;
    }
    if (fence) {
      const m = FENCE.exec(text);
      if (m && (m[2] as string)[0] === fence.char && (m[2] as string).length >= fence.length && text.slice(m[0].length).trim() === '') fence = undefined;
    } else if (closer) {
      if (closer.test(text)) closer = undefined;
    } else {
      const m = FENCE.exec(text);
      if (m) fence = { char: (m[2] as string)[0] as string, length: (m[2] as string).length };
      else {
        const comment = text.lastIndexOf('<!--');
        if (comment !== -1 && text.indexOf('-->', comment + 4) === -1) closer = /-->/;
        const raw = RAW_OPEN.exec(text);
        if (raw && !new RegExp(`</${raw[1]}>`, 'i').test(text)) closer = new RegExp(`</${raw[1]}>`, 'i');
      }
    }
    if (!blank) contentEnd = end;
    previousBlank = blank;
    offset = end + 1;
    line++;
  }
  if (contentEnd > blockStart || blocks.length === 0) blocks.push({ text: markdown.slice(blockStart, Math.max(contentEnd, blockStart)), start: blockStart, line: blockLine });
  return blocks;
}

/** A line at column 0 after a blank line that starts a new top-level block. */
function canStartBlock(text: string): boolean {
  const c = text[0];
  if (c === ' ' || c === '\t' || c === ':') return false;
  return !LIST_MARKER.test(text);
}

import type { Nodes, Parent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';

/**
 * goldmark's typographer (Hugo's default), reimplemented on mdast text:
 * `--` → –, `---` → —, `...` → …, `<<` → «, `>>` → », and straight quotes to
 * curly ones, decided like goldmark: by the delimiter-run flanking rules, with
 * goldmark's apostrophe special cases and an unclosed-quote counter per block.
 * A single pass over the text, where retext-smartypants parsed every sentence.
 */
export default function remarkTypographer() {
  return (tree: Root, file: VFile) => {
    walkBlocks(tree, String(file.value));
  };
}

const INLINE_CONTAINERS = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference', 'footnoteReference']);
const BLOCKS_WITH_INLINES = new Set(['paragraph', 'heading', 'tableCell', 'defListTerm']);

function walkBlocks(node: Nodes, source: string): void {
  if (BLOCKS_WITH_INLINES.has(node.type)) {
    typesetBlock(node as Parent, source);
    return;
  }
  if ('children' in node) for (const child of node.children as Nodes[]) walkBlocks(child, source);
}

interface State {
  /** The character before the current position, as goldmark sees it (line start counts as a space). */
  before: string;
  single: number;
  double: number;
}

function typesetBlock(block: Parent, source: string): void {
  const state: State = { before: ' ', single: 0, double: 0 };
  const visit = (node: Nodes): void => {
    if (node.type === 'text') {
      // What follows the node in the source (`*` of `**bold**`) is what goldmark sees after its last character.
      const end = node.position?.end.offset;
      node.value = typeset(node, state, end === undefined ? undefined : source[end]);
      return;
    }
    if (node.type === 'inlineCode') {
      state.before = '`';
      return;
    }
    if (node.type === 'break') {
      state.before = '\n';
      return;
    }
    if (INLINE_CONTAINERS.has(node.type) && 'children' in node) {
      for (const child of node.children as Nodes[]) visit(child);
      return;
    }
    if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference') state.before = '>';
  };
  for (const child of block.children as Nodes[]) visit(child);
}

const SPACE = /\s/u;
const PUNCT = /[\p{P}\p{S}]/u;
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const ASCII_DIGIT = /[0-9]/;

const isSpace = (c: string | undefined) => c === undefined || SPACE.test(c);
const isPunct = (c: string | undefined) => c !== undefined && PUNCT.test(c);

function leftFlanking(before: string, after: string | undefined): boolean {
  return !isSpace(after) && (!isPunct(after) || isSpace(before) || isPunct(before));
}

function rightFlanking(before: string, after: string | undefined): boolean {
  return !isSpace(before) && (!isPunct(before) || isSpace(after) || isPunct(after));
}

/** The characters the typographer may replace, or must look at (`<` and `>` of `<<` and `>>`). */
const SPECIAL = /['"<>.-]/g;

function typeset(node: Text, state: State, next: string | undefined): string {
  const text = node.value;
  let out = '';
  let i = 0;
  while (i < text.length) {
    // Characters that never change are copied a run at a time.
    SPECIAL.lastIndex = i;
    const at = SPECIAL.exec(text)?.index ?? text.length;
    if (at > i) {
      out += text.slice(i, at);
      state.before = text[at - 1] as string;
      i = at;
      if (i === text.length) break;
    }
    const c = text[i] as string;
    const rest = i + 5 > text.length && next !== undefined && next !== '\n' ? text.slice(i) + next : text.slice(i, i + 5);
    let replacement: string | undefined;
    let advance = 1;
    if (rest.startsWith('---')) [replacement, advance] = ['—', 3];
    else if (rest.startsWith('...')) [replacement, advance] = ['…', 3];
    else if (rest.startsWith('<<')) [replacement, advance] = ['«', 2];
    else if (rest.startsWith('>>')) [replacement, advance] = ['»', 2];
    else if (rest.startsWith('--')) [replacement, advance] = ['–', 2];
    else if (c === "'" || c === '"') replacement = quote(c, rest, state);
    out += replacement ?? text.slice(i, i + advance);
    state.before = text[i + advance - 1] as string;
    i += advance;
  }
  return out;
}

/** goldmark's decision for one quote character; undefined leaves it straight. */
function quote(c: "'" | '"', rest: string, state: State): string | undefined {
  const { before } = state;
  const after = rest[1];
  const canOpen = leftFlanking(before, after);
  const canClose = rightFlanking(before, after);
  if (!canOpen && !canClose) return undefined;
  if (c === "'") {
    // Decades: '90s
    if (canOpen && !canClose && ASCII_DIGIT.test(rest[1] ?? '') && ASCII_DIGIT.test(rest[2] ?? '') && rest[3] === 's' && (rest.length === 4 || isSpace(rest[4]) || isPunct(rest[4]))) return '’';
    // 'twas, 'em, 'net, 'll
    if ((isPunct(before) || isSpace(before)) && after !== undefined && 'tenl'.includes(after)) return '’';
    // Between two alphanumerics: it's, don't
    if ((DIGIT.test(before) || LETTER.test(before)) && after !== undefined && LETTER.test(after)) return '’';
    if (canOpen && !canClose) {
      // Contractions after a space: 's, 'm, 't, 'd, 've, 'll, 're
      const contraction =
        (after !== undefined && 'smtd'.includes(after) && (rest.length < 3 || isPunct(rest[2]) || isSpace(rest[2]))) ||
        (/^'(ve|ll|re)/.test(rest) && (rest.length < 4 || isPunct(rest[3]) || isSpace(rest[3])));
      if (contraction) return '’';
      state.single++;
      return '‘';
    }
    if (state.single > 0 && closes(canOpen, canClose, rest)) {
      state.single--;
      return '’';
    }
    // Plural possessives and abbreviations: Smiths', doin'
    if (canClose && (isSpace(after) || isPunct(after))) return '’';
    return undefined;
  }
  if (canOpen && !canClose) {
    state.double++;
    return '“';
  }
  if (state.double > 0 && closes(canOpen, canClose, rest)) {
    // "Monitor 21"": a digit then two quotes is inches, not a close.
    if (after === '"' && DIGIT.test(before)) return undefined;
    state.double--;
    return '”';
  }
  return undefined;
}

function closes(canOpen: boolean, canClose: boolean, rest: string): boolean {
  if (canClose && !canOpen) return true;
  return canClose && canOpen && isPunct(rest[1]) && (rest.length === 2 || isPunct(rest[2]) || isSpace(rest[2]));
}

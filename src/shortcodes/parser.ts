import type { Delimiter, Token } from './lexer.js';
import { closer, lex, unescapeQuoted } from './lexer.js';

/** A parameter value as written, with where it is (for diagnostics). */
export interface ParamValue {
  value: string;
  quoting: 'quoted' | 'raw' | 'bare';
  start: number;
  end: number;
}

/** Hugo forbids mixing named and positional parameters, so the two never share a call. */
export type Params =
  | { kind: 'none' }
  | { kind: 'named'; values: ReadonlyMap<string, ParamValue> }
  | { kind: 'positional'; values: readonly ParamValue[] };

export interface ShortcodeCall {
  name: string;
  delim: Delimiter;
  params: Params;
  /** The opening tag (`{{< x … >}}`). */
  start: number;
  end: number;
  selfClosing: boolean;
  /** Inner content of a paired call, with its closing tag's span. */
  inner?: { start: number; end: number; nodes: ShortcodeNode[]; closeStart: number; closeEnd: number };
}

export type ShortcodeNode =
  | { kind: 'text'; start: number; end: number }
  | { kind: 'escaped'; start: number; end: number; literal: string }
  | { kind: 'call'; call: ShortcodeCall };

export interface ParseProblem {
  kind: 'syntax' | 'unclosed' | 'mismatch' | 'unexpected-close' | 'params';
  message: string;
  start: number;
  end: number;
}

/**
 * Whether a shortcode takes inner content. Hugo decides by looking at whether
 * the template uses `.Inner`; Strata asks the shortcode's definition.
 * `optional` pairs with a closing tag when there is one (`children`, unknown names).
 */
export type InnerMode = 'none' | 'required' | 'optional';

interface Frame {
  call: ShortcodeCall;
  mode: InnerMode;
  nodes: ShortcodeNode[];
}

/**
 * Builds the shortcode tree of `src[start, end)`. Problems are returned, never
 * thrown: a broken call becomes text so the rest of the page still builds.
 */
export function parseShortcodes(
  src: string,
  innerMode: (name: string) => InnerMode,
  start = 0,
  end = src.length,
): { nodes: ShortcodeNode[]; problems: ParseProblem[] } {
  const tokens = lex(src, start, end);
  const problems: ParseProblem[] = [];
  const root: ShortcodeNode[] = [];
  const stack: Frame[] = [];
  const current = (): ShortcodeNode[] => (stack.length ? (stack[stack.length - 1] as Frame).nodes : root);

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    switch (token.type) {
      case 'text':
        pushText(current(), token.start, token.end);
        break;
      case 'escaped':
        current().push({ kind: 'escaped', start: token.start, end: token.end, literal: escapedLiteral(src, token) });
        break;
      case 'error':
        problems.push({ kind: 'syntax', message: token.message, start: token.start, end: token.end });
        pushText(current(), token.start, token.end);
        break;
      case 'open': {
        const action = readAction(src, tokens, i);
        i = action.next - 1;
        if (!action.complete) {
          // The lexer reported the problem; keep the partial action as text.
          pushText(current(), token.start, action.end);
          break;
        }
        if (action.paramProblem) problems.push(action.paramProblem);
        if (action.closing) {
          closeFrame(action, stack, problems, current, src, innerMode);
          break;
        }
        const call: ShortcodeCall = {
          name: action.name,
          delim: token.delim,
          params: action.params,
          start: token.start,
          end: action.end,
          selfClosing: action.selfClosing,
        };
        const mode = innerMode(action.name);
        if (action.selfClosing || mode === 'none') current().push({ kind: 'call', call });
        else stack.push({ call, mode, nodes: [] });
        break;
      }
      default:
        // Stray tokens only follow lexer errors, which already became text.
        break;
    }
  }
  while (stack.length) {
    const frame = stack.pop() as Frame;
    if (frame.mode === 'required')
      problems.push({ kind: 'unclosed', message: `unclosed shortcode \`${frame.call.name}\`: no \`{{${frame.call.delim} /${frame.call.name} ${closer(frame.call.delim)}}}\` follows`, start: frame.call.start, end: frame.call.end });
    dissolve(frame, current());
  }
  return { nodes: root, problems };
}

interface Action {
  next: number;
  end: number;
  complete: boolean;
  closing: boolean;
  name: string;
  nameStart: number;
  selfClosing: boolean;
  params: Params;
  paramProblem?: ParseProblem;
}

/** Reads one `{{< … >}}` action starting at token `i` (an `open`). */
function readAction(src: string, tokens: Token[], i: number): Action {
  const action: Action = { next: i + 1, end: (tokens[i] as Token).end, complete: false, closing: false, name: '', nameStart: 0, selfClosing: false, params: { kind: 'none' } };
  const named = new Map<string, ParamValue>();
  const positional: ParamValue[] = [];
  for (let j = i + 1; j < tokens.length; j++) {
    const t = tokens[j] as Token;
    action.next = j + 1;
    action.end = t.end;
    switch (t.type) {
      case 'closing':
        action.closing = true;
        break;
      case 'name':
        action.name = src.slice(t.start, t.end);
        action.nameStart = t.start;
        break;
      case 'selfClose':
        action.selfClosing = true;
        break;
      case 'param': {
        const raw = src.slice(t.valueStart, t.valueEnd);
        const value: ParamValue = { value: t.quoting === 'quoted' ? unescapeQuoted(raw) : raw, quoting: t.quoting, start: t.start, end: t.end };
        if (t.key) named.set(src.slice(t.key.start, t.key.end), value);
        else positional.push(value);
        if (named.size && positional.length && !action.paramProblem)
          action.paramProblem = { kind: 'params', message: `shortcode \`${action.name}\`: cannot mix named and positional parameters`, start: t.start, end: t.end };
        break;
      }
      case 'close':
        action.complete = true;
        action.params = named.size ? { kind: 'named', values: named } : positional.length ? { kind: 'positional', values: positional } : { kind: 'none' };
        return action;
      default:
        // An error token or text: the action is broken.
        action.next = j;
        action.end = t.start;
        return action;
    }
  }
  return action;
}

function closeFrame(
  action: Action,
  stack: Frame[],
  problems: ParseProblem[],
  current: () => ShortcodeNode[],
  src: string,
  innerMode: (name: string) => InnerMode,
): void {
  const closeStart = findOpenBefore(src, action.nameStart);
  const depth = findFrame(stack, action.name);
  if (depth === -1) {
    const top = stack[stack.length - 1];
    problems.push(
      top
        ? { kind: 'mismatch', message: `closing tag for shortcode \`${action.name}\` does not match start tag \`${top.call.name}\``, start: closeStart, end: action.end }
        : innerMode(action.name) === 'none'
          ? { kind: 'unexpected-close', message: `shortcode \`${action.name}\` takes no inner content, yet a closing tag was provided`, start: closeStart, end: action.end }
          : { kind: 'unexpected-close', message: `closing tag for shortcode \`${action.name}\` has no start tag`, start: closeStart, end: action.end },
    );
    pushText(current(), closeStart, action.end);
    return;
  }
  // Frames above the match were never closed: optional ones dissolve, required ones are errors.
  while (stack.length - 1 > depth) {
    const frame = stack.pop() as Frame;
    if (frame.mode === 'required')
      problems.push({ kind: 'unclosed', message: `unclosed shortcode \`${frame.call.name}\`: \`${action.name}\` is closed first`, start: frame.call.start, end: frame.call.end });
    dissolve(frame, current());
  }
  const frame = stack.pop() as Frame;
  const innerStart = frame.call.end;
  frame.call.inner = { start: innerStart, end: closeStart, nodes: frame.nodes, closeStart, closeEnd: action.end };
  current().push({ kind: 'call', call: frame.call });
}

function findFrame(stack: Frame[], name: string): number {
  for (let i = stack.length - 1; i >= 0; i--) if ((stack[i] as Frame).call.name === name) return i;
  return -1;
}

/** An unclosed optional call becomes a call without inner content, followed by what it held. */
function dissolve(frame: Frame, into: ShortcodeNode[]): void {
  into.push({ kind: 'call', call: frame.call });
  for (const node of frame.nodes) {
    if (node.kind === 'text') pushText(into, node.start, node.end);
    else into.push(node);
  }
}

function pushText(nodes: ShortcodeNode[], start: number, end: number): void {
  if (end <= start) return;
  const last = nodes[nodes.length - 1];
  if (last?.kind === 'text' && last.end === start) last.end = end;
  else nodes.push({ kind: 'text', start, end });
}

function findOpenBefore(src: string, nameStart: number): number {
  const at = Math.max(src.lastIndexOf('{{<', nameStart), src.lastIndexOf('{{%', nameStart));
  return at === -1 ? nameStart : at;
}

// `{{</* x */>}}` → `{{< x >}}`: the comment markers go, the spacing inside stays.
function escapedLiteral(src: string, token: Extract<Token, { type: 'escaped' }>): string {
  const inner = src.slice(token.innerStart, token.innerEnd);
  return `{{${token.delim}${inner.startsWith(' ') ? '' : ' '}${inner}${inner.endsWith(' ') ? '' : ' '}${closer(token.delim)}}}`;
}

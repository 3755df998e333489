import type { ElementContent, Root } from 'hast';
import { h } from '../html/h.js';
import { type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LineIndex } from '../diagnostics/line-index.js';
import { rules, type RuleId } from '../diagnostics/rules.js';
import type {
  ParentCall,
  ReadFileResult,
  ReportOptions,
  Scratch,
  ScratchKey,
  ShortcodeContext,
  ShortcodePage,
  ShortcodePages,
  ShortcodeResult,
  ShortcodeSite,
} from './definition.js';
import type { ParamValue, ParseProblem, ShortcodeCall, ShortcodeNode } from './parser.js';
import { parseShortcodes } from './parser.js';
import type { PlaceholderContent, Placeholders } from './placeholders.js';
import type { ShortcodeRegistry } from './registry.js';
import { SourceMap } from './source-map.js';
import { suggest } from './suggest.js';
import { errorMessage } from '../util/error-text.js';

/** Everything expansion needs from the page pipeline; passed in, so this module stays pure of I/O. */
export interface ExpansionHost {
  /** The whole page file; node offsets point into it. */
  readonly src: string;
  readonly file: string;
  readonly lines: LineIndex;
  readonly registry: ShortcodeRegistry;
  readonly placeholders: Placeholders;
  readonly diagnostics: Diagnostic[];
  /** Counters behind `uniqueId`, one per prefix, shared by every call on the page. */
  readonly idCounters: Map<string, number>;
  readonly page: ShortcodePage;
  readonly version: { readonly name: string; readonly label: string };
  readonly pages: ShortcodePages;
  readonly site: ShortcodeSite;
  readFile(path: string): Promise<ReadFileResult>;
  /** Records a browser feature the page needs (`tabs`, `mermaid`). */
  useFeature(name: string): void;
  /** Parses expanded markdown into a tree whose positions point into `src`. */
  renderMarkdown(map: SourceMap): Promise<Root>;
  /** Replaces placeholders in text by their output as HTML (Hugo's `.Inner` of a `{{< >}}` call). */
  resolveText(text: string): string;
  /** Replaces placeholders in text by their output as plain text (what code blocks show). */
  resolvePlainText(text: string): string;
  /** Renders standalone markdown, unwrapping a single paragraph (Hugo's `markdownify`). */
  markdownify(markdown: string): Promise<ElementContent[]>;
}

const PROBLEM_RULES: Record<ParseProblem['kind'], RuleId> = {
  syntax: rules.shortcodeSyntax,
  unclosed: rules.shortcodeUnclosed,
  mismatch: rules.shortcodeMismatch,
  'unexpected-close': rules.shortcodeUnexpectedClose,
  params: rules.shortcodeParams,
};

/**
 * Expands the shortcodes of `src[start, end)`: `{{% %}}` output is spliced into
 * the markdown, `{{< >}}` output becomes a placeholder restored after markdown.
 */
export async function expandShortcodes(host: ExpansionHost, start: number, end: number): Promise<SourceMap> {
  const { nodes, problems } = parseShortcodes(host.src, host.registry.innerMode, start, end);
  for (const problem of problems) report(host, PROBLEM_RULES[problem.kind], problem.message, problem.start);
  return expandNodes(host, nodes, undefined, 0);
}

/**
 * How deeply calls may nest. Far above what docs do (tabs in a notice in an
 * expand), and it keeps every later stage (placeholders inside placeholders,
 * markdown rendered inside markdown) within the stack.
 */
export const MAX_SHORTCODE_NESTING = 40;

async function expandNodes(host: ExpansionHost, nodes: readonly ShortcodeNode[], parent: ParentCall | undefined, depth: number): Promise<SourceMap> {
  const map = new SourceMap();
  for (const node of nodes) {
    if (node.kind === 'text') map.copy(host.src, node.start, node.end);
    else if (node.kind === 'escaped') map.generate(node.literal, node.start);
    else await expandCall(host, node.call, map, parent, depth + 1);
  }
  return map;
}

async function expandCall(host: ExpansionHost, call: ShortcodeCall, map: SourceMap, parent: ParentCall | undefined, depth: number): Promise<void> {
  if (depth > MAX_SHORTCODE_NESTING) {
    report(host, rules.contentTooDeep, `shortcodes nest ${depth} deep here (at most ${MAX_SHORTCODE_NESTING})`, call.start);
    return;
  }
  const definition = host.registry.get(call.name);
  if (!definition) {
    report(host, rules.shortcodeUnknown, `unknown shortcode \`${call.name}\`${suggest(call.name, host.registry.names())}`, call.start);
    // Keep what it wrapped, so one unknown name does not hide a page's text.
    if (call.inner) map.append(await expandNodes(host, call.inner.nodes, parent, depth));
    return;
  }
  let result: ShortcodeResult;
  try {
    result = await definition.render(createContext(host, call, parent, depth));
  } catch (e) {
    const reason = errorMessage(e);
    report(host, rules.shortcodeFailed, `shortcode \`${call.name}\` failed: ${reason}`, call.start);
    return;
  }
  if (typeof result === 'string') {
    if (call.delim === '%') map.generate(result, call.start);
    else placeholder(host, map, { kind: 'html', html: result }, call.start);
  } else if ('markdownify' in result) {
    placeholder(host, map, { kind: 'hast', nodes: await host.markdownify(result.markdownify) }, call.start);
  } else if ('hast' in result) {
    placeholder(host, map, { kind: 'hast', nodes: result.hast }, call.start);
  } else if ('html' in result) {
    placeholder(host, map, { kind: 'html', html: result.html, ...(result.text === undefined ? {} : { text: result.text }) }, call.start);
  } else {
    placeholder(host, map, { kind: 'text', text: result.text }, call.start);
  }
}

function placeholder(host: ExpansionHost, map: SourceMap, content: PlaceholderContent, origin: number): void {
  map.generate(host.placeholders.add(content, origin), origin);
}

function createContext(host: ExpansionHost, call: ShortcodeCall, parent: ParentCall | undefined, depth: number): ShortcodeContext {
  const inner = call.inner;
  const scratch = createScratch();
  const get = (key: string | number) => param(call, key)?.value;
  const self: ParentCall = { name: call.name, get, scratch, parent };
  return {
    h,
    name: call.name,
    delim: call.delim,
    params: call.params,
    get,
    inner: inner && {
      raw: host.src.slice(inner.start, inner.end),
      expand: async () => host.resolveText((await expandNodes(host, inner.nodes, self, depth)).text),
      render: async () => host.renderMarkdown(await expandNodes(host, inner.nodes, self, depth)),
      text: async () => host.resolvePlainText((await expandNodes(host, inner.nodes, self, depth)).text),
    },
    page: host.page,
    version: host.version,
    pages: host.pages,
    site: host.site,
    parent,
    scratch,
    uniqueId: (prefix) => {
      const n = (host.idCounters.get(prefix) ?? 0) + 1;
      host.idCounters.set(prefix, n);
      return `${prefix}-${n}`;
    },
    useFeature: (name) => host.useFeature(name),
    readFile: (path) => host.readFile(path),
    markdownify: (markdown) => host.markdownify(markdown),
    report: (message: string, options: ReportOptions = {}) => {
      const at = options.param === undefined ? call.start : (param(call, options.param)?.start ?? call.start);
      report(host, options.ruleId ?? rules.shortcodeFailed, message, at, options.severity);
    },
  };
}

function createScratch(): Scratch {
  const values = new Map<string, unknown[]>();
  return {
    add<T>(key: ScratchKey<T>, value: T) {
      const list = values.get(key.name);
      if (list) list.push(value);
      else values.set(key.name, [value]);
    },
    get<T>(key: ScratchKey<T>): readonly T[] {
      return (values.get(key.name) ?? []) as T[];
    },
  };
}

function param(call: ShortcodeCall, key: string | number): ParamValue | undefined {
  const { params } = call;
  if (params.kind === 'named') return typeof key === 'string' ? params.values.get(key) : undefined;
  if (params.kind === 'positional') return typeof key === 'number' ? params.values[key] : undefined;
  return undefined;
}

function report(host: ExpansionHost, ruleId: RuleId, message: string, offset: number, severity: 'error' | 'warning' = 'error'): void {
  host.diagnostics.push({ severity, ruleId, message, file: host.file, place: host.lines.place(offset) });
}

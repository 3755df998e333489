import type { ElementContent, Root } from 'hast';
import type { Severity } from '../diagnostics/diagnostic.js';
import type { RuleId } from '../diagnostics/rules.js';
import type { InnerMode, Params } from './parser.js';

/**
 * What a shortcode returns.
 * - a string keeps Hugo's semantics: markdown when called as `{{% %}}`, HTML when called as `{{< >}}`;
 * - `{ html }` is HTML whichever the delimiter (`text` is what to use inside code or an attribute);
 * - `{ text }` is plain text, escaped wherever it lands (URLs, version numbers);
 * - `{ markdownify }` is markdown rendered on its own, inline when it is one paragraph (Hugo's `markdownify`);
 * - `{ hast }` is a tree, for shortcodes that wrap rendered content.
 */
export type ShortcodeResult =
  | string
  | { html: string; text?: string }
  | { text: string }
  | { markdownify: string }
  | { hast: ElementContent[] };

export interface ShortcodePage {
  /** Site-relative URL of the page in its version (`/operations/upgrading/faq/`). */
  url: string;
  title: string;
  /** Path of the page's file as the user sees it. */
  file: string;
  /** Front matter as written (Hugo's `.Params`). */
  params: Readonly<Record<string, unknown>>;
}

export type ReadFileResult =
  | { ok: true; path: string; text: string }
  | { ok: false; path: string; reason: 'missing' | 'outside' | 'directory' | 'binary' };

export interface InnerContent {
  /** The inner content exactly as written. */
  raw: string;
  /** The inner content with nested shortcodes replaced by their output: Hugo's `.Inner`. */
  expand(): Promise<string>;
  /** The inner content rendered as markdown, nested shortcodes expanded. */
  render(): Promise<Root>;
}

export interface ReportOptions {
  severity?: Severity;
  ruleId?: RuleId;
  /** Point at this parameter instead of the whole call. */
  param?: string | number;
}

export interface ShortcodeContext {
  readonly name: string;
  readonly delim: '<' | '%';
  readonly params: Params;
  /** Hugo's `.Get`: a named parameter, or a positional one by index. */
  get(key: string | number): string | undefined;
  /** Present when the call is paired (`{{% x %}}…{{% /x %}}`). */
  readonly inner: InnerContent | undefined;
  readonly page: ShortcodePage;
  readonly version: { readonly name: string; readonly label: string };
  /** Reads a file of the version being built; never leaves its root. */
  readFile(path: string): Promise<ReadFileResult>;
  /** Reports a problem at the call (or one of its parameters); the build goes on. */
  report(message: string, options?: ReportOptions): void;
}

export interface ShortcodeDefinition {
  name: string;
  /** Whether the shortcode takes inner content (Hugo infers this from `.Inner`). */
  inner: InnerMode;
  render(context: ShortcodeContext): ShortcodeResult | Promise<ShortcodeResult>;
}

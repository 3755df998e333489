import type { ElementContent, Root } from 'hast';
import type { h as hastscript } from 'hastscript';
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

/** Another page of the version being built, as `children`, `ref` and site shortcodes see it. */
export interface PageSummary {
  /** Site-relative URL in the version (`/operations/upgrading/`). */
  url: string;
  kind: 'home' | 'section' | 'page';
  title: string;
  linkTitle: string;
  description: string;
  /** Front matter `weight`; 0 when unset (sorts last, as in Hugo). */
  weight: number;
  hidden: boolean;
  /** Content path in the version's tree (`content/operations/upgrading/_index.md`). */
  source: string;
  params: Readonly<Record<string, unknown>>;
}

/** The pages of the version being built. */
export interface ShortcodePages {
  /** The page at a site-relative URL (`/operations/x/`), aliases included. */
  byUrl(url: string): PageSummary | undefined;
  /**
   * Hugo's `ref` lookup, from the page being rendered: a content path
   * (`/operations/x.md`, `/operations/x`, `x.md`, `../y/_index.md`), tried
   * relative to the page's folder, then from the content root, then by file name
   * when that is unambiguous. No fragment: split `#anchor` off first.
   */
  lookup(path: string): PageSummary | undefined;
  /** Pages whose section is `url`, hidden ones included, by weight then title (Hugo's default order). */
  children(url: string): PageSummary[];
}

/** The site, as Hugo's `.Site` shows it to shortcodes. */
export interface ShortcodeSite {
  title: string;
  baseUrl: string;
  /** The config's `params` (Hugo's `.Site.Params`). */
  params: Readonly<Record<string, unknown>>;
  /** The version's `data/` files, nested by folder and file name (Hugo's `.Site.Data`). */
  data: Readonly<Record<string, unknown>>;
}

/**
 * A typed slot in a call's scratch: nested calls add values, the enclosing
 * call reads them (Hugo's `.Parent.Scratch`). Create one per kind of value:
 * `const TABS = new ScratchKey<Tab>('tabs')`.
 */
export class ScratchKey<T> {
  declare readonly type: T;
  constructor(readonly name: string) {}
}

export interface Scratch {
  add<T>(key: ScratchKey<T>, value: T): void;
  get<T>(key: ScratchKey<T>): readonly T[];
}

/** The paired call a call is nested in. */
export interface ParentCall {
  readonly name: string;
  get(key: string | number): string | undefined;
  readonly scratch: Scratch;
  readonly parent: ParentCall | undefined;
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
  /** The inner content with nested shortcodes replaced by their text, as code blocks show it. */
  text(): Promise<string>;
}

export interface ReportOptions {
  severity?: Severity;
  ruleId?: RuleId;
  /** Point at this parameter instead of the whole call. */
  param?: string | number;
}

export interface ShortcodeContext {
  /** hastscript's `h` (through `src/html/h.ts`, which makes the same trees faster), to build `{ hast }` results without dependencies of one's own. */
  readonly h: typeof hastscript;
  readonly name: string;
  readonly delim: '<' | '%';
  readonly params: Params;
  /** Hugo's `.Get`: a named parameter, or a positional one by index. */
  get(key: string | number): string | undefined;
  /** Present when the call is paired (`{{% x %}}…{{% /x %}}`). */
  readonly inner: InnerContent | undefined;
  readonly page: ShortcodePage;
  readonly version: { readonly name: string; readonly label: string };
  /** The pages of the version being built. */
  readonly pages: ShortcodePages;
  readonly site: ShortcodeSite;
  /** The paired call this one is nested in, if any (Hugo's `.Parent`). */
  readonly parent: ParentCall | undefined;
  /** This call's scratch, where nested calls leave values for it (`ctx.parent.scratch.add(…)`). */
  readonly scratch: Scratch;
  /** Reads a file of the version being built; never leaves its root. */
  readFile(path: string): Promise<ReadFileResult>;
  /** Hugo's `markdownify`: markdown rendered on its own, inline when it is one paragraph. */
  markdownify(markdown: string): Promise<ElementContent[]>;
  /** Reports a problem at the call (or one of its parameters); the build goes on. */
  report(message: string, options?: ReportOptions): void;
  /** An id unique on the page, numbered in call order: `tabs-1`, `tabs-2`. */
  uniqueId(prefix: string): string;
  /**
   * Records that the page needs a browser feature (`tabs`, `mermaid`), so the
   * layout adds that feature's script to this page only.
   */
  useFeature(name: string): void;
}

/** A site or theme shortcode written as a plain function (`shortcodes/<name>.ts`). */
export type Shortcode = (context: ShortcodeContext) => ShortcodeResult | Promise<ShortcodeResult>;

export interface ShortcodeDefinition {
  name: string;
  /** Whether the shortcode takes inner content (Hugo infers this from `.Inner`). */
  inner: InnerMode;
  render(context: ShortcodeContext): ShortcodeResult | Promise<ShortcodeResult>;
}

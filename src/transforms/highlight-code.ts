import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type * as ShikiExports from 'shiki';
import type { HighlighterGeneric, ThemeRegistrationResolved } from 'shiki';
import { eachElement } from '../util/each-element.js';
import { ensureContrast } from './contrast.js';

export interface HighlightOptions {
  /** Shiki theme for light mode. Default: `github-light-default`. */
  light?: string;
  /** Shiki theme for dark mode. Default: `github-dark-default`. */
  dark?: string;
  /**
   * Code backgrounds the theme draws blocks on, so token colours can be
   * adjusted to reach 4.5:1 against them (WCAG AA). Default: the default theme's.
   */
  background?: { light: string; dark: string };
}

/** Highlights the code blocks of a page in place. One per build: it caches across pages and versions. */
export interface CodeHighlighter {
  highlight(tree: Root): Promise<void>;
  /** Blocks highlighted, and how many came from the cache (for tests and benchmarks). */
  readonly stats: { blocks: number; cached: number };
  /**
   * Lets Shiki go, once nothing highlights any more (Shiki counts the
   * highlighters alive and warns past ten: a process that builds again and
   * again, as tests and scripts calling `buildSite` do, would see that warning).
   */
  dispose(): void;
}

/** Background colours of `.highlight` in the default theme's stylesheet (keep in sync with `--code-bg`). */
export const DEFAULT_CODE_BACKGROUND = { light: '#f6f8fa', dark: '#161b22' } as const;

/** The code's own property carrying the fence's info string after the language (`{hl_lines=[2]}`). */
export const CODE_META_PROPERTY = 'dataMeta';

type Shiki = HighlighterGeneric<string, string>;
type ShikiModule = typeof ShikiExports;

/**
 * Stage 5's code transform: every `pre > code` becomes Shiki's tokens at build
 * time, in both colour schemes at once (`--shiki-light` / `--shiki-dark` CSS
 * variables, chosen by the theme's stylesheet), inside one frame:
 *
 *   <div class="highlight" data-lang="yaml"><pre class="shiki" tabindex="0"><code class="language-yaml" data-lang="yaml">
 *     <span class="line">…</span>\n<span class="line highlighted">…</span>
 *
 * Unknown languages get the same frame with plain text. Languages load on first
 * use; the tokens of each (language, code) pair are computed once per build,
 * as the same snippet recurs across pages and versions.
 */
export function createCodeHighlighter(options: HighlightOptions = {}): CodeHighlighter {
  const lightName = options.light ?? 'github-light-default';
  const darkName = options.dark ?? 'github-dark-default';
  const background = options.background ?? DEFAULT_CODE_BACKGROUND;
  let shiki: Promise<{ module: ShikiModule; highlighter: Shiki }> | undefined;
  const languages = new Map<string, Promise<string>>();
  const cache = new Map<string, Promise<ElementContent[]>>();
  const stats = { blocks: 0, cached: 0 };

  // Shiki loads on the first code block, so pages without code cost nothing.
  // The JavaScript regex engine starts ~10× faster than Oniguruma's WASM and tokenizes as fast.
  const load = () =>
    (shiki ??= (async () => {
      const module = await import('shiki');
      const [light, dark] = await Promise.all([loadTheme(module, lightName, background.light), loadTheme(module, darkName, background.dark)]);
      const engine = module.createJavaScriptRegexEngine({ forgiving: true });
      const highlighter = (await module.createHighlighter({ themes: [light, dark], langs: [], engine })) as Shiki;
      return { module, highlighter };
    })());

  /** The Shiki grammar for a fence language, loaded on first use; `text` when Shiki has none. */
  const grammar = (lang: string): Promise<string> => {
    let found = languages.get(lang);
    if (!found) {
      found = (async () => {
        const id = lang.toLowerCase();
        const { module, highlighter } = await load();
        if (!(id in module.bundledLanguages) && !(id in module.bundledLanguagesAlias)) return 'text';
        await highlighter.loadLanguage(id as never);
        return id;
      })();
      languages.set(lang, found);
    }
    return found;
  };

  const tokens = (lang: string, code: string): Promise<ElementContent[]> => {
    const key = `${lang}\u0000${code}`;
    let lines = cache.get(key);
    if (lines) stats.cached++;
    else {
      lines = (async () => {
        const [{ highlighter }, id] = await Promise.all([load(), grammar(lang)]);
        const root = highlighter.codeToHast(code, { lang: id, themes: { light: lightName, dark: darkName }, defaultColor: false });
        const codeEl = findElement(root, 'code');
        if (!codeEl) return [{ type: 'text', value: code }];
        // Shiki writes `class` as a string; hast (and the rest of Strata) expects `className` as a list.
        for (const line of codeEl.children) {
          if (line.type !== 'element') continue;
          delete line.properties.class;
          line.properties.className = ['line'];
        }
        return codeEl.children;
      })();
      cache.set(key, lines);
    }
    return lines;
  };

  return {
    stats,
    dispose() {
      const loaded = shiki;
      shiki = undefined;
      languages.clear();
      cache.clear();
      void loaded?.then(
        ({ highlighter }) => highlighter.dispose(),
        () => {},
      );
    },
    async highlight(tree) {
      const blocks: Array<{ pre: Element; parent: Root | Element; index: number }> = [];
      eachElement(tree, (node, index, parent) => {
        if (node.tagName !== 'pre' || !parent || index === undefined) return;
        if ((node.properties.className as string[] | undefined)?.includes('shiki')) return 'skip';
        const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
        if (!code || node.children.some((c) => c.type === 'element' && c !== code)) return 'skip';
        blocks.push({ pre: node, parent, index });
        return 'skip';
      });
      for (const { pre, parent, index } of blocks) {
        stats.blocks++;
        parent.children[index] = await frame(pre, tokens);
      }
    },
  };
}

async function frame(pre: Element, tokens: (lang: string, code: string) => Promise<ElementContent[]>): Promise<Element> {
  const code = pre.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code') as Element;
  const lang = languageOf(code);
  const meta = String(code.properties[CODE_META_PROPERTY] ?? '');
  const source = toString(code);
  const text = source.replace(/\n$/, '');
  const lines = structuredClone(await tokens(lang || 'text', text));
  // The code's text stays exactly what the author wrote, final newline included.
  if (source !== text) lines.push({ type: 'text', value: '\n' });
  const options = parseMeta(meta);
  const marked = new Set([...options.highlight, ...parseLineSpec(String(pre.properties.dataHlLines ?? ''))]);
  let n = 0;
  for (const line of lines) {
    if (line.type !== 'element') continue;
    n++;
    if (marked.has(n)) (line.properties.className as string[]).push('highlighted');
  }
  const codeProps: Element['properties'] = lang ? { className: [`language-${lang}`], dataLang: lang } : {};
  const frameClasses = ['highlight'];
  const frameProps: Element['properties'] = { className: frameClasses };
  if (lang) frameProps.dataLang = lang;
  if (options.lineNumbers) {
    frameClasses.push('line-numbers');
    // The first number, as a CSS variable: a counter needs no script and copies as plain code.
    if (options.lineStart !== 1) frameProps.style = `--line-start:${options.lineStart - 1}`;
  }
  return {
    type: 'element',
    tagName: 'div',
    properties: frameProps,
    children: [
      {
        type: 'element',
        tagName: 'pre',
        properties: { className: ['shiki'], tabIndex: 0 },
        children: [{ type: 'element', tagName: 'code', properties: codeProps, children: lines }],
      },
    ],
    ...(pre.position ? { position: pre.position } : {}),
  };
}

function languageOf(code: Element): string {
  const classes = Array.isArray(code.properties.className) ? code.properties.className.map(String) : [];
  return classes.find((c) => c.startsWith('language-'))?.slice('language-'.length) ?? '';
}

export interface CodeMeta {
  /** 1-based line numbers to highlight. */
  highlight: number[];
  lineNumbers: boolean;
  lineStart: number;
}

/**
 * Hugo's code fence attributes, `{hl_lines=[2,"4-5"], linenos=table, linenostart=10}`,
 * as far as they matter to readers. Unknown attributes are ignored.
 */
export function parseMeta(meta: string): CodeMeta {
  const out: CodeMeta = { highlight: [], lineNumbers: false, lineStart: 1 };
  const body = /\{([^}]*)\}/.exec(meta)?.[1];
  if (body === undefined) return out;
  const hl = /hl_lines\s*=\s*(\[[^\]]*\]|"[^"]*"|[\d\s-]+)/.exec(body)?.[1];
  if (hl) out.highlight = parseLineSpec(hl.replace(/[[\]",]/g, ' '));
  const linenos = /linenos\s*=\s*"?(\w+)"?/.exec(body)?.[1];
  out.lineNumbers = linenos !== undefined && linenos !== 'false';
  const start = /linenostart\s*=\s*"?(\d+)"?/.exec(body)?.[1];
  if (start) out.lineStart = Number(start);
  return out;
}

/** `"2 4-5"` → `[2, 4, 5]`; anything else in the spec is ignored. */
export function parseLineSpec(spec: string): number[] {
  const out: number[] = [];
  for (const part of spec.split(/[\s,]+/)) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) continue;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Math.min(Number(m[2]), from + 10_000);
    for (let i = from; i <= to; i++) out.push(i);
  }
  return out;
}

async function loadTheme(module: ShikiModule, name: string, background: string): Promise<ThemeRegistrationResolved> {
  const loader = module.bundledThemes[name as keyof ShikiModule['bundledThemes']];
  if (!loader) throw new Error(`unknown Shiki theme \`${name}\``);
  const theme = structuredClone((await loader()).default) as ThemeRegistrationResolved;
  return ensureContrast(theme, background);
}

function findElement(node: Root | Element, tagName: string): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === tagName) return child;
    const found = findElement(child, tagName);
    if (found) return found;
  }
  return undefined;
}

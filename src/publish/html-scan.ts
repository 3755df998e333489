import type { Element } from 'hast';
import { Tokenizer, TokenizerMode, type Token, type TokenHandler } from 'parse5';

/** One URL an HTML file refers to, and where. */
export interface HtmlReference {
  tag: string;
  attribute: string;
  url: string;
  line: number;
  column: number;
  /** The source file the place is in, when the reference came from page content; otherwise the place is in the output file. */
  source?: string;
}

export interface HtmlScan {
  ids: Set<string>;
  references: HtmlReference[];
  /** `<base href>`, when the document sets one. */
  base: string | undefined;
}

/**
 * Attributes that load or link another resource, by element (`srcset` is a
 * list). Tables looked up by tag name are maps: raw HTML may hold any tag,
 * `<constructor>` too, which an object would answer from its prototype.
 */
const ATTRIBUTES = new Map<string, readonly string[]>(Object.entries({
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  track: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  iframe: ['src'],
  embed: ['src'],
  script: ['src'],
  object: ['data'],
  image: ['href', 'xlink:href'],
  use: ['href', 'xlink:href'],
}));

/** Elements whose content the tokenizer must read as text, as a parser would tell it. */
const TEXT_MODES = new Map<string, (typeof TokenizerMode)[keyof typeof TokenizerMode]>(Object.entries({
  script: TokenizerMode.SCRIPT_DATA,
  style: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  textarea: TokenizerMode.RCDATA,
  title: TokenizerMode.RCDATA,
  plaintext: TokenizerMode.PLAINTEXT,
}));

/**
 * The ids and outgoing references of an HTML document, read with parse5's
 * tokenizer: no tree is built, so checking every page of a large site stays
 * cheap. Attribute values come back decoded, with the place of the attribute.
 */
export function scanHtml(html: string): HtmlScan {
  const scan: HtmlScan = { ids: new Set(), references: [], base: undefined };
  const ignore = () => undefined;
  const handler: TokenHandler = {
    onComment: ignore,
    onDoctype: ignore,
    onEndTag: ignore,
    onEof: ignore,
    onCharacter: ignore,
    onNullCharacter: ignore,
    onWhitespaceCharacter: ignore,
    onStartTag: (token) => {
      startTag(token, scan);
      const mode = TEXT_MODES.get(token.tagName);
      if (mode !== undefined && !token.selfClosing) tokenizer.state = mode;
    },
  };
  const tokenizer = new Tokenizer({ sourceCodeLocationInfo: true }, handler);
  tokenizer.write(html, true);
  return scan;
}

function startTag(token: Token.TagToken, scan: HtmlScan): void {
  const { tagName } = token;
  const wanted = ATTRIBUTES.get(tagName);
  let refresh = false;
  for (const attr of token.attrs) {
    const name = attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name;
    if (name === 'id' && attr.value !== '') scan.ids.add(attr.value);
    else if (name === 'name' && tagName === 'a' && attr.value !== '') scan.ids.add(attr.value);
    else if (name === 'http-equiv' && tagName === 'meta' && attr.value.toLowerCase() === 'refresh') refresh = true;
  }
  const place = (name: string) => {
    const at = token.location?.attrs?.[name] ?? token.location;
    return { line: at?.startLine ?? 1, column: at?.startCol ?? 1 };
  };
  for (const attr of token.attrs) {
    const name = attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name;
    if (tagName === 'base' && name === 'href') scan.base ??= attr.value.trim();
    if (refresh && name === 'content') {
      const match = /^\s*\d*\s*[;,]\s*url\s*=\s*['"]?([^'"]*)['"]?\s*$/i.exec(attr.value);
      if (match?.[1]) scan.references.push({ tag: tagName, attribute: 'http-equiv=refresh', url: match[1].trim(), ...place(attr.name) });
      continue;
    }
    if (!wanted?.includes(name)) continue;
    const urls = name === 'srcset' ? srcsetUrls(attr.value) : [attr.value.trim()];
    for (const url of urls) if (url !== '') scan.references.push({ tag: tagName, attribute: name, url, ...place(attr.name) });
  }
}

/** `a.png 1x, b.png 2x` → the URLs. */
function srcsetUrls(value: string): string[] {
  return value
    .split(/,(?=\s|$)/)
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

/** hast property names of the attributes above. */
const PROPERTIES: Record<string, string> = { href: 'href', src: 'src', srcSet: 'srcset', poster: 'poster', data: 'data', xLinkHref: 'xlink:href' };
/** Per element: the properties holding references, with their attribute names (looked up once, not per element). */
const REFERENCE_PROPERTIES = new Map<string, Array<[string, string]>>(
  [...ATTRIBUTES].map(([tag, attributes]) => [tag, Object.entries(PROPERTIES).filter(([, attribute]) => attributes.includes(attribute))]),
);

/**
 * What `scanElement` fills on a render thread: a page's ids and `<base>`, and
 * its references packed into one string, `tag attribute line column length url`
 * after one another (`eachReference` reads them). A page of many small ones
 * has seventy-odd references, its sidebar's links mostly; as objects they
 * were a tenth of a cold build of such pages, cloned to the main thread and
 * taken apart there, where most are only looked up among the links the
 * page's siblings had (`OutputCheck`).
 */
export interface TreeScan {
  ids: Set<string>;
  base: string | undefined;
  packed: string;
  /** The page's source file, where references with a line (from its content) are. */
  source: string;
}

/** A scan of a page laid out from `source`, with nothing found yet, for `scanElement` to fill. */
export function emptyScan(source: string): TreeScan {
  return { ids: new Set(), base: undefined, packed: '', source };
}

/** Each reference of a packed scan, in document order; `source` is the scan's for references with a line. */
export function eachReference(scan: TreeScan, take: (tag: string, attribute: string, url: string, line: number, column: number, source: string | undefined) => void): void {
  const { packed } = scan;
  let at = 0;
  while (at < packed.length) {
    const a = packed.indexOf(' ', at);
    const b = packed.indexOf(' ', a + 1);
    const c = packed.indexOf(' ', b + 1);
    const d = packed.indexOf(' ', c + 1);
    const e = packed.indexOf(' ', d + 1);
    const end = e + 1 + Number(packed.slice(d + 1, e));
    const line = Number(packed.slice(b + 1, c));
    take(packed.slice(at, a), packed.slice(a + 1, b), packed.slice(e + 1, end), line, Number(packed.slice(c + 1, d)), line > 0 ? scan.source : undefined);
    at = end;
  }
}

/** The references of a packed scan as objects. */
export function unpackReferences(scan: TreeScan): HtmlReference[] {
  const out: HtmlReference[] = [];
  eachReference(scan, (tag, attribute, url, line, column, source) => out.push(source === undefined ? { tag, attribute, url, line, column } : { tag, attribute, url, line, column, source }));
  return out;
}

/**
 * The same scan, one element at a time, from the tree a page is serialised
 * from (a render thread has it at hand, and `serializeHtml` walks it anyway):
 * no second parse of the HTML, no second walk. Elements come in document
 * order. References that come from the page's content carry their place in
 * the scan's `source`.
 */
export function scanElement(node: Element, scan: TreeScan): void {
  const { tagName, properties } = node;
  if (typeof properties.id === 'string' && properties.id !== '') scan.ids.add(properties.id);
  if (tagName === 'a' && typeof properties.name === 'string' && properties.name !== '') scan.ids.add(properties.name);
  if (tagName === 'base' && typeof properties.href === 'string') scan.base ??= properties.href.trim();
  const equiv = properties.httpEquiv;
  if (tagName === 'meta' && (Array.isArray(equiv) ? equiv.join(' ') : String(equiv ?? '')).toLowerCase() === 'refresh') {
    const match = /^\s*\d*\s*[;,]\s*url\s*=\s*['"]?([^'"]*)['"]?\s*$/i.exec(String(properties.content ?? ''));
    if (match?.[1]) addReference(scan, node, 'http-equiv=refresh', match[1].trim());
  }
  const wanted = REFERENCE_PROPERTIES.get(tagName);
  if (!wanted) return;
  for (const [property, attribute] of wanted) {
    const value = properties[property];
    if (value === undefined || value === null || value === false) continue;
    const text = Array.isArray(value) ? value.join(attribute === 'srcset' ? ', ' : ' ') : String(value);
    if (attribute === 'srcset') {
      for (const url of srcsetUrls(text)) addReference(scan, node, attribute, url);
    } else {
      const url = text.trim();
      if (url !== '') addReference(scan, node, attribute, url);
    }
  }
}

/** A reference an element of the tree makes, placed in the page's source when it comes from there. */
function addReference(scan: TreeScan, node: Element, attribute: string, url: string): void {
  const start = node.position?.start;
  // Theme markup has no place in a file anyone edits: line 0 leaves the place out of the message.
  scan.packed += `${node.tagName} ${attribute} ${start ? `${start.line} ${start.column}` : '0 0'} ${url.length} ${url}`;
}

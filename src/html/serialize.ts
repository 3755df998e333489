import type { Element, Nodes, Properties } from 'hast';
import { stringify as commas } from 'comma-separated-tokens';
import { find, html, svg, type Schema } from 'property-information';
import { stringify as spaces } from 'space-separated-tokens';

/**
 * hast → HTML, byte for byte what `hast-util-to-html` writes with its default
 * options (hexadecimal character references, double quotes, no omitted tags),
 * for the trees Strata makes: several times faster, because attribute
 * information is looked up once per property name and escaping is one
 * regular expression, and strings are concatenated as they go (V8 joins
 * them once, when the document is encoded; an array of pieces joined at the
 * end was a third slower). `test/html/serialize.test.ts` pins the equivalence.
 */
export function serializeHtml(tree: Nodes, onElement?: (element: Element) => void): string {
  return write(tree, html, undefined, onElement);
}

const VOIDS = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const INTEGRATION_POINTS = new Set(['desc', 'foreignObject', 'title']);

/** Characters `hast-util-to-html` encodes, by context (it never allows parse errors or dangerous characters). */
const TEXT = /[<&]/g;
const ATTRIBUTE = /[\0"&'`]/g;
const NAME = /[\0\t\n\f\r "&'/<=>`]/g;
const COMMENT = /^>|^->|<!--|-->|--!>|<!-$/g;

const reference = (c: string) => `&#x${(c.codePointAt(0) as number).toString(16).toUpperCase()};`;

// Most text and attribute values have nothing to escape: a test first is three times faster than a replace that finds nothing.
const HAS_TEXT = /[<&]/;
const HAS_ATTRIBUTE = /[\0"&'`]/;
const escapeText = (value: string) => (HAS_TEXT.test(value) ? value.replace(TEXT, reference) : value);
const escapeAttribute = (value: string) => (HAS_ATTRIBUTE.test(value) ? value.replace(ATTRIBUTE, reference) : value);

/** `onElement` sees each element as it is written, in document order (the output check's scan, in the same walk). */
function write(node: Nodes, schema: Schema, parent: Element | undefined, onElement: ((element: Element) => void) | undefined): string {
  switch (node.type) {
    case 'root': {
      let out = '';
      for (const child of node.children) out += write(child, schema, undefined, onElement);
      return out;
    }
    case 'element':
      onElement?.(node);
      return element(node, schema, onElement);
    case 'text':
      return parent && (parent.tagName === 'script' || parent.tagName === 'style') ? node.value : escapeText(node.value);
    case 'comment':
      return `<!--${node.value.replace(COMMENT, (c) => c.replace(/[<>]/g, reference))}-->`;
    case 'doctype':
      return '<!doctype html>';
    default:
      // `raw` is never trusted here (hast-util-to-html without allowDangerousHtml): written as text.
      return 'value' in node && typeof node.value === 'string' ? escapeText(node.value) : '';
  }
}

function element(node: Element, schema: Schema, onElement: ((element: Element) => void) | undefined): string {
  const own = schema.space === 'html' && node.tagName === 'svg' ? svg : schema;
  const childSchema = own.space === 'svg' && INTEGRATION_POINTS.has(node.tagName) ? html : own;
  const open = `<${node.tagName}${attributes(node.properties, own)}>`;
  let content = '';
  for (const child of node.children) content += write(child, childSchema, node, onElement);
  // A void element is written without a closing tag, unless it has content.
  if (content === '' && own.space === 'html' && VOIDS.has(node.tagName.toLowerCase())) return open;
  return `${open}${content}</${node.tagName}>`;
}

interface AttributeInfo {
  attribute: string;
  name: string;
  boolean: boolean;
  overloadedBoolean: boolean;
  commaSeparated: boolean;
}

const infos = { html: new Map<string, AttributeInfo>(), svg: new Map<string, AttributeInfo>() };

function info(schema: Schema, key: string): AttributeInfo {
  const cache = schema.space === 'svg' ? infos.svg : infos.html;
  let found = cache.get(key);
  if (!found) {
    const i = find(schema, key);
    found = { attribute: i.attribute, name: i.attribute.replace(NAME, reference), boolean: i.boolean, overloadedBoolean: i.overloadedBoolean, commaSeparated: i.commaSeparated };
    cache.set(key, found);
  }
  return found;
}

/** Each attribute as ` name="value"`. */
function attributes(properties: Properties, schema: Schema): string {
  let out = '';
  for (const key in properties) {
    let value = properties[key];
    if (value === null || value === undefined) continue;
    const i = info(schema, key);
    if (i.overloadedBoolean && (value === i.attribute || value === '')) value = true;
    else if ((i.boolean || i.overloadedBoolean) && (typeof value !== 'string' || value === i.attribute || value === '')) value = Boolean(value);
    if (value === false || (typeof value === 'number' && Number.isNaN(value))) continue;
    if (value === true) {
      out += ` ${i.name}`;
      continue;
    }
    const text = Array.isArray(value) ? (i.commaSeparated ? commas(value, { padLeft: true }) : spaces(value)) : String(value);
    out += ` ${i.name}="${escapeAttribute(text)}"`;
  }
  return out;
}

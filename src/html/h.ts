import type { Element, Properties } from 'hast';
import { h as hastscript } from 'hastscript';
import { parse as parseCommas } from 'comma-separated-tokens';
import { find, html, type Info } from 'property-information';
import { parse as parseSpaces } from 'space-separated-tokens';

/**
 * hastscript's `h`, as layouts call it. Every page's layout makes a thousand
 * elements or so, and hastscript was a sixth of what a build allocated: each
 * call parses its selector, lists its properties' entries and looks each
 * property up in the schema. Here a plain tag name with plain properties
 * (strings, numbers, booleans, lists) is made directly, property information
 * looked up once per name; any other call (a selector such as `div.note`,
 * style objects, a `template`) goes to hastscript. `test/html/h.test.ts`
 * pins that both give the same trees.
 */
export const h = ((selector?: string | null, properties?: unknown, ...children: unknown[]) => {
  if (typeof selector !== 'string' || !PLAIN_TAG.test(selector)) return hastscript(selector as string, properties as Properties, ...(children as []));
  // hastscript reads a second argument that is text, a list or a node as the first child.
  const child = isChild(properties);
  if (!child && !plainProperties(properties as Record<string, unknown>)) return hastscript(selector, properties as Properties, ...(children as []));
  const node: Element = { type: 'element', tagName: selector.toLowerCase(), properties: {}, children: [] };
  if (node.tagName === 'template') return hastscript(selector, properties as Properties, ...(children as []));
  if (child) addChild(node.children, properties);
  else for (const key in properties as Record<string, unknown>) addProperty(node.properties, key, (properties as Record<string, unknown>)[key]);
  for (const item of children) addChild(node.children, item);
  return node;
}) as typeof hastscript;

/** A tag name alone: no `#id` or `.class` to parse. */
const PLAIN_TAG = /^[^#.]+$/;

/**
 * hastscript's `isChild`: anything but an object is a child; an object is
 * properties unless it has a string `type` and looks like a node (an object
 * or a list of non-primitives among its values, or `children`). So
 * `{ type: 'button', className: ['x'] }` is properties.
 */
function isChild(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return true;
  const record = value as Record<string, unknown>;
  if (typeof record.type !== 'string') return false;
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (item && typeof item === 'object') {
      if (!Array.isArray(item)) return true;
      for (const entry of item) if (typeof entry !== 'number' && typeof entry !== 'string') return true;
    }
  }
  return 'children' in record && Array.isArray(record.children);
}

/** Properties with plain values only (string, number, boolean, list; not a style object), as a plain object. */
function plainProperties(record: Record<string, unknown>): boolean {
  if (Object.getPrototypeOf(record) !== Object.prototype) return false;
  for (const key in record) {
    const item = record[key];
    if (item !== null && item !== undefined && typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean' && !Array.isArray(item)) return false;
  }
  return true;
}

const infos = new Map<string, Info>();

function infoOf(key: string): Info {
  let info = infos.get(key);
  if (!info) infos.set(key, (info = find(html, key)));
  return info;
}

/** hastscript's `addProperty`, for values other than objects. */
function addProperty(properties: Properties, key: string, value: unknown): void {
  if (value === null || value === undefined) return;
  const info = infoOf(key);
  let result: unknown;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return;
    result = value;
  } else if (typeof value === 'boolean') result = value;
  else {
    // A list: given as one, or a string of a separated property (`className`, `accept`…).
    const list =
      typeof value !== 'string' ? (value as Array<string | number>)
      : info.spaceSeparated ? parseSpaces(value)
      : info.commaSeparated ? parseCommas(value)
      : info.commaOrSpaceSeparated ? parseSpaces(parseCommas(value).join(' '))
      : undefined;
    result = list ? list.map((item) => primitive(info, item)) : primitive(info, value as string);
  }
  if (info.property === 'className' && Array.isArray(properties.className)) result = [...properties.className, ...(Array.isArray(result) ? result : [result])];
  properties[info.property] = result as Properties[string];
}

/** hastscript's `parsePrimitive`. */
function primitive(info: Info, value: string | number): string | number | boolean {
  if (typeof value === 'string') {
    if (info.number && value && !Number.isNaN(Number(value))) return Number(value);
    if ((info.boolean || info.overloadedBoolean) && (value === '' || value.toLowerCase() === info.property.toLowerCase())) return true;
  }
  return value;
}

/** hastscript's `addChild`. */
function addChild(nodes: Element['children'], value: unknown): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'number' || typeof value === 'string') nodes.push({ type: 'text', value: String(value) });
  else if (Array.isArray(value)) for (const child of value) addChild(nodes, child);
  else if (typeof value === 'object' && 'type' in value) {
    const node = value as Element | { type: 'root'; children: unknown[] };
    if (node.type === 'root') addChild(nodes, node.children);
    else nodes.push(node as Element['children'][number]);
  } else throw new Error(`Expected node, nodes, or string, got \`${String(value)}\``);
}

/**
 * A deep copy of plain data (objects, arrays, primitives), as `structuredClone`
 * makes it, without its fixed cost per call: a build copies hundreds of
 * thousands of small trees (cached blocks, shortcode output). Anything else
 * (a `Date`, a `Map`, a class's instance) is copied by `structuredClone`.
 */
export function copyPlain<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyPlain) as T;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = copyPlain((value as Record<string, unknown>)[key]);
  return out as T;
}

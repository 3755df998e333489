/** Helpers shared by the built-in shortcodes for reading parameter values and inner text. */

/** Hugo's truthy parameter spellings: `true`, `1` (`open=true`, `markdown="true"`). */
export function isTrue(value: string | undefined): boolean {
  return value === 'true' || value === '1';
}

/** The first parameter that is set, by name or position (`title`, then `name`, then `0`). */
export function firstOf(get: (key: string | number) => string | undefined, ...keys: Array<string | number>): string | undefined {
  for (const key of keys) {
    const value = get(key);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * Hugo's `trim .InnerDeindent "\n\r"`: leading and trailing blank lines go,
 * and the indentation every line shares (a call inside a list item) is removed.
 */
export function deindent(text: string): string {
  const lines = text
    .replace(/^(?:[ \t]*\r?\n)+/, '')
    .replace(/(?:\r?\n[ \t]*)+$/, '')
    .split('\n');
  let common: string | undefined;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    if (common === undefined || !indent.startsWith(common)) common = commonPrefix(common ?? indent, indent);
  }
  return common ? lines.map((line) => (line.startsWith(common) ? line.slice(common.length) : line.trimStart())).join('\n') : lines.join('\n');
}

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

import { describe, expect, it } from 'vitest';
import { lex, type Token } from '../../src/shortcodes/lexer.js';

/** Tokens shown as `type:text` pairs, the way Hugo's lexer tests are tables. */
function show(src: string): string[] {
  return lex(src).map((t: Token) => {
    if (t.type === 'param') {
      const key = t.key ? `${src.slice(t.key.start, t.key.end)}=` : '';
      return `param:${key}${t.quoting}:${src.slice(t.valueStart, t.valueEnd)}`;
    }
    if (t.type === 'error') return `error:${t.message}`;
    return `${t.type}:${src.slice(t.start, t.end)}`;
  });
}

describe('shortcode lexer', () => {
  const table: Array<[string, string[]]> = [
    ['plain text', ['text:plain text']],
    ['a {{ not }} b', ['text:a {{ not }} b']],
    ['{{< x >}}', ['open:{{<', 'name:x', 'close:>}}']],
    ['{{% x %}}', ['open:{{%', 'name:x', 'close:%}}']],
    ['a{{<x>}}b', ['text:a', 'open:{{<', 'name:x', 'close:>}}', 'text:b']],
    ['{{< / x >}}', ['open:{{<', 'closing:/', 'name:x', 'close:>}}']],
    ['{{< x />}}', ['open:{{<', 'name:x', 'selfClose:/', 'close:>}}']],
    ['{{< x a b >}}', ['open:{{<', 'name:x', 'param:bare:a', 'param:bare:b', 'close:>}}']],
    ['{{< x k="v w" >}}', ['open:{{<', 'name:x', 'param:k=quoted:v w', 'close:>}}']],
    ['{{< x k=v n=7 >}}', ['open:{{<', 'name:x', 'param:k=bare:v', 'param:n=bare:7', 'close:>}}']],
    ['{{< x a="1"b="2" >}}', ['open:{{<', 'name:x', 'param:a=quoted:1', 'param:b=quoted:2', 'close:>}}']],
    ['{{< x "a \\"b\\"" >}}', ['open:{{<', 'name:x', 'param:quoted:a \\"b\\"', 'close:>}}']],
    ['{{< x `raw\nvalue` >}}', ['open:{{<', 'name:x', 'param:raw:raw\nvalue', 'close:>}}']],
    ['{{< x file="f.md" markdown="true">}}', ['open:{{<', 'name:x', 'param:file=quoted:f.md', 'param:markdown=quoted:true', 'close:>}}']],
    ['{{<\n  x\n  a="1"\n>}}', ['open:{{<', 'name:x', 'param:a=quoted:1', 'close:>}}']],
    ['{{</* x */>}}', ['escaped:{{</* x */>}}']],
    ['{{%/* x */%}}', ['escaped:{{%/* x */%}}']],
    ['{{< x "open >}}', ['open:{{<', 'name:x', 'error:unterminated quoted string in shortcode parameter']],
    ['{{< x %}} tail', ['open:{{<', 'name:x', 'error:shortcode opened with `{{<` is closed with `%}}`', 'text: tail']],
    ['{{< x', ['open:{{<', 'name:x', 'error:unclosed shortcode action: missing `>}}`']],
    ['{{< >}}', ['open:{{<', 'error:expected a shortcode name, found `>`']],
  ];
  for (const [input, expected] of table) {
    it(JSON.stringify(input), () => {
      expect(show(input)).toEqual(expected);
    });
  }

  it('keeps offsets into the source, not copies', () => {
    const src = 'ab {{< x k="v" >}} cd';
    const param = lex(src).find((t) => t.type === 'param');
    expect(param && src.slice(param.start, param.end)).toBe('k="v"');
  });

  it('lexes only the given range', () => {
    const src = '---\n{{< a >}}\n---\n{{< b >}}';
    const names = lex(src, 18).filter((t) => t.type === 'name').map((t) => src.slice(t.start, t.end));
    expect(names).toEqual(['b']);
  });

  // Found by test/fuzz/shortcodes.test.ts: the `/` of a closing tag was read past the range's end.
  it('never emits a token past the end of the range', () => {
    const src = 'x {{< /y >}}';
    const tokens = lex(src, 0, 6);
    expect(tokens.every((t) => t.end <= 6)).toBe(true);
    expect(tokens.map((t) => t.type)).toEqual(['text', 'open', 'error']);
  });
});

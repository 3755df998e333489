import { describe, expect, it } from 'vitest';
import { parseShortcodes, type InnerMode, type ShortcodeNode } from '../../src/shortcodes/parser.js';

const modes: Record<string, InnerMode> = { notice: 'required', readfile: 'none', children: 'optional' };
const innerMode = (name: string): InnerMode => modes[name] ?? 'optional';

function tree(src: string): unknown {
  const show = (nodes: ShortcodeNode[]): unknown[] =>
    nodes.map((n) =>
      n.kind === 'text' ? src.slice(n.start, n.end) : n.kind === 'escaped' ? { escaped: n.literal } : { [n.call.name]: n.call.inner ? show(n.call.inner.nodes) : null },
    );
  return show(parseShortcodes(src, innerMode).nodes);
}

function problems(src: string): string[] {
  return parseShortcodes(src, innerMode).problems.map((p) => `${p.kind}@${p.start}: ${p.message}`);
}

describe('shortcode parser', () => {
  it('pairs calls that take inner content', () => {
    expect(tree('a {{% notice tip %}}x {{< readfile file="f" >}} y{{% /notice %}} b')).toEqual(['a ', { notice: ['x ', { readfile: null }, ' y'] }, ' b']);
  });

  it('nests calls of the same name', () => {
    expect(tree('{{% notice %}}1{{% notice %}}2{{% /notice %}}3{{% /notice %}}')).toEqual([{ notice: ['1', { notice: ['2'] }, '3'] }]);
  });

  it('treats self-closing calls as having no inner content', () => {
    expect(tree('{{< notice />}}x')).toEqual([{ notice: null }, 'x']);
  });

  it('lets an optional call stay unclosed (children)', () => {
    expect(tree('{{% children %}}\nafter')).toEqual([{ children: null }, '\nafter']);
    expect(problems('{{% children %}}\nafter')).toEqual([]);
  });

  it('pairs an optional call when its closing tag follows', () => {
    expect(tree('{{% children %}}x{{% /children %}}')).toEqual([{ children: ['x'] }]);
  });

  it('shows escaped calls literally', () => {
    expect(tree('{{</* notice tip */>}}')).toEqual([{ escaped: '{{< notice tip >}}' }]);
  });

  it('reports an unclosed call at its opening tag', () => {
    expect(problems('text\n{{% notice tip %}}\nbody')).toEqual(['unclosed@5: unclosed shortcode `notice`: no `{{% /notice %}}` follows']);
  });

  it('reports a closing tag that does not match the open call', () => {
    expect(problems('{{% notice %}}x{{% /other %}}')).toEqual([
      'mismatch@15: closing tag for shortcode `other` does not match start tag `notice`',
      'unclosed@0: unclosed shortcode `notice`: no `{{% /notice %}}` follows',
    ]);
  });

  it('reports a closing tag for a shortcode without inner content', () => {
    expect(problems('{{< readfile file="x" >}}{{< /readfile >}}')).toEqual(['unexpected-close@25: shortcode `readfile` takes no inner content, yet a closing tag was provided']);
  });

  it('reports mixed named and positional parameters at the first offending one', () => {
    expect(problems('{{< readfile file="x" y >}}')).toEqual(['params@22: shortcode `readfile`: cannot mix named and positional parameters']);
  });

  it('keeps a broken call as text and goes on', () => {
    const src = '{{< readfile "x >}} then {{< readfile y >}}';
    expect(tree(src)).toEqual(['{{< readfile "x >}} then ', { readfile: null }]);
  });
});

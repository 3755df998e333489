import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { renderOne, type RenderOptions } from '../support/render.js';

const ROOT = path.resolve(import.meta.dirname, '../hugo-site');

async function render(body: string, options: Partial<RenderOptions> = {}) {
  // The shortcodes' own output, before code highlighting (a later stage) dresses it.
  const r = await renderOne(`---\ntitle: Page\n---\n${body}`, { root: ROOT, source: 'content/docs/page.md', highlight: false, ...options });
  return { html: r.html, problems: r.diagnostics.map(formatDiagnostic), features: r.features };
}

describe('highlight', () => {
  it('gives exactly the hast of a fenced code block, options as data attributes', async () => {
    const fence = await render('```go\nx := 1\n```\n');
    const shortcode = await render('{{< highlight go >}}\nx := 1\n{{< /highlight >}}\n');
    expect(shortcode.html).toBe(fence.html);
    expect((await render('{{< highlight go "linenos=table,hl_lines=2 4-5,linenostart=10" >}}\na\n{{< /highlight >}}\n')).html).toBe(
      '<pre data-hl-lines="2 4-5" data-linenos="table" data-linenostart="10"><code class="language-go">a\n</code></pre>',
    );
    expect((await render('{{< highlight lang="yaml" linenos="inline" hl_lines="1" >}}\na: 1\n{{< /highlight >}}\n')).html).toBe(
      '<pre data-hl-lines="1" data-linenos="inline"><code class="language-yaml">a: 1\n</code></pre>',
    );
  });

  it('shows nested shortcode output as text, never as markup', async () => {
    const { html } = await render('{{< highlight html >}}\n<b>{{< readfile file="static/content/version_geoss_latest.md" >}}</b>\n{{< /highlight >}}\n');
    // The version file ends with a newline, and readfile keeps it, as Hugo's readFile does.
    expect(html).toBe('<pre><code class="language-html">&#x3C;b>1.17.3\n&#x3C;/b>\n</code></pre>');
  });
});

describe('tabs', () => {
  const page = [
    '{{% tabs %}}',
    '{{< tab title="One" >}}',
    '**md** in angle form',
    '{{< /tab >}}',
    '{{% tab name="Two" %}}',
    '{{< tabs >}}{{< tab "Inner" >}}nested{{< /tab >}}{{< /tabs >}}',
    '{{% /tab %}}',
    '{{% /tabs %}}',
    '',
    '{{< tabs >}}{{< tab title="Again" >}}x{{< /tab >}}{{< /tabs >}}',
    '',
  ].join('\n');

  it('renders markdown in every tab, whatever the delimiters, with ids unique on the page', async () => {
    const { html, problems, features } = await render(page);
    expect(problems).toEqual([]);
    expect(features).toEqual(['tabs']);
    expect(html).toContain('<p><strong>md</strong> in angle form</p>');
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['tabs-2-tab-1', 'tabs-2-tab-2', 'tabs-2-panel-1', 'tabs-2-panel-2', 'tabs-1-tab-1', 'tabs-1-panel-1', 'tabs-3-tab-1', 'tabs-3-panel-1']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('follows the WAI-ARIA tabs pattern, first tab selected, no panel hidden in the HTML', async () => {
    const { html } = await render('{{< tabs title="OS" >}}{{% tab title="A" %}}a{{% /tab %}}{{% tab title="B" %}}b{{% /tab %}}{{< /tabs >}}\n');
    expect(html).toBe(
      '<div class="tabs"><div role="tablist" aria-label="OS">' +
        '<button type="button" role="tab" id="tabs-1-tab-1" aria-selected="true" aria-controls="tabs-1-panel-1" tabindex="0">A</button>' +
        '<button type="button" role="tab" id="tabs-1-tab-2" aria-selected="false" aria-controls="tabs-1-panel-2" tabindex="-1">B</button></div>' +
        '<div role="tabpanel" id="tabs-1-panel-1" aria-labelledby="tabs-1-tab-1" tabindex="0" data-tab-title="A"><p>a</p></div>' +
        '<div role="tabpanel" id="tabs-1-panel-2" aria-labelledby="tabs-1-tab-2" tabindex="0" data-tab-title="B"><p>b</p></div></div>',
    );
  });

  it('shows a tab with codelang as a code block of that language', async () => {
    const { html } = await render('{{< tabs >}}\n{{< tab title="values" codelang="yaml" >}}\n  a: 1\n  b: **2**\n{{< /tab >}}\n{{< /tabs >}}\n');
    expect(html).toContain('<pre><code class="language-yaml">a: 1\nb: **2**\n</code></pre>');
  });

  it('warns about tabs without a tab', async () => {
    expect((await render('{{< tabs >}}\ntext\n{{< /tabs >}}\n')).problems).toEqual(['content/docs/page.md:4:1  warning  `tabs` holds no `tab`  [shortcode:params]']);
  });
});

describe('children', () => {
  const pageFiles = {
    'content/docs/_index.md': '---\ntitle: Docs\n---\n',
    'content/docs/b.md': '---\ntitle: B\nweight: 2\ndescription: Bee\n---\n',
    'content/docs/a.md': '---\ntitle: A\nweight: 1\n---\n',
    'content/docs/h.md': '---\ntitle: H\nhidden: true\n---\n',
    'content/docs/sub/_index.md': '---\ntitle: Sub\nweight: 3\n---\n',
    'content/docs/sub/c.md': '---\ntitle: C\n---\n',
  };

  it('lists the section’s pages by weight, unclosed or closed', async () => {
    const list = '<ul class="children children-li"><li><a href="a/">A</a></li><li><a href="b/">B</a><p>Bee</p></li><li><a href="sub/">Sub</a></li></ul>';
    const unclosed = await renderOne('---\ntitle: Docs\n---\n{{% children description="true" %}}\n\nAfter.\n', { root: ROOT, source: 'content/docs/_index.md', pageFiles });
    expect(unclosed.html).toBe(`${list}\n<p>After.</p>`);
    expect(unclosed.diagnostics).toEqual([]);
    const closed = await renderOne('---\ntitle: Docs\n---\n{{< children description="true" >}}{{< /children >}}\n', { root: ROOT, source: 'content/docs/_index.md', pageFiles });
    expect(closed.html).toBe(list);
  });

  it('goes deeper with depth, and shows hidden pages with showhidden', async () => {
    const r = await renderOne('---\ntitle: Docs\n---\n{{% children depth="2" showhidden="true" sort="title" %}}\n', { root: ROOT, source: 'content/docs/_index.md', pageFiles });
    expect(r.html).toBe(
      '<ul class="children children-li"><li><a href="a/">A</a></li><li><a href="b/">B</a></li><li><a href="h/">H</a></li><li><a href="sub/">Sub</a><ul><li><a href="sub/c/">C</a></li></ul></li></ul>',
    );
  });
});

describe('ref and relref', () => {
  const pageFiles = {
    'content/ops/_index.md': '---\ntitle: Ops\n---\n',
    'content/ops/x.md': '---\ntitle: X\n---\n## Step one\n',
    'content/docs/sibling.md': '---\ntitle: Sibling\n---\n',
  };

  it('resolves content paths to page URLs, anchors kept and checked', async () => {
    const { html, problems } = await render(
      '[a]({{< ref "/ops/x.md#step-one" >}}) [b]({{< relref "/ops/x" >}}) [c]({{< ref "sibling.md" >}}) [d]({{< ref "x" >}}) [e]({{< relref "/ops" >}})\n',
      { pageFiles },
    );
    expect(problems).toEqual([]);
    expect(html).toBe('<p><a href="../../ops/x/#step-one">a</a> <a href="../../ops/x/">b</a> <a href="../sibling/">c</a> <a href="../../ops/x/">d</a> <a href="../../ops/">e</a></p>');
  });

  it('reports an unknown page at its parameter', async () => {
    const { problems } = await render('See [x]({{< ref "/ops/nope.md" >}}).\n', { pageFiles });
    expect(problems).toEqual([
      'content/docs/page.md:4:17  error  ref target `/ops/nope.md` does not match a page of this version  [links:missing-page]',
    ]);
  });
});

describe('param, figure, details, expand, alert, mermaid', () => {
  it('param reads the page, then the site, and reports a missing key', async () => {
    const r = await renderOne('---\ntitle: P\nv: "1.2"\n---\n{{< param v >}} {{< param "Site.Name" >}} {{< param nope >}}\n', {
      root: ROOT,
      site: { params: { site: { name: 'Docs' } } },
    });
    expect(r.html).toBe('<p>1.2 Docs </p>');
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      'content/page.md:5:53  error  param `nope` is set neither in the page\'s front matter nor in the site\'s params  [shortcode:params]',
    ]);
  });

  it('figure titles get no automatic heading id (as in Hugo)', async () => {
    const { html } = await render('{{< figure src="https://example.org/a.png" title="Flow" >}}\n\n## Flow\n');
    expect(html).toBe('<figure><img src="https://example.org/a.png"><figcaption><h4>Flow</h4></figcaption></figure>\n<h2 id="flow">Flow</h2>');
  });

  it('details and expand are <details> with markdown bodies', async () => {
    expect((await render('{{< details summary="S" open=true >}}\n**b**\n{{< /details >}}\n')).html).toBe('<details open><summary>S</summary><p><strong>b</strong></p></details>');
    expect((await render('{{% expand "T" "true" %}}x{{% /expand %}}\n')).html).toBe('<details class="expand" open><summary>T</summary><p>x</p></details>');
  });

  it('alert warns about an unknown color', async () => {
    const r = await render('{{% alert color="pink" %}}x{{% /alert %}}\n');
    expect(r.html).toBe('<div class="alert alert-primary" role="alert"><p>x</p></div>');
    expect(r.problems).toEqual(['content/docs/page.md:4:11  warning  unknown alert color `pink`; use one of primary, secondary, success, danger, warning, info, light, dark  [shortcode:params]']);
  });

  it('mermaid keeps the source as text and records the feature', async () => {
    const r = await render('{{< mermaid >}}\n  graph LR\n    a --> b\n{{< /mermaid >}}\n');
    expect(r.html).toBe('<pre class="mermaid">graph LR\n  a --> b</pre>');
    expect(r.features).toEqual(['mermaid']);
    expect((await render('No diagram.\n')).features).toEqual([]);
  });
});

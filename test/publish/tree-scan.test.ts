import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { serializeHtml } from '../../src/html/serialize.js';
import { emptyScan, scanElement, scanHtml, unpackReferences, type HtmlScan, type TreeScan } from '../../src/publish/html-scan.js';

/** What both scans must agree on: ids, `<base>`, and each reference's element, attribute and URL, in order. */
const found = (scan: HtmlScan | TreeScan) => ({
  ids: [...scan.ids].sort(),
  base: scan.base,
  references: ('packed' in scan ? unpackReferences(scan) : scan.references).map(({ tag, attribute, url }) => ({ tag, attribute, url })),
});

const DOCUMENT = `<!doctype html><html><head><base href="/docs/"><link rel="stylesheet" href="../assets/site.css"><meta http-equiv="refresh" content="0; url=../moved/"></head>
<body><nav id="sidebar"><a href="../a/" id="first">A</a><a name="legacy">old</a><a href="#first">up</a></nav>
<main><h2 id="install">Install</h2><img src="x.png" srcset="x-1.png 1x, x-2.png 2x" alt=""><video src="v.mp4" poster="p.png"></video>
<svg><use xlink:href="#icon"></use></svg><area href="map/"><p>No <em>links</em> here.</p><a href=" spaced/ ">s</a><a href="">empty</a></main></body></html>`;

describe('the scan made while serialising', () => {
  it('finds what scanning the written HTML finds', () => {
    const tree = fromHtml(DOCUMENT);
    const scan = emptyScan('content/page.md');
    const html = serializeHtml(tree, (element) => scanElement(element, scan));
    expect(found(scan)).toEqual(found(scanHtml(html)));
    expect(found(scan).references.map((r) => r.url)).toEqual(['../assets/site.css', '../moved/', '../a/', '#first', 'x.png', 'x-1.png', 'x-2.png', 'v.mp4', 'p.png', '#icon', 'map/', 'spaced/']);
    expect(found(scan).ids).toEqual(['first', 'install', 'legacy', 'sidebar']);
  });

  it('places references from page content in the source file, theme markup nowhere', () => {
    const tree = fromHtml('<p><a href="../x/">x</a></p>', { fragment: true });
    const theme = fromHtml('<a href="../y/">y</a>', { fragment: true });
    delete theme.children[0]?.position;
    const scan = emptyScan('content/page.md');
    serializeHtml({ type: 'root', children: [...tree.children, ...theme.children] }, (element) => scanElement(element, scan));
    expect(unpackReferences(scan)).toEqual([
      { tag: 'a', attribute: 'href', url: '../x/', line: 1, column: 4, source: 'content/page.md' },
      { tag: 'a', attribute: 'href', url: '../y/', line: 0, column: 0 },
    ]);
  });

  it('keeps URLs whole whatever they hold (spaces, digits, non-ASCII, what the packing uses)', () => {
    const urls = ['a b/ 12 3', '../ünïcødé/#ß', '1 2 3 4 5', ' x', 'y ', '#'];
    const source = urls.map((url, i) => `<a href="${url}" id="i${i}">x</a>`).join('');
    const scan = emptyScan('content/page.md');
    serializeHtml(fromHtml(source, { fragment: true }), (element) => scanElement(element, scan));
    const references = unpackReferences(scan);
    // Attribute values are trimmed, as a browser does with URLs.
    expect(references.map((r) => r.url)).toEqual(urls.map((url) => url.trim()));
    expect(references.map((r) => [r.line, r.column, r.source])).toEqual([...source.matchAll(/<a /g)].map((m) => [1, (m.index as number) + 1, 'content/page.md']));
  });
});

import { describe, expect, it } from 'vitest';
import { resolvePlainUrl } from '../../src/links/urls.js';

/** What a browser makes of `url` on the page at `basePath`. */
function browser(basePath: string, url: string): { pathname: string; fragment: string } {
  const resolved = new URL(url, `http://example.invalid${basePath}`);
  return { pathname: resolved.pathname, fragment: resolved.hash.slice(1) };
}

describe('resolvePlainUrl', () => {
  const bases = ['/', '/index.html', '/docs/1.16.x/a/b/index.html', '/a/b/', '/x/y'];
  const segments = ['..', '.', 'a', 'b-c_d~e', '', 'index.html'];
  // Every path of up to three segments, relative and from the root, with and without a fragment.
  const paths: string[] = [];
  for (const a of segments) {
    paths.push(a);
    for (const b of segments) {
      paths.push(`${a}/${b}`);
      for (const c of segments) paths.push(`${a}/${b}/${c}`);
    }
  }
  const urls = paths.flatMap((p) => [p, `/${p}`]).flatMap((u) => [u, `${u}#top`, `${u}#`]);

  it('resolves every plain URL as the URL standard does', () => {
    let resolved = 0;
    for (const base of bases) {
      for (const url of urls) {
        const plain = resolvePlainUrl(base, url);
        if (!plain) continue;
        resolved++;
        expect(plain, `${url} on ${base}`).toEqual(browser(base, url));
      }
    }
    expect(resolved).toBeGreaterThan(bases.length * paths.length);
  });

  it('leaves anything else to the URL parser', () => {
    for (const url of ['', '#top', '//host/a/', 'https://example.com/', 'a b/', 'a%20b/', 'a/?q=1', 'a\\b', 'é/', 'a/#x y', 'mailto:x@y.z']) {
      expect(resolvePlainUrl('/a/b/index.html', url), url).toBeUndefined();
    }
  });
});

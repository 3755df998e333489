import { describe, expect, it } from 'vitest';
import { relativeUrl, relativeUrlBySegments } from '../../src/links/urls.js';

describe('relativeUrl', () => {
  it('leads from a page to another through their common folder', () => {
    expect(relativeUrl('/a/b/c/', '/a/x/')).toBe('../../x/');
    expect(relativeUrl('/a/b/', '/a/bc/')).toBe('../bc/');
    expect(relativeUrl('/a/', '/a/')).toBe('./');
    expect(relativeUrl('/a/b/', '/a/b/index.html')).toBe('index.html');
    expect(relativeUrl('/', '/assets/site.css')).toBe('assets/site.css');
    expect(relativeUrl('/a/b', '/c/')).toBe('../c/');
  });

  it('gives what the segment-by-segment way gives, for every pair of short paths', () => {
    const segments = ['a', 'b', 'ab', 'index.html', '', '..', 'a?x=/b', 'c#d'];
    const paths = new Set<string>();
    const grow = (path: string, depth: number) => {
      paths.add(path);
      if (depth === 3) return;
      for (const segment of segments) {
        paths.add(`${path}${segment}`);
        grow(`${path}${segment}/`, depth + 1);
      }
    };
    grow('/', 0);
    grow('', 1);
    const all = [...paths];
    expect(all.length).toBeGreaterThan(500);
    for (const from of all) for (const to of all) if (relativeUrl(from, to) !== relativeUrlBySegments(from, to)) expect([from, to, relativeUrl(from, to)]).toEqual([from, to, relativeUrlBySegments(from, to)]);
  });
});

import { describe, expect, it } from 'vitest';
import { absolutePath, parseBaseUrl, publicUrl } from '../../src/publish/base-url.js';

describe('base URL', () => {
  it.each([
    ['/', { href: '/', path: '/', origin: undefined }],
    ['', { href: '/', path: '/', origin: undefined }],
    ['/docs/gloo', { href: '/docs/gloo/', path: '/docs/gloo/', origin: undefined }],
    ['docs/gloo/', { href: '/docs/gloo/', path: '/docs/gloo/', origin: undefined }],
    ['https://docs.example.com', { href: 'https://docs.example.com/', path: '/', origin: 'https://docs.example.com' }],
    ['https://docs.example.com/gloo', { href: 'https://docs.example.com/gloo/', path: '/gloo/', origin: 'https://docs.example.com' }],
    ['http://127.0.0.1:8080/docs/', { href: 'http://127.0.0.1:8080/docs/', path: '/docs/', origin: 'http://127.0.0.1:8080' }],
  ])('reads %j', (value, base) => {
    expect(parseBaseUrl(value)).toEqual({ ok: true, base });
  });

  it.each([
    ['//docs.example.com/gloo/', 'has no scheme: write https://docs.example.com/gloo/'],
    ['ftp://docs.example.com/', 'must be an http: or https: URL, or a path like /docs/'],
    ['https://docs.example.com/?v=1', 'must not have a query or fragment'],
    ['/docs/#x', 'must not have a query or fragment'],
    ['/docs/../x/', 'must not contain `.` or `..` segments'],
    ['/my docs/', 'contains spaces or backslashes'],
  ])('refuses %j', (value, reason) => {
    const result = parseBaseUrl(value);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });

  it('makes public URLs and absolute paths of output paths, percent-encoded', () => {
    const result = parseBaseUrl('https://docs.example.com/gloo/');
    if (!result.ok) throw new Error(result.reason);
    expect(publicUrl(result.base, 'latest/a b/')).toBe('https://docs.example.com/gloo/latest/a%20b/');
    expect(absolutePath(result.base, '/assets/x.css')).toBe('/gloo/assets/x.css');
  });
});

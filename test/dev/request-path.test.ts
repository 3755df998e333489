import { describe, expect, it } from 'vitest';
import { basePathOf, resolveRequest } from '../../src/dev/request-path.js';

describe('basePathOf', () => {
  it.each([
    ['/', '/'],
    ['', '/'],
    ['/docs', '/docs/'],
    ['docs/gloo/', '/docs/gloo/'],
    ['https://docs.example.com/docs/gloo', '/docs/gloo/'],
    ['https://docs.example.com', '/'],
    ['//cdn.example.com/x/', '/x/'],
  ])('%j → %j', (baseUrl, expected) => {
    expect(basePathOf(baseUrl)).toBe(expected);
  });
});

describe('resolveRequest', () => {
  it.each([
    ['/latest/a/', '/', { kind: 'output', path: 'latest/a/' }],
    ['/latest/a/?x=1#y', '/', { kind: 'output', path: 'latest/a/' }],
    ['/', '/', { kind: 'output', path: '' }],
    ['/assets/style.1a2b.css', '/', { kind: 'output', path: 'assets/style.1a2b.css' }],
    ['/1.17.x/caf%C3%A9/', '/', { kind: 'output', path: '1.17.x/café/' }],
    ['/1.17.x/a%20b/', '/', { kind: 'output', path: '1.17.x/a b/' }],
    ['/docs/latest/a/', '/docs/', { kind: 'output', path: 'latest/a/' }],
    ['/docs/', '/docs/', { kind: 'output', path: '' }],
    ['/docs', '/docs/', { kind: 'redirect', location: '/docs/' }],
    ['/', '/docs/', { kind: 'redirect', location: '/docs/' }],
    ['/docs/__strata/events?page=/docs/', '/docs/', { kind: 'dev', name: 'events' }],
    ['/__strata/dev-client.js', '/', { kind: 'dev', name: 'dev-client.js' }],
  ])('%s under %s', (url, base, expected) => {
    expect(resolveRequest(url, base)).toEqual(expected);
  });

  // Every one of these is a 404, whatever the base path.
  const evil = [
    '/../etc/passwd',
    '/latest/../../strata.config.ts',
    '/latest/./a/',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2E%2E/strata.config.ts',
    '/latest/%2e%2e/%2e%2e/strata.config.ts',
    '/latest/.%2e/.%2e/strata.config.ts',
    '/latest/%2e/a/',
    '/latest/..%2fstrata.config.ts',
    '/latest/%2f%2fetc%2fpasswd',
    '/latest/%2Fetc',
    '/latest\\..\\..\\strata.config.ts',
    '/latest/%5c..%5cstrata.config.ts',
    '/latest/%5C',
    '/latest/a%00.html',
    '/latest/%0a',
    '/latest/%7f',
    '//etc/passwd',
    '/latest//a/',
    '/latest/%E0%A4%A',
    '/latest/%',
    'http://127.0.0.1:4000/latest/',
    'latest/a/',
    '*',
    '',
    '/docs/../strata.config.ts',
  ];
  it.each(evil)('refuses %j', (url) => {
    expect(resolveRequest(url, '/')).toEqual({ kind: 'not-found' });
    expect(resolveRequest(url.replace(/^\/docs\//, '/'), '/docs/').kind).not.toBe('output');
  });

  it('refuses paths outside the base path', () => {
    expect(resolveRequest('/other/a/', '/docs/')).toEqual({ kind: 'not-found' });
    expect(resolveRequest('/docsx/a/', '/docs/')).toEqual({ kind: 'not-found' });
  });

  it('refuses undefined', () => {
    expect(resolveRequest(undefined, '/')).toEqual({ kind: 'not-found' });
  });
});

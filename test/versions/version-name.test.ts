import { describe, expect, it } from 'vitest';
import { compareVersionsDescending, parseVersionName, type ParsedVersionName } from '../../src/versions/version-name.js';

describe('version names', () => {
  it.each([
    ['1.17.x', 'release'],
    ['v1.16', 'release'],
    ['2', 'release'],
    ['1.18.0-beta.1', 'prerelease'],
    ['main', 'development'],
    ['next', 'development'],
  ])('%s is a %s', (name, kind) => {
    const parsed = parseVersionName(name);
    expect('error' in parsed ? parsed.error : parsed.kind).toBe(kind);
  });

  it.each(['latest', 'assets', '1.x/../x', 'foo bar', '', 'v', '1.17.x; rm -rf'])('rejects %j', (name) => {
    expect(parseVersionName(name)).toHaveProperty('error');
  });

  it('orders newest first: development lines, then by semver (coerced)', () => {
    const names = ['1.9.x', 'v1.16', '1.17.x', 'main', '1.18.0-beta.1', '1.17.2', '2.0'];
    const sorted = names.map((n) => parseVersionName(n) as ParsedVersionName).sort(compareVersionsDescending).map((v) => v.name);
    expect(sorted).toEqual(['main', '2.0', '1.18.0-beta.1', '1.17.2', '1.17.x', 'v1.16', '1.9.x']);
  });
});

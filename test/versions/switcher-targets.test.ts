import { describe, expect, it } from 'vitest';
import { switchTarget, type VersionPages } from '../../src/versions/switcher-targets.js';

const older: VersionPages = {
  name: '1.15.x',
  pages: new Set(['/', '/guides/', '/guides/istio/', '/operations/', '/operations/access_logging/']),
  aliases: new Map(),
};
const newer: VersionPages = {
  name: '1.17.x',
  pages: new Set(['/', '/guides/', '/guides/istio/', '/guides/istio/ambient/', '/operations/observability/access_logging/']),
  aliases: new Map([['/operations/access_logging/', '/operations/observability/access_logging/']]),
};

describe('switch targets', () => {
  it('finds the same page by path', () => {
    expect(switchTarget('/guides/istio/', [], older)).toEqual({ url: '/guides/istio/', samePage: true });
  });

  it('follows a page that moved, through the target version’s aliases', () => {
    expect(switchTarget('/operations/access_logging/', [], newer)).toEqual({ url: '/operations/observability/access_logging/', samePage: true });
  });

  it('follows a page that moved, through this page’s own aliases', () => {
    expect(switchTarget('/operations/observability/access_logging/', ['/operations/access_logging/'], older)).toEqual({ url: '/operations/access_logging/', samePage: true });
  });

  it('falls back to the nearest section that exists there', () => {
    expect(switchTarget('/guides/istio/ambient/', [], older)).toEqual({ url: '/guides/istio/', samePage: false });
    expect(switchTarget('/guides/ai/setup/', [], older)).toEqual({ url: '/guides/', samePage: false });
  });

  it('falls back to the version’s home', () => {
    expect(switchTarget('/reference/cli/', [], older)).toEqual({ url: '/', samePage: false });
  });
});

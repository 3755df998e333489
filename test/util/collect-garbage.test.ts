import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/util/collect-garbage.js';

describe('collectGarbage', () => {
  it('collects what nothing refers to any more, now', async () => {
    const refs = Array.from({ length: 3 }, () => new WeakRef({ data: new Array(100_000).fill(0) }));
    // A WeakRef's target lives at least until the end of the job that made it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(refs.map((ref) => ref.deref())).toEqual([undefined, undefined, undefined]);
  });
});

import { getHeapStatistics } from 'node:v8';
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

  it('gives back the pages that only a few live objects kept', () => {
    // A million small objects, one in 64 kept: every page of them keeps some.
    const kept = Array.from({ length: 1_000_000 }, (_, i) => ({ i, s: `x${i}` })).filter((_, i) => i % 64 === 0);
    const before = getHeapStatistics().total_heap_size;
    collectGarbage();
    const after = getHeapStatistics().total_heap_size;
    expect(kept).toHaveLength(15_625);
    expect(after).toBeLessThan(before / 2);
  });
});

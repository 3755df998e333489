import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChangeQueue, mergeEvents, type FileEvent, type FileEventKind } from '../../src/dev/change-queue.js';

describe('mergeEvents', () => {
  it.each<[FileEventKind | undefined, FileEventKind, FileEventKind | undefined]>([
    [undefined, 'change', 'change'],
    ['change', 'change', 'change'],
    ['add', 'change', 'add'],
    ['add', 'unlink', undefined], // a temporary file that came and went
    ['unlink', 'add', 'change'], // an editor's atomic save
    ['change', 'unlink', 'unlink'],
    ['unlink', 'unlink', 'unlink'],
    ['addDir', 'unlinkDir', 'unlinkDir'],
    ['unlinkDir', 'addDir', 'unlinkDir'],
  ])('%s then %s → %s', (a, b, expected) => {
    expect(mergeEvents(a, b)).toBe(expected);
  });
});

describe('ChangeQueue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function queue(options: { quietMs?: number; maxWaitMs?: number } = {}) {
    const batches: FileEvent[][] = [];
    let release: (() => void) | undefined;
    const q = new ChangeQueue({
      quietMs: options.quietMs ?? 50,
      maxWaitMs: options.maxWaitMs ?? 1000,
      process: async (batch) => {
        batches.push(batch);
        await new Promise<void>((resolve) => (release = resolve));
      },
      onError: (e) => {
        throw e;
      },
    });
    return { q, batches, finish: () => release?.() };
  }

  it('coalesces a burst into one batch, one event per path', async () => {
    const { q, batches, finish } = queue();
    q.push({ kind: 'unlink', path: '/s/a.md' });
    await vi.advanceTimersByTimeAsync(10);
    q.push({ kind: 'add', path: '/s/a.md' });
    q.push({ kind: 'add', path: '/s/.a.md.swp' });
    q.push({ kind: 'unlink', path: '/s/.a.md.swp' });
    q.push({ kind: 'change', path: '/s/b.md' });
    await vi.advanceTimersByTimeAsync(49);
    expect(batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(batches).toEqual([
      [
        { kind: 'change', path: '/s/a.md' },
        { kind: 'change', path: '/s/b.md' },
      ],
    ]);
    finish();
    await q.idle();
  });

  it('processes a burst that never goes quiet after maxWaitMs', async () => {
    const { q, batches, finish } = queue({ quietMs: 50, maxWaitMs: 200 });
    for (let i = 0; i < 10; i++) {
      q.push({ kind: 'change', path: `/s/${i}.md` });
      await vi.advanceTimersByTimeAsync(30);
    }
    expect(batches).toHaveLength(1);
    expect(batches[0]?.length).toBeGreaterThanOrEqual(6);
    finish();
  });

  it('keeps events that arrive during a batch for the next one, and settles idle() after both', async () => {
    const { q, batches, finish } = queue();
    q.push({ kind: 'change', path: '/s/a.md' });
    await vi.advanceTimersByTimeAsync(50);
    expect(batches).toHaveLength(1);
    let idle = false;
    void q.idle().then(() => (idle = true));
    q.push({ kind: 'change', path: '/s/b.md' });
    await vi.advanceTimersByTimeAsync(200);
    expect(batches).toHaveLength(1); // still processing the first
    finish();
    await vi.advanceTimersByTimeAsync(50);
    expect(batches).toHaveLength(2);
    expect(batches[1]).toEqual([{ kind: 'change', path: '/s/b.md' }]);
    expect(idle).toBe(false);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(idle).toBe(true);
  });

  it('drops a batch that merged to nothing', async () => {
    const { q, batches } = queue();
    q.push({ kind: 'add', path: '/s/4913' });
    q.push({ kind: 'unlink', path: '/s/4913' });
    await vi.advanceTimersByTimeAsync(100);
    expect(batches).toEqual([]);
    await q.idle();
  });
});

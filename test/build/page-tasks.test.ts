import { describe, expect, it } from 'vitest';
import { pageTasks } from '../../src/build/build-version.js';
import type { PreparedVersion } from '../../src/build/prepare-version.js';

/** Versions as `pageTasks` reads them: their pages' URLs. */
function versions(...urls: string[][]): PreparedVersion[] {
  return urls.map((list) => ({ pages: list.map((url) => ({ url })) }) as unknown as PreparedVersion);
}

const shape = { body: false, documents: true };
const paths = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `/p${from + i}/`);

describe('page tasks', () => {
  it('hands out pages sixteen or a few more at a time, every version of a path in one task', () => {
    // 30 paths in three versions; the oldest lacks the last ten, the newest has five of its own.
    const site = versions([...paths(30), ...paths(5, 100)], paths(30), paths(20));
    const tasks = pageTasks(site, undefined, shape);
    const entries = tasks.flatMap((task) => task.entries);
    expect(entries).toHaveLength(35 + 30 + 20);
    // Each path's versions sit together, in the order the paths first appear.
    const url = (e: { version: number; page: number }) => site[e.version]?.pages[e.page]?.url;
    const order = entries.map(url);
    expect(order.slice(0, 6)).toEqual(['/p0/', '/p0/', '/p0/', '/p1/', '/p1/', '/p1/']);
    for (const task of tasks) {
      const urls = new Set(task.entries.map(url));
      for (const other of tasks) if (other !== task) for (const e of other.entries) expect(urls.has(url(e))).toBe(false);
    }
    // Six paths of three pages, then of two, then the rest.
    expect(tasks.map((task) => task.entries.length)).toEqual([18, 18, 18, 16, 15]);
    expect(tasks[0]).toMatchObject(shape);
  });

  it('takes only the versions asked for', () => {
    const tasks = pageTasks(versions(paths(40), paths(40)), new Set([1]), shape);
    expect(tasks.flatMap((task) => task.entries).every((e) => e.version === 1)).toBe(true);
    expect(tasks.map((task) => task.entries.length)).toEqual([16, 16, 8]);
  });
});

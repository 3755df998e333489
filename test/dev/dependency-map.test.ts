import { describe, expect, it } from 'vitest';
import { DependencyMap } from '../../src/dev/dependency-map.js';

describe('DependencyMap', () => {
  it('answers what depends on a file, and forgets what a page stopped using', () => {
    const map = new DependencyMap();
    map.set('/a/', ['static/v.md', 'static/w.md']);
    map.set('/b/', ['static/v.md']);
    expect(map.dependents('static/v.md').sort()).toEqual(['/a/', '/b/']);
    expect(map.dependents('static/w.md')).toEqual(['/a/']);
    map.set('/a/', ['static/x.md']);
    expect(map.dependents('static/v.md')).toEqual(['/b/']);
    expect(map.dependents('static/w.md')).toEqual([]);
    expect(map.dependenciesOf('/a/')).toEqual(['static/x.md']);
  });

  it('deletes a page entirely', () => {
    const map = new DependencyMap();
    map.set('/a/', ['x']);
    map.delete('/a/');
    expect(map.dependents('x')).toEqual([]);
    expect(map.dependenciesOf('/a/')).toEqual([]);
    map.delete('/nope/');
  });

  it('treats an empty list as no dependencies', () => {
    const map = new DependencyMap();
    map.set('/a/', ['x']);
    map.set('/a/', []);
    expect(map.dependents('x')).toEqual([]);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/cli.js';

/** The budget: the theme's CSS and JavaScript (not the search index) under 60 KB gzipped. */
const BUDGET = 60 * 1024;

describe('the default theme', () => {
  it('ships under 60 KB of CSS and JavaScript, gzipped', () => {
    const dir = path.join(REPO, 'themes/default/assets');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(css|js)$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    const sizes = Object.fromEntries(files.map((f) => [f, gzipSync(readFileSync(path.join(dir, f)), { level: 9 }).length]));
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    console.log(`theme CSS+JS: ${(total / 1024).toFixed(1)} KB gzipped`, sizes);
    expect(total).toBeLessThan(BUDGET);
  });
});

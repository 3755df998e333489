import { describe, expect, it } from 'vitest';
import { errorFirstLine, errorMessage, errorStack } from '../../src/util/error-text.js';

describe('error text', () => {
  it('gives an error’s message, or what was thrown as text', () => {
    expect(errorMessage(new Error('boom\nframe'))).toBe('boom\nframe');
    expect(errorMessage('plain')).toBe('plain');
    expect(errorStack(new TypeError('x'))).toMatch(/^TypeError: x\n\s+at /);
  });

  it('keeps the first line that says something, without a code frame or blank lines above it', () => {
    expect(errorFirstLine(new Error('Unexpected token (3:4)\n> 3 | x =\n    |    ^'))).toBe('Unexpected token (3:4)');
    expect(errorFirstLine(new Error('\n\n  Transform failed: bad syntax  \nframe'))).toBe('Transform failed: bad syntax');
    expect(errorFirstLine('thrown\ntext')).toBe('thrown');
    expect(errorFirstLine(new Error(''))).toBe('unknown error');
  });
});

import { describe, expect, it } from 'vitest';
import { anchorName } from '../../src/transforms/heading-ids.js';

/** Hugo's rule, character by character (markup/goldmark/autoid.go). */
function byCharacter(text: string): string {
  let out = '';
  for (const ch of text.trim()) {
    if (ch === ' ' || ch === '-') out += '-';
    else if (ch === '_' || /[\p{L}\p{Nd}]/u.test(ch)) out += ch.toLowerCase();
  }
  return out;
}

describe('anchorName', () => {
  it("follows Hugo's rule", () => {
    expect(anchorName('  Upgrade to 1.17.x: FAQ & tips  ')).toBe('upgrade-to-117x-faq--tips');
    expect(anchorName('snake_case and-dash')).toBe('snake_case-and-dash');
    expect(anchorName('Über Größe ΟΔΟΣ 42')).toBe('über-größe-οδοσ-42');
    expect(anchorName('tab\there')).toBe('tabhere');
  });

  it('gives what the character-by-character rule gives, for 20,000 random headings', () => {
    const pieces = ['a', 'Z', '9', '_', '-', ' ', '  ', '.', ':', '&', '`', '(', ')', 'é', 'ß', 'Σ', '\t', '→', '1.17.x', 'Gloo'];
    let state = 11;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 20_000; i++) {
      const text = Array.from({ length: Math.floor(next() * 12) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      expect(anchorName(text), JSON.stringify(text)).toBe(byCharacter(text));
    }
  });
});

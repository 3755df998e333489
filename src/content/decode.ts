import type { Place } from '../diagnostics/diagnostic.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

export type Decoded = { ok: true; text: string } | { ok: false; reason: 'binary' | 'encoding'; offset: number };

/**
 * Bytes → text for pages and included files: strict UTF-8 (a broken byte is
 * reported, not silently replaced), a BOM dropped, CRLF kept as is (markdown
 * and the lexer handle it, and offsets stay true to the file).
 */
export function decodeText(bytes: Uint8Array): Decoded {
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, reason: 'binary', offset: nul };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, reason: 'encoding', offset: firstInvalidByte(bytes) };
  }
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** Offset of the first byte that breaks UTF-8, found in one pass. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return 0;
}

/** The line and column (in characters, as editors count them) of a byte of a file that failed to decode. */
export function placeOfByte(bytes: Uint8Array, offset: number): Place {
  let line = 1;
  let lineStart = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const before = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes.subarray(lineStart, offset));
  return { line, column: before.length + 1 };
}

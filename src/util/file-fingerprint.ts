import type { BigIntStats } from 'node:fs';

/**
 * How long after a write a file's size and modification time stop pinning
 * its text down. Timestamps have a coarse resolution: a file written twice
 * within it, at the same size, looks unchanged ("racy git"). A fingerprint
 * taken that soon after a write must not be trusted later.
 */
export const RACY_NS = 2_000_000_000n;

/** Whether a file modified at `mtimeNs` was written too recently for its size and time to vouch for its text. */
export function writtenJustNow(mtimeNs: bigint, nowMs = Date.now()): boolean {
  return mtimeNs > BigInt(nowMs) * 1_000_000n - RACY_NS;
}

/** What tells a file unchanged without reading it: its size, modification time and inode. */
export function statFingerprint(stat: BigIntStats): string {
  return `${stat.size}:${stat.mtimeNs}:${stat.ino}`;
}

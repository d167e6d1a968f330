import { describe, expect, it } from 'vitest';
import { flzCompressLength } from './fastlz';

/**
 * Lengths worked out by hand from FastLZ level 1's rules (a literal run costs its length plus one
 * byte per 32; a match costs 2 bytes, 3 when longer than 8, plus 3 per 262 bytes; the scan stops 13
 * bytes before the end and the tail is literal). The on-chain GasPriceOracle is the oracle for real
 * transactions: see op-stack.integration.test.ts.
 */
describe('flzCompressLength', () => {
  it('is 0 for no input and a single literal run for inputs too short to search', () => {
    expect(flzCompressLength(new Uint8Array())).toBe(0);
    expect(flzCompressLength(new Uint8Array(12).fill(7))).toBe(13);
  });

  it('splits a literal run every 32 bytes when nothing repeats', () => {
    const distinct = Uint8Array.from({ length: 40 }, (_, i) => i);
    // 40 literals: one full run of 32 (33 bytes) and one of 8 (9 bytes).
    expect(flzCompressLength(distinct)).toBe(42);
  });

  it('encodes a run of zeros as 2 literals, one long match and a literal tail', () => {
    // 100 zeros: literals [0,1] (3 bytes); match from position 2 of length 91, counted as 90 → 3 bytes;
    // tail of 5 literals (6 bytes).
    expect(flzCompressLength(new Uint8Array(100))).toBe(12);
    // 1000 zeros: match of 991 → 990 = 3×262 + 204 → 9 + 3 bytes; same head and tail.
    expect(flzCompressLength(new Uint8Array(1000))).toBe(21);
  });
});

import { type Hex, hexToBytes } from 'viem';

type FromHex = (hex: string) => Uint8Array;
/** `Uint8Array.fromHex` (TC39, in current browsers): native and strict. Absent on Node 20. */
const nativeFromHex = (Uint8Array as unknown as { fromHex?: FromHex }).fromHex;
/** Node's Buffer: native, but lenient (it stops at the first bad digit), so its length is checked. */
const nodeBuffer = (globalThis as unknown as { Buffer?: { from: (s: string, enc: 'hex') => Uint8Array } })
  .Buffer;

/**
 * Hex to bytes for decoding answers: a native conversion where the runtime has one (viem's own loop was
 * the largest single cost of decoding a big account: 294 of 2,013 ms of a 500-position read), and
 * viem's `hexToBytes` otherwise, or whenever the input is not even-length, well-formed hex (it throws
 * on bad digits as before).
 */
export function hexBytes(hex: Hex): Uint8Array {
  const digits = hex.slice(2);
  if (digits.length % 2 === 0) {
    if (nativeFromHex) {
      try {
        return nativeFromHex(digits);
      } catch {
        return hexToBytes(hex);
      }
    }
    if (nodeBuffer) {
      const bytes = nodeBuffer.from(digits, 'hex');
      if (bytes.length * 2 === digits.length) return bytes;
    }
  }
  return hexToBytes(hex);
}

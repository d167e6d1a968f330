import type { Address, Hex } from 'viem';

/**
 * Decoders for round 1's two answers, straight on the hex string: the dispatcher's `Outcome` and a lens's
 * `Record[]`. A big account's round 1 is megabytes of these; slicing the string (no byte arrays, no decoded
 * copies of every word) keeps that cheap. Every offset and length is checked against the data, so a
 * malformed answer throws instead of reading past its end. Tested against viem's own ABI encoder
 * (`decode.test.ts`).
 */

class Reader {
  private readonly bytes: number;
  constructor(private readonly hex: Hex) {
    if (!/^0x([0-9a-fA-F]{2})*$/.test(hex.length > 200_000 ? hex.slice(0, 200) : hex))
      throw new Error('round 1: not hex data');
    this.bytes = (hex.length - 2) / 2;
  }
  private check(at: number, length: number): void {
    if (!Number.isSafeInteger(at) || at < 0 || length < 0 || at + length > this.bytes)
      throw new Error(`round 1: answer cut short (needs ${at + length} bytes, has ${this.bytes})`);
  }
  /** A 32-byte word as a number (offsets, lengths, small integers). */
  small(at: number): number {
    this.check(at, 32);
    const head = this.hex.slice(2 + at * 2, 2 + at * 2 + 48);
    if (!/^0*$/.test(head)) throw new Error(`round 1: offset or length too large at byte ${at}`);
    return Number.parseInt(this.hex.slice(2 + at * 2 + 48, 2 + at * 2 + 64), 16);
  }
  big(at: number): bigint {
    this.check(at, 32);
    return BigInt(`0x${this.hex.slice(2 + at * 2, 2 + at * 2 + 64)}`);
  }
  flag(at: number): boolean {
    return this.big(at) !== 0n;
  }
  address(at: number): Address {
    this.check(at, 32);
    return `0x${this.hex.slice(2 + (at + 12) * 2, 2 + (at + 32) * 2).toLowerCase()}`;
  }
  /** ABI `bytes` whose length word is at `at`. */
  bytesAt(at: number): Hex {
    const length = this.small(at);
    this.check(at + 32, length);
    return `0x${this.hex.slice(2 + (at + 32) * 2, 2 + (at + 32 + length) * 2).toLowerCase()}`;
  }
}

export interface DecodedRecord {
  target: Address;
  callData: Hex;
  success: boolean;
  returnData: Hex;
}

/** `abi.encode(Record[])`, as a lens returns it: targets lower-case. */
export function decodeRecords(hex: Hex): DecodedRecord[] {
  const r = new Reader(hex);
  const array = r.small(0);
  const length = r.small(array);
  const items = array + 32;
  const out: DecodedRecord[] = [];
  for (let i = 0; i < length; i++) {
    const t = items + r.small(items + 32 * i);
    out.push({
      target: r.address(t),
      callData: r.bytesAt(t + r.small(t + 32)),
      success: r.flag(t + 64),
      returnData: r.bytesAt(t + r.small(t + 96)),
    });
  }
  return out;
}

export interface DecodedOutcome {
  blockNumber: bigint;
  timestamp: bigint;
  ok: boolean[];
  outputs: Hex[];
}

/** The dispatcher's answer: `(uint256 blockNumber, uint256 timestamp, bool[] ok, bytes[] outputs)` as one tuple. */
export function decodeOutcome(hex: Hex): DecodedOutcome {
  const r = new Reader(hex);
  const t = r.small(0);
  const okAt = t + r.small(t + 64);
  const outputsAt = t + r.small(t + 96);
  const okLength = r.small(okAt);
  const ok = Array.from({ length: okLength }, (_, i) => r.flag(okAt + 32 + 32 * i));
  const outLength = r.small(outputsAt);
  const heads = outputsAt + 32;
  const outputs = Array.from({ length: outLength }, (_, i) => r.bytesAt(heads + r.small(heads + 32 * i)));
  return { blockNumber: r.big(t), timestamp: r.big(t + 32), ok, outputs };
}

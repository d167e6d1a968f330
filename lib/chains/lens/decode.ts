import type { Address, Hex } from 'viem';

/**
 * Decoders for round 1's answers, straight on the hex string: the dispatcher's `Outcome` and a lens's packed
 * records. A big account's round 1 is megabytes of these; slicing the string (no byte arrays, no decoded
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
    return `0x${this.hex.slice(2 + (at + 32) * 2, 2 + (at + 32 + length) * 2)}`;
  }
}

export interface DecodedRecord {
  target: Address;
  callData: Hex;
  success: boolean;
  returnData: Hex;
}

/** Reads the packed fields of a lens's answer in order, each checked against what is left. */
class Packed {
  private at = 2;
  constructor(private readonly hex: Hex) {
    if (hex.length % 2 !== 0 || !/^0x[0-9a-fA-F]*$/.test(hex.length > 200_000 ? hex.slice(0, 200) : hex))
      throw new Error('round 1: not hex data');
  }
  get done(): boolean {
    return this.at >= this.hex.length;
  }
  private take(bytes: number): string {
    const end = this.at + bytes * 2;
    if (end > this.hex.length)
      throw new Error(
        `round 1: answer cut short (needs ${(end - 2) / 2} bytes, has ${(this.hex.length - 2) / 2})`,
      );
    const out = this.hex.slice(this.at, end);
    this.at = end;
    return out;
  }
  address(): Address {
    return `0x${this.take(20).toLowerCase()}`;
  }
  flag(): boolean {
    const f = this.take(1);
    if (f !== '00' && f !== '01') throw new Error(`round 1: success flag ${f} is neither 0 nor 1`);
    return f === '01';
  }
  /** A 3-byte length, then that many bytes. */
  data(): Hex {
    const length = Number.parseInt(this.take(3), 16);
    if (!Number.isSafeInteger(length)) throw new Error('round 1: bad length');
    return `0x${this.take(length)}`;
  }
}

/**
 * A lens's records as `Recorder.done` packs them: `target (20) | calldata length (3) | calldata | success (1)
 * | return length (3) | return data` each. Targets lower-case; data as sent (callers key them case-blind).
 */
export function decodePackedRecords(hex: Hex): DecodedRecord[] {
  const r = new Packed(hex);
  const out: DecodedRecord[] = [];
  while (!r.done) {
    const target = r.address();
    const callData = r.data();
    const success = r.flag();
    out.push({ target, callData, success, returnData: r.data() });
  }
  return out;
}

/** Plain calls' outcomes as `Recorder.results` packs them (`success (1) | length (3) | data` each), with their calls. */
export function decodePackedResults(
  hex: Hex,
  calls: readonly { target: Address; callData: Hex }[],
): DecodedRecord[] {
  const r = new Packed(hex);
  const out = calls.map((c) => {
    const success = r.flag();
    return { target: c.target, callData: c.callData, success, returnData: r.data() };
  });
  if (!r.done) throw new Error('round 1: more outcomes than calls');
  return out;
}

/** Plain calls as the dispatcher takes them: `target (20) | calldata length (3) | calldata` each. */
export function packCalls(calls: readonly { target: Address; callData: Hex }[]): Hex {
  const parts = ['0x'];
  for (const c of calls) {
    const length = (c.callData.length - 2) / 2;
    if (!Number.isInteger(length) || length >= 2 ** 24)
      throw new Error(`calldata of ${c.target} cannot be packed`);
    parts.push(c.target.slice(2), length.toString(16).padStart(6, '0'), c.callData.slice(2));
  }
  return parts.join('') as Hex;
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

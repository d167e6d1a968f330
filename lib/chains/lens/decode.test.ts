import { encodeAbiParameters, type Hex, parseAbiParameters } from 'viem';
import { describe, expect, it } from 'vitest';
import { decodeOutcome, decodePackedRecords, decodePackedResults, packCalls } from './decode';

const outcomeParams = parseAbiParameters(
  '(uint256 blockNumber, uint256 timestamp, bool[] ok, bytes[] outputs)',
);

/** A deterministic pseudo-random source, so a failure reproduces. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function randomHex(next: () => number, maxBytes: number): Hex {
  const n = Math.floor(next() * maxBytes);
  return `0x${Array.from({ length: n }, () =>
    Math.floor(next() * 256)
      .toString(16)
      .padStart(2, '0'),
  ).join('')}`;
}

const bytes3 = (n: number) => n.toString(16).padStart(6, '0');

describe('round 1 decoders (against viem’s ABI encoder)', () => {
  it('decode packed records exactly as packed, empty data and odd lengths included', () => {
    const next = rng(7);
    for (let round = 0; round < 20; round++) {
      const records = Array.from({ length: Math.floor(next() * 30) }, () => ({
        target: randomHex(next, 0).padEnd(42, 'a').slice(0, 42) as Hex,
        callData: randomHex(next, 200),
        success: next() > 0.3,
        returnData: randomHex(next, 500),
      }));
      // Recorder.sol's layout, written out field by field.
      const packed = `0x${records
        .map((r) =>
          [
            r.target.slice(2),
            bytes3((r.callData.length - 2) / 2),
            r.callData.slice(2),
            r.success ? '01' : '00',
            bytes3((r.returnData.length - 2) / 2),
            r.returnData.slice(2),
          ].join(''),
        )
        .join('')}` as Hex;
      expect(decodePackedRecords(packed)).toEqual(
        records.map((r) => ({ ...r, target: r.target.toLowerCase() })),
      );
      const outcomes = `0x${records
        .map(
          (r) => `${r.success ? '01' : '00'}${bytes3((r.returnData.length - 2) / 2)}${r.returnData.slice(2)}`,
        )
        .join('')}` as Hex;
      expect(decodePackedResults(outcomes, records)).toEqual(records);
      expect(packCalls(records)).toBe(
        `0x${records.map((r) => r.target.slice(2) + bytes3((r.callData.length - 2) / 2) + r.callData.slice(2)).join('')}`,
      );
    }
  });

  it('decode the dispatcher’s Outcome exactly as encoded', () => {
    const next = rng(11);
    for (let round = 0; round < 20; round++) {
      const n = Math.floor(next() * 12);
      const outcome = {
        blockNumber: BigInt(Math.floor(next() * 1e12)),
        timestamp: 1_800_000_000n + BigInt(round),
        ok: Array.from({ length: n }, () => next() > 0.5),
        outputs: Array.from({ length: n }, () => randomHex(next, 2_000)),
      };
      expect(decodeOutcome(encodeAbiParameters(outcomeParams, [outcome]))).toEqual(outcome);
    }
  });

  it('refuses an answer cut short, a bad flag or outcomes that do not match the calls, instead of reading beyond', () => {
    const packed = `0x${'aa'.repeat(20)}000002123401000001ff` as Hex;
    expect(decodePackedRecords(packed)).toHaveLength(1);
    expect(() => decodePackedRecords(packed.slice(0, -2) as Hex)).toThrow(/cut short/);
    expect(() => decodePackedRecords(`0x${'aa'.repeat(20)}000002123402000001ff`)).toThrow(/flag/);
    const call = { target: '0x00000000000000000000000000000000000000aa' as Hex, callData: '0x1234' as Hex };
    expect(() => decodePackedResults('0x01000001ff01000000', [call])).toThrow(/more outcomes/);
    expect(() => decodePackedResults('0x01000001ff', [call, call])).toThrow(/cut short/);
    expect(() => decodeOutcome('0x1234')).toThrow(/cut short/);
    const outcome = encodeAbiParameters(outcomeParams, [
      { blockNumber: 1n, timestamp: 2n, ok: [true], outputs: ['0x12'] },
    ]);
    // The `ok` array's offset (the tuple's third word) pointing far past the end.
    const huge = `0x${outcome.slice(2, 194)}${'f'.repeat(64)}${outcome.slice(258)}` as Hex;
    expect(() => decodeOutcome(huge)).toThrow(/too large/);
  });
});

import { encodeAbiParameters, type Hex, parseAbiParameters } from 'viem';
import { describe, expect, it } from 'vitest';
import { decodeOutcome, decodeRecords } from './decode';

const recordsParams = parseAbiParameters(
  '(address target, bytes callData, bool success, bytes returnData)[]',
);
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

describe('round 1 decoders (against viem’s ABI encoder)', () => {
  it('decode Record[] exactly as encoded, empty data and odd lengths included', () => {
    const next = rng(7);
    for (let round = 0; round < 20; round++) {
      const records = Array.from({ length: Math.floor(next() * 30) }, () => ({
        target: randomHex(next, 0).padEnd(42, 'a').slice(0, 42) as Hex,
        callData: randomHex(next, 200),
        success: next() > 0.3,
        returnData: randomHex(next, 500),
      }));
      const encoded = encodeAbiParameters(recordsParams, [records]);
      expect(decodeRecords(encoded)).toEqual(
        records.map((r) => ({ ...r, target: r.target.toLowerCase(), callData: r.callData.toLowerCase() })),
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

  it('refuses an answer cut short or pointing past its end, instead of reading beyond it', () => {
    const encoded = encodeAbiParameters(recordsParams, [
      [
        {
          target: '0x00000000000000000000000000000000000000aa',
          callData: '0x1234',
          success: true,
          returnData: '0xff',
        },
      ],
    ]);
    expect(() => decodeRecords(encoded.slice(0, encoded.length - 64) as Hex)).toThrow(/cut short/);
    const huge = `0x${'f'.repeat(64)}${encoded.slice(66)}` as Hex;
    expect(() => decodeRecords(huge)).toThrow(/too large/);
    expect(() => decodeOutcome('0x1234')).toThrow(/cut short/);
  });
});

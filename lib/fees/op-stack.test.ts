import { parseGwei } from 'viem';
import { describe, expect, it } from 'vitest';
import { fjordEstimatedSizeScaled, l1FeeEcotone, l1FeeFjord } from './op-stack';

const params = {
  l1BaseFee: parseGwei('2'),
  blobBaseFee: parseGwei('1'),
  baseFeeScalar: 5_227n,
  blobBaseFeeScalar: 1_014_213n,
};

describe('OP Stack L1 fee formulas', () => {
  it('prices a small transaction at Fjord’s 100-byte floor', () => {
    // 10 zero bytes: FastLZ 11 + 68 = 79 → −42,585,600 + 836,500×79 < 100e6, so the floor applies.
    const tx = '0x00000000000000000000' as const;
    expect(fjordEstimatedSizeScaled(tx)).toBe(100_000_000n);
    // 100e6 × (5227×16×2e9 + 1,014,213×1e9) / 1e12 = 1e-4 × 1,181,477e9
    expect(l1FeeFjord(tx, params)).toBe(118_147_700_000n);
  });

  it('uses the linear regression above the floor', () => {
    // 200 distinct bytes (i mod 256 never repeats a 3-byte sequence): FastLZ = 200 + 7 run bytes = 207.
    const bytes = Array.from({ length: 200 }, (_, i) => i.toString(16).padStart(2, '0')).join('');
    const tx = `0x${bytes}` as const;
    const size = -42_585_600n + 836_500n * (207n + 68n);
    expect(fjordEstimatedSizeScaled(tx)).toBe(size);
    expect(l1FeeFjord(tx, params)).toBe((size * 1_181_477_000_000_000n) / 10n ** 12n);
  });

  it('charges Ecotone’s calldata gas (4 per zero byte, 16 per other byte, plus 68 signature bytes)', () => {
    const tx = '0x0001ff00' as const;
    const gas = 2n * 4n + 2n * 16n + 68n * 16n;
    expect(l1FeeEcotone(tx, params)).toBe((gas * 1_181_477_000_000_000n) / (16n * 10n ** 6n));
  });
});

import { describe, expect, it } from 'vitest';
import { feesOverWindow, lpShare, pendingFees, rewardApr, stakedValueUsdE18 } from './math';

const E18 = 10n ** 18n;

describe('velodrome math', () => {
  it('LP share is reserve × balance ÷ supply, unknown on zero supply', () => {
    expect(lpShare(1_000n, 25n, 100n)).toBe(250n);
    expect(lpShare(1_000n, 1n, 3n)).toBe(333n);
    expect(lpShare(1_000n, 5n, 0n)).toBeNull();
  });

  it('pending fees add the index growth since the account last checkpointed', () => {
    expect(pendingFees(7n, 2n * E18, 5n * E18, 3n * E18)).toBe(7n + 4n * E18);
    // an index that is behind the checkpoint (never in a real pool) adds nothing
    expect(pendingFees(7n, E18, E18, 2n * E18)).toBe(7n);
    expect(feesOverWindow(3n * E18, 10n, 4n)).toBe(18n);
    expect(feesOverWindow(E18, 1n, 2n)).toBeNull();
  });

  it('reward APR: 1 token/s at $0.10 on $3.1536M staked is 100 %', () => {
    // pool worth $6.3072M, half of its LP staked
    const input = {
      rewardRate: E18,
      rewardPriceUsdE18: E18 / 10n,
      rewardDecimals: 18,
      gaugeTotalSupply: 50n,
      poolTotalSupply: 100n,
      poolValueUsdE18: 6_307_200n * E18,
    };
    expect(stakedValueUsdE18(input)).toBe(3_153_600n * E18);
    expect(rewardApr(input)).toBeCloseTo(1, 9);
    expect(rewardApr({ ...input, gaugeTotalSupply: 0n })).toBeNull();
    expect(rewardApr({ ...input, poolValueUsdE18: 0n })).toBeNull();
  });
});

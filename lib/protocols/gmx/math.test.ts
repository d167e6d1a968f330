import { describe, expect, it } from 'vitest';
import { trackerApr } from './math';

const e18 = 10n ** 18n;

describe('trackerApr', () => {
  it('is the share of yearly rewards, at the reward price, over the position value', () => {
    // 1 WETH a day to 1,000 staked; the account holds 100 of them, worth $1,400; WETH at $3,000.
    const apr = trackerApr({
      tokensPerInterval: e18 / 86_400n,
      totalSupply: 1000n * e18,
      stake: 100n * e18,
      rewardDecimals: 18,
      rewardPriceE18: 3000n * e18,
      positionUsdE18: 1400n * e18,
    });
    // Worked by hand: 365 WETH/yr × 10 % × $3,000 = $109,500 a year on $1,400.
    expect(apr).toBeCloseTo((365 * 0.1 * 3000) / 1400, 4);
  });

  it('is unknown, never infinite, for a tracker with zero supply or a position worth nothing', () => {
    const base = { tokensPerInterval: 1n, stake: 0n, rewardDecimals: 18, rewardPriceE18: e18 };
    expect(trackerApr({ ...base, totalSupply: 0n, positionUsdE18: e18 })).toBeNull();
    expect(trackerApr({ ...base, totalSupply: e18, positionUsdE18: 0n })).toBeNull();
  });
});

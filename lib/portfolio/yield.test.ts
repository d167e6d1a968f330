import { describe, expect, it } from 'vitest';
import {
  annualisedGrowth,
  compoundedApy,
  knownZeroYield,
  perSecondApy,
  yearlyIncome,
  yieldFromComponents,
} from './yield';

describe('the yield convention', () => {
  it('compounds a simple rate as (1 + r/n)^n − 1, and a cost compounds as a cost', () => {
    expect(compoundedApy(0.12, 12)).toBeCloseTo(1.01 ** 12 - 1, 12);
    expect(compoundedApy(-0.12, 12)).toBeCloseTo(-(1.01 ** 12 - 1), 12);
    expect(compoundedApy(0, 12)).toBe(0);
    // Per-second compounding approaches e^r − 1.
    expect(perSecondApy(0.05)).toBeCloseTo(Math.exp(0.05) - 1, 8);
    expect(compoundedApy(Number.NaN, 12)).toBeNull();
  });

  it('annualises a ratio over a window, never to ∞ or NaN', () => {
    expect(annualisedGrowth(1.001, 86_400)).toBeCloseTo(0.365, 12);
    expect(annualisedGrowth(0.99, 31_536_000)).toBeCloseTo(-0.01, 12);
    expect(annualisedGrowth(1.1, 0)).toBeNull();
    expect(annualisedGrowth(Number.POSITIVE_INFINITY, 60)).toBeNull();
    expect(annualisedGrowth(0, 60)).toBeNull();
  });

  it('sums components by side, and keeps a known zero apart from unknown', () => {
    const y = yieldFromComponents(
      [
        { side: 'base', apr: 0.02, label: 'supply', window: 'current rate', source: 'Aave' },
        { side: 'base', apr: 0.03, label: 'staking', window: '7d', source: 'rate feed' },
        {
          side: 'reward',
          apr: 0.01,
          label: 'OP incentives',
          window: 'current rate',
          source: 'RewardsController',
          reward: { token: 'native', symbol: 'OP', priceSource: 'OP/USD' },
        },
      ],
      { compounds: true, window: '7d', source: 'components' },
    );
    expect(y.baseApr).toBeCloseTo(0.05, 15);
    expect(y.rewardApr).toBeCloseTo(0.01, 15);
    expect(y.rewards?.map((r) => r.symbol)).toEqual(['OP']);
    const zero = knownZeroYield('ETH earns nothing by being held');
    expect([zero.baseApr, zero.rewardApr]).toEqual([0, 0]);
  });

  it('takes income from the absolute value: a debt at a negative rate costs', () => {
    expect(yearlyIncome(-1000, { baseApr: -0.05, rewardApr: 0.01 })).toEqual({ base: -50, reward: 10 });
    expect(yearlyIncome(1000, { baseApr: 0.05, rewardApr: 0 })).toEqual({ base: 50, reward: 0 });
  });
});

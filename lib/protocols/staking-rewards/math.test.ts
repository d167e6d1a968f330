import { describe, expect, it } from 'vitest';
import { SECONDS_PER_YEAR } from '../../portfolio/yield';
import { USD_UNIT } from '../../prices/types';
import { farmRewardApr } from './math';

const base: Parameters<typeof farmRewardApr>[0] = {
  rewardRate: 10n ** 18n, // 1 token/s
  periodFinish: 2_000n,
  blockTimestamp: 1_000n,
  totalStaked: 10n ** 18n,
  totalStakedUsdE18: 1_000_000n * USD_UNIT,
  rewardUsdE18: 2n * USD_UNIT,
  rewardDecimals: 18,
  rewardSymbol: 'R',
};

describe('farm reward APR', () => {
  it('is rate × year × price ÷ value staked', () => {
    const v = farmRewardApr(base);
    expect(v.ok && v.apr).toBeCloseTo((SECONDS_PER_YEAR * 2) / 1_000_000, 12);
  });
  it('says why there is none, in words', () => {
    const reason = (o: Partial<Parameters<typeof farmRewardApr>[0]>) => {
      const v = farmRewardApr({ ...base, ...o });
      return v.ok ? null : v.reason;
    };
    expect(reason({ periodFinish: 500n })).toMatch(/reward period ended 1970-01-01/);
    expect(reason({ periodFinish: 0n })).toMatch(/no reward period has been started/);
    expect(reason({ totalStaked: 0n })).toMatch(/nothing is staked/);
    expect(reason({ rewardUsdE18: null })).toMatch(/R has no price/);
    expect(reason({ totalStakedUsdE18: null })).toMatch(/staked token has no price/);
    expect(reason({ totalStakedUsdE18: 999n * USD_UNIT })).toMatch(/unreliable \(tiny stake\)/);
  });
});

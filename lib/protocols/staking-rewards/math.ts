import { SECONDS_PER_YEAR } from '../../portfolio/yield';
import { USD_UNIT } from '../../prices/types';

/** Below this much staked in the whole farm a reward APR says more about the denominator than the farm. */
export const TINY_STAKE_USD_E18 = 1_000n * USD_UNIT;

export type RewardAprVerdict = { ok: true; apr: number } | { ok: false; reason: string };

/**
 * Reward APR of a farm on its whole stake: rewardRate × seconds per year × reward price ÷ value staked,
 * with the cases in which no rate can honestly be given said in words.
 */
export function farmRewardApr(input: {
  rewardRate: bigint;
  periodFinish: bigint;
  blockTimestamp: bigint;
  totalStaked: bigint;
  totalStakedUsdE18: bigint | null;
  rewardUsdE18: bigint | null;
  rewardDecimals: number | null;
  rewardSymbol: string;
}): RewardAprVerdict {
  if (input.periodFinish <= input.blockTimestamp) {
    const when =
      input.periodFinish === 0n
        ? 'no reward period has been started'
        : `the reward period ended ${new Date(Number(input.periodFinish) * 1000).toISOString().slice(0, 10)}`;
    return { ok: false, reason: `${when}: the farm pays no emissions now` };
  }
  if (input.totalStaked === 0n)
    return { ok: false, reason: 'nothing is staked in this farm, so there is no rate per staked dollar' };
  if (input.rewardUsdE18 === null || input.rewardDecimals === null)
    return {
      ok: false,
      reason: `the reward token ${input.rewardSymbol} has no price, so its emissions cannot be valued`,
    };
  if (input.totalStakedUsdE18 === null)
    return { ok: false, reason: 'the staked token has no price, so the stake cannot be valued' };
  if (input.totalStakedUsdE18 < TINY_STAKE_USD_E18)
    return { ok: false, reason: 'unreliable (tiny stake): under $1,000 is staked in the whole farm' };
  const yearlyUsdE18 =
    (input.rewardRate * BigInt(SECONDS_PER_YEAR) * input.rewardUsdE18) / 10n ** BigInt(input.rewardDecimals);
  // Ratio kept exact to 1e-12 before the one conversion to a float.
  const apr = Number((yearlyUsdE18 * 10n ** 12n) / input.totalStakedUsdE18) / 1e12;
  return { ok: true, apr };
}

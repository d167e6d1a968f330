import { SECONDS_PER_YEAR } from '../../portfolio/yield';

const YEAR = BigInt(SECONDS_PER_YEAR);
const SCALE = 10n ** 12n;

export interface TrackerAprInput {
  /** Reward per second for the whole tracker, base units. */
  tokensPerInterval: bigint;
  totalSupply: bigint;
  /** The account's stake in the tracker. */
  stake: bigint;
  rewardDecimals: number;
  /** USD per whole reward token, 18 decimals. */
  rewardPriceE18: bigint;
  /** What the account's position is worth (USD, 18 decimals): the rate's denominator. */
  positionUsdE18: bigint;
}

/**
 * The account's simple annual rate from one tracker: its share of the tracker's yearly rewards
 * (`tokensPerInterval × year × stake ÷ supply`), valued at the reward's price, over the position's value.
 * Null when the tracker has no supply (no rate per staked token exists) or the position has no value.
 */
export function trackerApr(i: TrackerAprInput): number | null {
  if (i.totalSupply <= 0n || i.positionUsdE18 <= 0n) return null;
  const yearlyUsdE18 =
    (i.tokensPerInterval * YEAR * i.stake * i.rewardPriceE18) /
    (i.totalSupply * 10n ** BigInt(i.rewardDecimals));
  return Number((yearlyUsdE18 * SCALE) / i.positionUsdE18) / Number(SCALE);
}

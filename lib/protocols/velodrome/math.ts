/**
 * Velodrome V2's figures in bigint: what an LP balance is worth in the pool's tokens, the trading fees an
 * unstaked balance has accrued, and the two yields (fee growth per LP token; gauge emissions per value
 * staked). Floats appear only at the end, for the annual rates.
 */
import { SECONDS_PER_YEAR } from '../../portfolio/yield';

export const E18 = 10n ** 18n;
/** Below this value staked in a gauge (USD, 18 decimals), an emissions APR is not trusted. */
export const TINY_STAKE_USD_E18 = 1_000n * E18;

/** A balance's share of a reserve: reserve × balance ÷ totalSupply (rounded down); null on zero supply. */
export function lpShare(reserve: bigint, balance: bigint, totalSupply: bigint): bigint | null {
  if (totalSupply <= 0n) return null;
  return (reserve * balance) / totalSupply;
}

/**
 * Trading fees an unstaked LP balance can claim (Velodrome Pool `_updateFor`):
 * claimable + balance × (index − supplyIndex) ÷ 1e18.
 */
export function pendingFees(claimable: bigint, balance: bigint, index: bigint, supplyIndex: bigint): bigint {
  const delta = index > supplyIndex ? index - supplyIndex : 0n;
  return claimable + (balance * delta) / E18;
}

/** Fees a balance earned while the pool's fee index went from `past` to `now` (base units). */
export function feesOverWindow(balance: bigint, now: bigint, past: bigint): bigint | null {
  if (now < past) return null;
  return (balance * (now - past)) / E18;
}

/** A rate in parts per billion as a fraction; null on a zero denominator. */
function ratio(num: bigint, den: bigint): number | null {
  if (den <= 0n) return null;
  return Number((num * 1_000_000_000n) / den) / 1e9;
}

export interface RewardAprInput {
  /** Reward token per second (base units). */
  rewardRate: bigint;
  /** USD per whole reward token, 18 decimals. */
  rewardPriceUsdE18: bigint;
  rewardDecimals: number;
  /** LP staked in the gauge. */
  gaugeTotalSupply: bigint;
  poolTotalSupply: bigint;
  /** USD value of the pool's reserves, 18 decimals. */
  poolValueUsdE18: bigint;
}

/** USD (18 decimals) of everything staked in a gauge: gauge.totalSupply × value of one LP token. */
export function stakedValueUsdE18(
  i: Pick<RewardAprInput, 'gaugeTotalSupply' | 'poolTotalSupply' | 'poolValueUsdE18'>,
): bigint | null {
  if (i.poolTotalSupply <= 0n) return null;
  return (i.gaugeTotalSupply * i.poolValueUsdE18) / i.poolTotalSupply;
}

/**
 * Emissions APR of staked LP: rewardRate × 31,536,000 × price ÷ (gauge.totalSupply × value of one staked
 * LP token). Null when nothing is staked or the pool is worth nothing (never ∞).
 */
export function rewardApr(i: RewardAprInput): number | null {
  const yearlyUsdE18 =
    (i.rewardRate * BigInt(SECONDS_PER_YEAR) * i.rewardPriceUsdE18) / 10n ** BigInt(i.rewardDecimals);
  // gauge.totalSupply × poolValue ÷ poolTotalSupply, kept as a fraction to avoid rounding small stakes to 0.
  const num = yearlyUsdE18 * i.poolTotalSupply;
  const den = i.gaugeTotalSupply * i.poolValueUsdE18;
  return ratio(num, den);
}

export interface ClRewardAprInput {
  /** Reward token per second (base units), paid to the pool's staked liquidity in range. */
  rewardRate: bigint;
  rewardPriceUsdE18: bigint;
  rewardDecimals: number;
  /** The pool's staked liquidity in range at the read block (`stakedLiquidity()`). */
  stakedLiquidity: bigint;
  /** The position's liquidity and USD value (18 decimals): the value of one unit of liquidity in its range. */
  liquidity: bigint;
  positionValueUsdE18: bigint;
}

/**
 * USD (18 decimals) of the pool's staked liquidity in range, each unit valued as the position's own:
 * stakedLiquidity × positionValue ÷ liquidity. Null without liquidity.
 */
export function clStakedValueUsdE18(
  i: Pick<ClRewardAprInput, 'stakedLiquidity' | 'liquidity' | 'positionValueUsdE18'>,
): bigint | null {
  if (i.liquidity <= 0n) return null;
  return (i.stakedLiquidity * i.positionValueUsdE18) / i.liquidity;
}

/**
 * Emissions APR of a staked Slipstream position in range: rewardRate × 31,536,000 × price ÷ value of the
 * staked liquidity in range (the position earns rewardRate × liquidity ÷ stakedLiquidity). Null when
 * nothing is staked in range or the position is worth nothing (never ∞).
 */
export function clRewardApr(i: ClRewardAprInput): number | null {
  const yearlyUsdE18 =
    (i.rewardRate * BigInt(SECONDS_PER_YEAR) * i.rewardPriceUsdE18) / 10n ** BigInt(i.rewardDecimals);
  return ratio(yearlyUsdE18 * i.liquidity, i.stakedLiquidity * i.positionValueUsdE18);
}

/**
 * Aave V3 arithmetic in bigint, written after the protocol's own Solidity (core-v3 `WadRayMath`,
 * `MathUtils`, `ReserveLogic`, `ReserveConfiguration`) so that balances computed off-chain from a
 * lens's scaled balances are the very numbers the tokens' `balanceOf` returns at the same block.
 */

export const WAD = 10n ** 18n;
export const RAY = 10n ** 27n;
const HALF_RAY = RAY / 2n;
export const SECONDS_PER_YEAR = 31_536_000n;
/** Basis points: 10000 = 100 %. */
export const PERCENTAGE_FACTOR = 10_000n;

/** `a × b / RAY`, rounded half up (WadRayMath.rayMul). */
export function rayMul(a: bigint, b: bigint): bigint {
  return (a * b + HALF_RAY) / RAY;
}

/** `a^n` in RAY by squaring, each step rounded half up. */
export function rayPow(a: bigint, n: bigint): bigint {
  let x = a;
  let z = n % 2n === 0n ? RAY : a;
  for (let m = n / 2n; m > 0n; m /= 2n) {
    x = rayMul(x, x);
    if (m % 2n !== 0n) z = rayMul(z, x);
  }
  return z;
}

/** MathUtils.calculateLinearInterest: what the liquidity index grows by since the last update. */
export function linearInterest(rateRay: bigint, lastUpdate: bigint, now: bigint): bigint {
  const elapsed = now > lastUpdate ? now - lastUpdate : 0n;
  return RAY + (rateRay * elapsed) / SECONDS_PER_YEAR;
}

/**
 * MathUtils.calculateCompoundedInterest: the three-term binomial approximation of per-second
 * compounding that the protocol applies to debt, with the contract's own integer divisions.
 */
export function compoundedInterest(rateRay: bigint, lastUpdate: bigint, now: bigint): bigint {
  const exp = now > lastUpdate ? now - lastUpdate : 0n;
  if (exp === 0n) return RAY;
  const expMinusOne = exp - 1n;
  const expMinusTwo = exp > 2n ? exp - 2n : 0n;
  const basePowerTwo = rayMul(rateRay, rateRay) / (SECONDS_PER_YEAR * SECONDS_PER_YEAR);
  const basePowerThree = rayMul(basePowerTwo, rateRay) / SECONDS_PER_YEAR;
  const secondTerm = (exp * expMinusOne * basePowerTwo) / 2n;
  const thirdTerm = (exp * expMinusOne * expMinusTwo * basePowerThree) / 6n;
  return RAY + (rateRay * exp) / SECONDS_PER_YEAR + secondTerm + thirdTerm;
}

/** The reserve fields the index arithmetic needs. */
export interface ReserveIndexes {
  liquidityIndex: bigint;
  variableBorrowIndex: bigint;
  liquidityRate: bigint;
  variableBorrowRate: bigint;
  lastUpdateTimestamp: bigint;
}

/** ReserveLogic.getNormalizedIncome at `now`. */
export function normalizedIncome(r: ReserveIndexes, now: bigint): bigint {
  if (r.lastUpdateTimestamp === now) return r.liquidityIndex;
  return rayMul(linearInterest(r.liquidityRate, r.lastUpdateTimestamp, now), r.liquidityIndex);
}

/** ReserveLogic.getNormalizedDebt at `now`. */
export function normalizedDebt(r: ReserveIndexes, now: bigint): bigint {
  if (r.lastUpdateTimestamp === now) return r.variableBorrowIndex;
  return rayMul(compoundedInterest(r.variableBorrowRate, r.lastUpdateTimestamp, now), r.variableBorrowIndex);
}

/** AToken.balanceOf from a scaled balance. */
export function suppliedBalance(scaled: bigint, r: ReserveIndexes, now: bigint): bigint {
  return scaled === 0n ? 0n : rayMul(scaled, normalizedIncome(r, now));
}

/** VariableDebtToken.balanceOf from a scaled balance. */
export function variableDebtBalance(scaled: bigint, r: ReserveIndexes, now: bigint): bigint {
  return scaled === 0n ? 0n : rayMul(scaled, normalizedDebt(r, now));
}

/** StableDebtToken.balanceOf: the principal compounded at the user's own rate since their last update. */
export function stableDebtBalance(
  principal: bigint,
  rateRay: bigint,
  lastUpdate: bigint,
  now: bigint,
): bigint {
  return principal === 0n ? 0n : rayMul(principal, compoundedInterest(rateRay, lastUpdate, now));
}

/**
 * APY of an annual rate in RAY, compounded every second over a year: `(1 + r/secondsPerYear)^secondsPerYear − 1`,
 * with the per-second rate rounded down and each multiplication rounded half up, as Aave's own
 * interface computes it (math-utils `calculateCompoundedRate`). Result in RAY.
 */
export function apyFromRate(rateRay: bigint): bigint {
  if (rateRay === 0n) return 0n;
  return rayPow(RAY + rateRay / SECONDS_PER_YEAR, SECONDS_PER_YEAR) - RAY;
}

/** A RAY fraction as a JS number, for display and JSON only. */
export function rayToNumber(value: bigint): number {
  const whole = value / RAY;
  const fraction = value % RAY;
  return Number(whole) + Number(fraction) / 1e27;
}

/** A WAD value as a JS number, for display only. */
export function wadToNumber(value: bigint): number {
  return Number(value / WAD) + Number(value % WAD) / 1e18;
}

/** Decoded `ReserveConfigurationMap` (bit layout of core-v3 `ReserveConfiguration.sol`, stable across v3). */
export interface ReserveConfiguration {
  ltv: bigint;
  liquidationThreshold: bigint;
  liquidationBonus: bigint;
  decimals: number;
  active: boolean;
  frozen: boolean;
  borrowingEnabled: boolean;
  stableBorrowingEnabled: boolean;
  paused: boolean;
  borrowableInIsolation: boolean;
  siloedBorrowing: boolean;
  flashLoanEnabled: boolean;
  reserveFactor: bigint;
  /** Whole tokens; 0 = no cap. */
  borrowCap: bigint;
  supplyCap: bigint;
  eModeCategory: number;
}

const bits = (data: bigint, start: number, width: number): bigint =>
  (data >> BigInt(start)) & ((1n << BigInt(width)) - 1n);

export function decodeReserveConfiguration(data: bigint): ReserveConfiguration {
  return {
    ltv: bits(data, 0, 16),
    liquidationThreshold: bits(data, 16, 16),
    liquidationBonus: bits(data, 32, 16),
    decimals: Number(bits(data, 48, 8)),
    active: bits(data, 56, 1) === 1n,
    frozen: bits(data, 57, 1) === 1n,
    borrowingEnabled: bits(data, 58, 1) === 1n,
    stableBorrowingEnabled: bits(data, 59, 1) === 1n,
    paused: bits(data, 60, 1) === 1n,
    borrowableInIsolation: bits(data, 61, 1) === 1n,
    siloedBorrowing: bits(data, 62, 1) === 1n,
    flashLoanEnabled: bits(data, 63, 1) === 1n,
    reserveFactor: bits(data, 64, 16),
    borrowCap: bits(data, 80, 36),
    supplyCap: bits(data, 116, 36),
    eModeCategory: Number(bits(data, 168, 8)),
  };
}

/** An amount valued in the market's base currency (GenericLogic: `amount × price / 10^decimals`). */
export function baseValue(amount: bigint, decimals: number, priceInBase: bigint): bigint {
  return (amount * priceInBase) / 10n ** BigInt(decimals);
}

/** Base-currency amount (unit = `baseUnit`) to USD with 18 decimals, when the base currency is USD. */
export function baseToUsdE18(amount: bigint, baseUnit: bigint): bigint {
  return (amount * WAD) / baseUnit;
}

/**
 * Incentive APR of one reward stream on one aToken or debt token, in RAY: the reward tokens emitted
 * in a year, valued, over the value of the token's total supply. Null when something is unpriced.
 */
export function incentiveAprRay(input: {
  emissionPerSecond: bigint;
  rewardPriceInBase: bigint | null;
  rewardDecimals: number | null;
  totalSupply: bigint;
  assetPriceInBase: bigint | null;
  assetDecimals: number;
}): bigint | null {
  const { emissionPerSecond, rewardPriceInBase, rewardDecimals, totalSupply, assetPriceInBase } = input;
  if (emissionPerSecond === 0n) return 0n;
  if (rewardPriceInBase === null || rewardDecimals === null || assetPriceInBase === null) return null;
  const denominator = totalSupply * assetPriceInBase * 10n ** BigInt(rewardDecimals);
  if (denominator === 0n) return null;
  return (
    (emissionPerSecond * SECONDS_PER_YEAR * rewardPriceInBase * 10n ** BigInt(input.assetDecimals) * RAY) /
    denominator
  );
}

export type HealthBand = 'liquidatable' | 'at-risk' | 'moderate' | 'safe';

/** Below this the dashboard warns (1.1). */
export const HEALTH_WARNING_WAD = 1_100_000_000_000_000_000n;
/** From this up the position is shown as safe (3.0, as Aave's own interface colours it). */
export const HEALTH_SAFE_WAD = 3n * WAD;

/** Risk band of a health factor: under 1 the account can be liquidated. */
export function healthBand(factorWad: bigint): HealthBand {
  if (factorWad < WAD) return 'liquidatable';
  if (factorWad < HEALTH_WARNING_WAD) return 'at-risk';
  if (factorWad < HEALTH_SAFE_WAD) return 'moderate';
  return 'safe';
}

export interface NetApyInput {
  side: 'supply' | 'borrow';
  /** Position value in base currency; null when the asset has no price. */
  valueBase: bigint | null;
  apyRay: bigint;
  /** Sum of the position's incentive APRs (RAY); null when one of them could not be priced. */
  incentiveAprRay: bigint | null;
}

export type NetApy = { apyRay: bigint; note: string | null } | { apyRay: null; note: string };

/**
 * Net APY of an account, as Aave's interface defines it: what the supplies earn (interest and
 * incentives) minus what the debts cost (interest less their incentives), over the net worth.
 */
export function netApy(positions: readonly NetApyInput[]): NetApy {
  if (positions.length === 0) return { apyRay: null, note: 'no positions' };
  let earned = 0n;
  let cost = 0n;
  let supplied = 0n;
  let borrowed = 0n;
  let incentivesMissing = false;
  for (const p of positions) {
    if (p.valueBase === null) return { apyRay: null, note: 'an asset has no price in the Aave oracle' };
    if (p.incentiveAprRay === null) incentivesMissing = true;
    const incentive = p.incentiveAprRay ?? 0n;
    if (p.side === 'supply') {
      supplied += p.valueBase;
      earned += p.valueBase * (p.apyRay + incentive);
    } else {
      borrowed += p.valueBase;
      cost += p.valueBase * p.apyRay;
      earned += p.valueBase * incentive;
    }
  }
  const netWorth = supplied - borrowed;
  if (netWorth <= 0n) return { apyRay: null, note: 'net worth in Aave is not positive' };
  return {
    apyRay: (earned - cost) / netWorth,
    note: incentivesMissing ? 'leaves out incentives that could not be priced' : null,
  };
}

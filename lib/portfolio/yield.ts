import type { RewardSource, YieldComponent, YieldEstimate } from './types';

export const SECONDS_PER_YEAR = 31_536_000;

/**
 * The compounded annual yield of a signed simple annual rate, compounded `periodsPerYear` times:
 * `s × ((1 + |r| / n)^n − 1)` with `s` the sign of `r` (a cost compounds too). The one conversion from
 * the simple rates every figure is stated in to an APY; null for a rate that is not a finite number.
 */
export function compoundedApy(apr: number, periodsPerYear: number): number | null {
  if (!Number.isFinite(apr) || !(periodsPerYear >= 1)) return null;
  const growth = Math.expm1(periodsPerYear * Math.log1p(Math.abs(apr) / periodsPerYear));
  return Math.sign(apr) * growth;
}

/** Per-second compounding, as Aave and most interest-bearing tokens accrue. */
export function perSecondApy(apr: number): number | null {
  return compoundedApy(apr, SECONDS_PER_YEAR);
}

/**
 * The simple annual rate that a growth of `ratio` (end ÷ start, e.g. of an exchange rate or a share
 * price) over `seconds` stands for: `(ratio − 1) × year ÷ seconds`. Null when the window is empty or a
 * ratio is not a finite positive number (never ∞ or NaN).
 */
export function annualisedGrowth(ratio: number, seconds: number): number | null {
  if (!Number.isFinite(ratio) || ratio <= 0 || !(seconds > 0)) return null;
  return ((ratio - 1) * SECONDS_PER_YEAR) / seconds;
}

/** A token that earns nothing by being held: a known zero, which is not the same as unknown (null). */
export function knownZeroYield(source: string): YieldEstimate {
  return { baseApr: 0, rewardApr: 0, apy: 0, compounds: false, window: 'none', source };
}

/** A position's yield from its components: the two rates are their sums by side. */
export function yieldFromComponents(
  components: readonly YieldComponent[],
  options: { compounds: boolean; apy?: number | null; window: string; source: string },
): YieldEstimate {
  let baseApr = 0;
  let rewardApr = 0;
  const rewards: RewardSource[] = [];
  for (const c of components) {
    if (c.side === 'base') baseApr += c.apr;
    else rewardApr += c.apr;
    if (c.reward) rewards.push(c.reward);
  }
  return {
    baseApr,
    rewardApr,
    apy: options.apy ?? null,
    compounds: options.compounds,
    window: options.window,
    source: options.source,
    components: [...components],
    ...(rewards.length > 0 ? { rewards } : {}),
  };
}

/** Yearly income of a position worth `usd` (negative for a debt): `|usd| × (baseApr + rewardApr)`. */
export function yearlyIncome(
  usd: number,
  y: Pick<YieldEstimate, 'baseApr' | 'rewardApr'>,
): {
  base: number;
  reward: number;
} {
  const size = Math.abs(usd);
  return { base: size * y.baseApr, reward: size * y.rewardApr };
}

import { annualisedGrowth } from '../../portfolio/yield';

const SCALE = 10n ** 18n;

/**
 * The simple annual staking rate an exchange rate's growth stands for: `(now ÷ past − 1) × year ÷ Δt`,
 * with Δt the time between the two rounds' updates (a feed updates about daily, so the blocks' own
 * times would misstate the window). Null when either answer is not positive or no time passed.
 */
export function rateGrowthApr(past: bigint, now: bigint, seconds: bigint): number | null {
  if (past <= 0n || now <= 0n || seconds <= 0n) return null;
  const ratio = Number((now * SCALE) / past) / Number(SCALE);
  return annualisedGrowth(ratio, Number(seconds));
}

import type { PriceReading } from './types';

/**
 * Price readings' plain helpers, apart from the feed reader (chainlink.ts) so the page's selectors and
 * views import them without its ABIs (parsed at load) and multicall plumbing.
 */

/** A feed's age, short: `45s`, `12m`, `3h`, `2d`. */
export function formatAge(seconds: bigint): string {
  const s = seconds < 0n ? 0n : seconds;
  if (s < 120n) return `${s}s`;
  if (s < 7200n) return `${s / 60n}m`;
  if (s < 172_800n) return `${s / 3600n}h`;
  return `${s / 86_400n}d`;
}

export function noFeedReading(label: string): PriceReading {
  return {
    label,
    usdE18: null,
    status: 'no-feed',
    updatedAt: null,
    reason: 'no on-chain price feed',
    note: null,
  };
}

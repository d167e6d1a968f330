import type { FeedSpec, PriceSourceSpec } from './types';

/**
 * A token priced as its exchange-rate feed × its underlying's USD feed (liquid staking tokens): one
 * price source kind, so a wallet balance, an Aave supply and a pool holding the token all value it the
 * same way. Both feeds are checked for staleness by `evaluatePrice`, as every feed of a product is.
 */
export function exchangeRatePrice(
  rate: FeedSpec,
  underlyingUsd: FeedSpec,
  underlying: string,
  note?: string,
): PriceSourceSpec {
  return {
    label: `${rate.pair} × ${underlyingUsd.pair}`,
    feeds: [rate, underlyingUsd],
    kind: 'exchange-rate',
    underlying,
    ...(note ? { note } : {}),
  };
}

/** The rate and underlying feeds of an exchange-rate price source; null for any other source. */
export function exchangeRateFeeds(
  source: PriceSourceSpec | null | undefined,
): { rate: FeedSpec; underlyingUsd: FeedSpec; underlying: string } | null {
  if (source?.kind !== 'exchange-rate') return null;
  const [rate, underlyingUsd] = source.feeds;
  if (!rate || !underlyingUsd || source.feeds.length !== 2) return null;
  return { rate, underlyingUsd, underlying: source.underlying ?? rate.pair.split('/')[1] ?? '?' };
}

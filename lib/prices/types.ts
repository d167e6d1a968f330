import type { Address } from 'viem';

/** One Chainlink-style AggregatorV3 feed and how old its answer may be before it is stale. */
export interface FeedSpec {
  address: Address;
  /** e.g. "ETH/USD", "wstETH/ETH". */
  pair: string;
  /**
   * Oldest acceptable answer, in seconds: the feed's heartbeat plus a margin for the update
   * landing late. An older answer is shown as stale, never as current.
   */
  maxAgeSeconds: number;
}

/** A token's USD price: the product of one or more feeds (e.g. wstETH/ETH × ETH/USD). */
export interface PriceSourceSpec {
  label: string;
  feeds: readonly FeedSpec[];
  /** An assumption the product makes, shown next to the price (e.g. "USDC.e priced as USDC"). */
  note?: string;
  /**
   * `exchange-rate`: a token priced as its on-chain exchange rate to an underlying × the underlying's
   * USD price (wstETH = wstETH/stETH rate × ETH/USD). `feeds` is then exactly `[rate, underlying/USD]`,
   * still multiplied and each checked for staleness like any product, and the rate's growth is what
   * holding the token earns (see `lib/prices/rate.ts`). Absent: a plain product of feeds.
   */
  kind?: 'exchange-rate';
  /** For `exchange-rate`: what one token converts into (stETH, ETH, eETH). */
  underlying?: string;
}

export type PriceStatus = 'ok' | 'stale' | 'invalid' | 'failed' | 'sequencer-down' | 'no-feed';

/** What a price source said at one block, with a verdict on whether it can be trusted. */
export interface PriceReading {
  label: string;
  /** USD per one whole token, 18 decimals. Null when no usable answer exists. */
  usdE18: bigint | null;
  status: PriceStatus;
  /** Oldest `updatedAt` among the feeds used (chain time, seconds). */
  updatedAt: bigint | null;
  /** Why the price is not `ok`, in words. */
  reason: string | null;
  note: string | null;
}

export const USD_DECIMALS = 18;
export const USD_UNIT = 10n ** 18n;

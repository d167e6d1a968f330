import type { Address } from 'viem';
import type { ProtocolSummary } from '../../portfolio/types';

export const LIQUID_STAKING_ID = 'liquid-staking';

/** What the module knows about one chain: LSTs that have no exchange-rate feed here, and why. */
export interface LiquidStakingDeployment {
  unavailable: readonly { symbol: string; reason: string }[];
}

/** One round of an exchange-rate feed, as `latestRoundData` answered it at a block. */
export interface RateRound {
  block: bigint;
  roundId: bigint;
  answer: bigint;
  updatedAt: bigint;
}

/** One liquid staking token on one chain: its exchange rate now, then, and the staking rate it implies. */
export interface LiquidStakingRate {
  symbol: string;
  token: Address;
  /** e.g. `wstETH/stETH`. */
  pair: string;
  underlying: string;
  feed: Address;
  decimals: number | null;
  /** `ok`; `stale` (older than the feed's heartbeat allows); `unreadable` (reverts); `invalid` (≤ 0). */
  status: 'ok' | 'stale' | 'unreadable' | 'invalid';
  now: RateRound | null;
  past: (RateRound & { blockTimestamp: bigint }) | null;
  /** Simple annual rate from the rate's growth between the two rounds' `updatedAt`; null = unknown. */
  apr: number | null;
  /** The window the APR was measured over, from the two rounds' update times (`7d`). */
  window: string | null;
  /** How it was measured, in words (feed, rounds, blocks). */
  source: string;
  /** Why there is no APR, or what to beware of (stale feed, narrower window), in words. */
  note: string | null;
}

export interface LiquidStakingSummary extends ProtocolSummary {
  type: typeof LIQUID_STAKING_ID;
  rates: LiquidStakingRate[];
  /** LSTs with no rate feed on this chain, with why. */
  unavailable: { symbol: string; reason: string }[];
  /** How far back the past block was asked for (seconds). */
  windowSeconds: number;
}

export function isLiquidStakingSummary(s: ProtocolSummary | undefined): s is LiquidStakingSummary {
  return s?.type === LIQUID_STAKING_ID;
}

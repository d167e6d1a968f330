import type { Address } from 'viem';
import type { ReadClient } from '../chains/client';
import type { ChainDeployment, Network } from '../chains/network';
import type { ReadPath } from '../chains/read-path';
import type { ChainId } from '../chains/registry';
import type { PriceReading } from '../prices/types';
import type { PositionKind } from './kinds';

export type { PositionKind } from './kinds';

/** An amount of one token inside a position, in base units, with the price it was valued at. */
export interface AssetAmount {
  token: Address | 'native';
  symbol: string;
  /** Null when the token's `decimals()` cannot be trusted: the amount is then shown in base units. */
  decimals: number | null;
  amount: bigint;
  price: PriceReading;
  /** USD value, 18 decimals; null when there is no usable price. */
  usdE18: bigint | null;
}

/** Where a yield is paid from: base is fees, interest or protocol revenue; reward is token emissions. */
export type YieldSide = 'base' | 'reward';

/** A reward token a yield is paid in, and how it was priced. */
export interface RewardSource {
  token: Address | 'native';
  symbol: string;
  /** The price source's label (e.g. `VELO/USD`), or why there is none. */
  priceSource: string;
}

/**
 * One source of a position's yield (wstETH supplied to Aave: the supply rate, and the staking rate of
 * wstETH itself). A position's components sum to its `baseApr` and `rewardApr`.
 */
export interface YieldComponent {
  side: YieldSide;
  /** Signed simple annual rate (a cost is negative). */
  apr: number;
  label: string;
  window: string;
  source: string;
  reward?: RewardSource;
}

/**
 * An estimated yield, in the one convention every figure, total and projection relies on:
 * `baseApr` (fees, interest, protocol revenue) and `rewardApr` (token emissions) are **simple annual
 * rates as signed fractions** (0.05 = 5 % a year; a cost is negative: a debt's base rate is minus its
 * borrow rate). A position's yearly income is `|usd| × (baseApr + rewardApr)`.
 *
 * `apy` is the compounded equivalent where the protocol defines one (converted in `lib/portfolio/yield`),
 * `compounds` says whether the yield accrues into the position by itself (aTokens, liquid staking tokens,
 * vault shares) or has to be claimed (V3 fees, emissions). A known zero (a token that earns nothing by
 * being held) is `{ baseApr: 0, rewardApr: 0 }` with a source saying so; an unknown yield is `null`.
 */
export interface YieldEstimate {
  baseApr: number;
  rewardApr: number;
  /** Compounded annual yield of `baseApr + rewardApr`, where it is meaningful; null otherwise. */
  apy: number | null;
  compounds: boolean;
  /** How far back it was measured (`7d`, `current rate`, …). */
  window: string;
  /** What it was measured from. */
  source: string;
  /** The sources it is made of, when there are several (they sum to the two rates). */
  components?: YieldComponent[];
  /** Every token the reward part is paid in, with its price source. */
  rewards?: RewardSource[];
}

/**
 * Protocol-specific detail of a position (range and fees of an LP position, …). Open: each module
 * defines its own type in its folder, tagged with its protocol id in `type`, and a guard that narrows
 * it (`isUniswapV3Details`); views narrow with the guard, never with a cast.
 */
export interface PositionDetails {
  type: string;
}

/**
 * Account-level figures a protocol computes across positions on one chain (a lending market's health
 * factor and net APY), tagged with the protocol id in `type`; open in the same way as `PositionDetails`.
 */
export interface ProtocolSummary {
  type: string;
}

export interface Position {
  protocol: string;
  kind: PositionKind;
  /** `${chainId}:${protocol}:${protocol-specific id}`, stable across reads. */
  id: string;
  label: string;
  assets: AssetAmount[];
  /** Claimable rewards and uncollected fees. */
  rewards: AssetAmount[];
  yield: YieldEstimate | null;
  /** Something about this position that cannot be trusted or was not readable. */
  warning: string | null;
  details?: PositionDetails;
  /**
   * Set when this position's value is already counted by another position (a receipt token in the
   * wallet that a protocol reads as its own position): it is shown, never summed. Names the position
   * that counts it.
   */
  countedIn?: string;
}

/** A protocol's name, display order and the kinds of position it holds. */
export interface ProtocolInfo {
  id: string;
  name: string;
  order: number;
  kinds: readonly PositionKind[];
}

export interface ProtocolError {
  protocol: string;
  error: string;
}

export interface ChainPortfolio {
  chainId: ChainId;
  /** The block every figure of this chain was read at; null when the chain could not be read. */
  blockNumber: bigint | null;
  blockTimestamp: bigint | null;
  /** Why the chain could not be read at all. */
  error: string | null;
  /** What kind of failure `error` is: the RPC answering for another chain is told apart. */
  errorKind?: 'wrong-chain' | 'error' | null;
  /**
   * Seconds from the head block's timestamp to the wall clock when it was read: a node whose head is
   * older than the chain's `maxHeadAgeSeconds` lags (see `lib/portfolio/select#chainLag`).
   */
  headAgeSeconds?: number | null;
  /**
   * How the chain's present was read (`lib/chains/round-one.ts`): in one call with the lenses placed by
   * state override, in one deployless call, or level by level through Multicall3; with why, when a faster
   * path was refused.
   */
  read?: { path: ReadPath; note: string | null } | null;
  /**
   * The protocols read on this chain (the wallet first), with their names, display order and kinds, so a
   * view of the data needs none of the reading code. Absent on a chain that could not be read.
   */
  protocols?: ProtocolInfo[];
  positions: Position[];
  /** Protocols that failed on this chain while the rest of it was read. */
  protocolErrors: ProtocolError[];
  summaries: ProtocolSummary[];
}

export interface Portfolio {
  address: Address;
  network: Network['name'];
  chains: ChainPortfolio[];
}

/** What a protocol reader is handed for one chain: everything is pinned to one block. */
/** What a module's round-1 jobs are built from: who is read where, before any block is known. */
export interface LensContext {
  chainId: ChainId;
  deployment: ChainDeployment;
  owner: Address;
  userEntries?: Readonly<Record<string, readonly Address[]>>;
}

export interface ChainReadContext {
  chainId: ChainId;
  client: ReadClient;
  /** The chain as the network profile knows it (tokens, feeds, RPC, where deployments come from). */
  deployment: ChainDeployment;
  owner: Address;
  blockNumber: bigint;
  blockTimestamp: bigint;
  /** Prices known on this chain, by lower-case token address (and 'native'). */
  prices: ReadonlyMap<string, PriceReading>;
  /**
   * Contracts the user added for a module to read on this chain (farms typed into Settings or passed
   * with `--farm`), keyed by module id. Untrusted: a module checks each one and says what is wrong.
   */
  userEntries?: Readonly<Record<string, readonly Address[]>>;
}

/**
 * A yield a token earns just by being held (a liquid staking token's staking rate, a vault share's
 * growth): added by the fan-out as a component to every position on the chain that holds the token
 * (the wallet balance, an Aave supply, a pool), weighted by the token's share of that position's value.
 */
export interface TokenYield {
  token: Address;
  /**
   * Null when the token does earn by being held but what it earns cannot be estimated at this block
   * (its rate feed is unreadable, …): a wallet balance of it then has an unknown yield, never the
   * known zero of a token that earns nothing. The module says why in its own summary.
   */
  component: YieldComponent | null;
}

/**
 * A token held in the wallet that stands for one of this protocol's positions (a receipt: an aToken,
 * vault shares, a staked token): its wallet balance is shown but counted in `countedIn` only.
 */
export interface ReceiptToken {
  token: Address;
  countedIn: string;
}

export interface ProtocolReadResult {
  positions: Position[];
  summary?: ProtocolSummary;
  tokenYields?: TokenYield[];
  receipts?: ReceiptToken[];
}

import type { Address, PublicClient } from 'viem';
import type { ChainDeployment, Network } from '../chains/network';
import type { ChainId } from '../chains/registry';
import type { PriceReading } from '../prices/types';
import type { AaveV3PositionDetails, AaveV3Summary } from '../protocols/aave-v3/types';
import type { UniswapV3PositionDetails } from '../protocols/uniswap-v3/types';

export type PositionKind = 'balance' | 'liquidity' | 'supply' | 'borrow' | 'staking' | 'farming';

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

/**
 * An estimated yield: `baseApr` is what the position earns from fees or interest, `rewardApr` from
 * token emissions, both as fractions (0.05 = 5 %). `window` is how far back it was measured and
 * `source` what it was measured from, so a reader can judge it.
 */
export interface YieldEstimate {
  baseApr: number;
  rewardApr: number;
  window: string;
  source: string;
}

/**
 * Protocol-specific detail of a position (range and fees of an LP position, …), discriminated by
 * `type`. Each protocol defines its type in its own folder and adds it to this union.
 */
export type PositionDetails = UniswapV3PositionDetails | AaveV3PositionDetails;

/**
 * Account-level figures a protocol computes across positions on one chain (e.g. a lending market's
 * health factor and net APY), discriminated by `type`. Each protocol adds its own type here.
 */
export type ProtocolSummary = AaveV3Summary;

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
export interface ChainReadContext {
  chainId: ChainId;
  client: PublicClient;
  deployment: ChainDeployment;
  network: Network['name'];
  owner: Address;
  blockNumber: bigint;
  blockTimestamp: bigint;
  /** Prices known on this chain, by lower-case token address (and 'native'). */
  prices: ReadonlyMap<string, PriceReading>;
}

export interface ProtocolReadResult {
  positions: Position[];
  summary?: ProtocolSummary;
}

/** One protocol's reader. Each reader returns its positions on one chain, or throws for the whole protocol. */
export interface ProtocolReader {
  id: string;
  name: string;
  /** False when the protocol has no deployment on this chain of this network (then it is skipped). */
  supports: (deployment: ChainDeployment, network: Network['name']) => boolean;
  read: (ctx: ChainReadContext) => Promise<ProtocolReadResult>;
}

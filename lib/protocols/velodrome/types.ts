import type { Address } from 'viem';
import type { Position } from '../../portfolio/types';
import type { FeeAprInfo, PoolToken, PriceTriple, V3RangeStatus } from '../uniswap-v3/types';

export const VELODROME_ID = 'velodrome';

/** What a gauge's emissions are doing at the read block, in the words the view shows. */
export type GaugeState = 'emitting' | 'no-emissions' | 'period-ended' | 'killed' | 'unreadable';

export interface GaugeInfo {
  address: Address;
  alive: boolean;
  state: GaugeState;
  rewardToken: PoolToken | null;
  /** Reward token per second; null when unreadable. */
  rewardRate: bigint | null;
  periodFinish: bigint | null;
  totalSupply: bigint | null;
  /** USD (18 decimals) staked in the gauge; null when it cannot be valued. */
  stakedUsdE18: bigint | null;
}

/** A V2 pool position: the account's LP in one pool, either unstaked (in the wallet) or staked in its gauge. */
export interface VelodromePoolDetails {
  type: typeof VELODROME_ID;
  variant: 'pool';
  pool: Address;
  stable: boolean;
  staked: boolean;
  token0: PoolToken;
  token1: PoolToken;
  lpBalance: bigint;
  totalSupply: bigint;
  reserve0: bigint;
  reserve1: bigint;
  gauge: GaugeInfo | null;
  /** What the yield is made of, or why there is none, in words. */
  yieldNote: string;
  /** An emissions APR computed but not counted (tiny stake): shown as unreliable. */
  unreliableApr: number | null;
  /** Fee window of the base APR (unstaked): blocks and seconds, or null. */
  feeWindow: { fromBlock: bigint; toBlock: bigint; seconds: bigint } | null;
}

export interface LockVote {
  pool: Address;
  label: string;
  /** Votes this lock gives the pool (voting power units). */
  weight: bigint;
}

/** A veVELO lock (an NFT of the voting escrow). */
export interface VelodromeLockDetails {
  type: typeof VELODROME_ID;
  variant: 'lock';
  tokenId: bigint;
  amount: bigint;
  /** Unlock time (seconds); 0 for a permanent lock. */
  end: bigint;
  permanent: boolean;
  expired: boolean;
  votingPower: bigint | null;
  voted: boolean | null;
  lastVoted: bigint | null;
  votes: LockVote[];
  yieldNote: string;
}

/**
 * A Slipstream (concentrated liquidity) position: an NFT of the CL position manager, held in the wallet
 * (unstaked: earns trading fees) or deposited in the pool's CL gauge (staked: earns emissions, its fees go
 * to voters). In `gauge`, `totalSupply` is the pool's staked liquidity in range and `stakedUsdE18` its
 * value (each unit valued as this position's).
 */
export interface SlipstreamPositionDetails {
  type: typeof VELODROME_ID;
  variant: 'slipstream';
  tokenId: bigint;
  positionManager: Address;
  pool: Address;
  tickSpacing: number;
  staked: boolean;
  token0: PoolToken;
  token1: PoolToken;
  tickLower: number;
  tickUpper: number;
  tickCurrent: number | null;
  sqrtPriceX96: bigint | null;
  liquidity: bigint;
  rangeStatus: V3RangeStatus | null;
  inRange: boolean;
  closed: boolean;
  prices: { token0: PriceTriple; token1: PriceTriple; inBaseUnits: boolean };
  gauge: GaugeInfo | null;
  /** Fees of the pool's staked liquidity waiting for the gauge (they go to voters), base units. */
  gaugeFees: { amount0: bigint; amount1: bigint } | null;
  /** Fee window of the base APR (unstaked only). */
  feeApr: FeeAprInfo | null;
  yieldNote: string;
  unreliableApr: number | null;
  explorerUrl: string | null;
}

export type VelodromeDetails = VelodromePoolDetails | VelodromeLockDetails | SlipstreamPositionDetails;

export function isVelodromePool(d: Position['details']): d is VelodromePoolDetails {
  return d?.type === VELODROME_ID && 'variant' in d && d.variant === 'pool';
}

export function isVelodromeLock(d: Position['details']): d is VelodromeLockDetails {
  return d?.type === VELODROME_ID && 'variant' in d && d.variant === 'lock';
}

export function isSlipstreamPosition(d: Position['details']): d is SlipstreamPositionDetails {
  return d?.type === VELODROME_ID && 'variant' in d && d.variant === 'slipstream';
}

import type { Address } from 'viem';
import type { Position } from '../../portfolio/types';

export const GMX_ID = 'gmx';

/** What one reward tracker said for the account, at the read block. */
export interface GmxTrackerReading {
  /** `StakedGmxTracker`, `FeeGmxTracker`, … */
  name: string;
  address: Address;
  /** Read at run time (`rewardToken()`), never assumed. */
  rewardToken: Address;
  rewardSymbol: string;
  rewardDecimals: number | null;
  /** Reward per second for the whole tracker, base units. */
  tokensPerInterval: bigint;
  totalSupply: bigint;
  /** The account's stake in the tracker (`stakedAmounts`). */
  stake: bigint;
  claimable: bigint;
  /** What the tracker pays: fees (base), emissions (reward), or multiplier points (no value). */
  side: 'base' | 'reward' | 'points';
  /** The account's simple annual rate from this tracker, on the position's value; null when unknown. */
  apr: number | null;
  /** Why the rate is unknown, or an assumption made. */
  note: string | null;
}

export interface GmxStakingDetails {
  type: typeof GMX_ID;
  position: 'staking';
  stakedGmx: bigint;
  stakedEsGmx: bigint;
  /** Staked multiplier points (bnGMX in the extended or fee tracker); they boost the fee share, have no value. */
  multiplierPoints: bigint | null;
  claimableMultiplierPoints: bigint | null;
  trackers: GmxTrackerReading[];
  blockNumber: bigint;
}

export interface GmxVestingDetails {
  type: typeof GMX_ID;
  position: 'vesting';
  vester: Address;
  /** esGMX deposited for vesting, in total (`getVestedAmount`). */
  deposited: bigint;
  /** Vested so far (claimable + claimed), and still to vest. */
  vested: bigint;
  remaining: bigint;
  claimed: bigint;
  claimable: bigint;
  /** Staked tokens the vester holds in reserve while vesting (`pairAmounts`). */
  reservedPair: bigint;
  vestingDuration: bigint;
  blockNumber: bigint;
}

export interface GmxGlpDetails {
  type: typeof GMX_ID;
  position: 'glp';
  /** GMX V1's GLP: wound down after the July 2025 exploit (shared/reference/staking-facts.md §1.2). */
  legacy: true;
  staked: bigint;
  /** `GlpManager.getAum(false)` (USD, 30 decimals) and GLP's total supply, the price's inputs. */
  aumMin: bigint | null;
  glpSupply: bigint | null;
  trackers: GmxTrackerReading[];
  blockNumber: bigint;
}

export type GmxDetails = GmxStakingDetails | GmxVestingDetails | GmxGlpDetails;

export function isGmxDetails(d: Position['details']): d is GmxDetails {
  return d?.type === GMX_ID;
}

export const gmxPositionId = (chainId: number, what: 'staked' | 'vesting' | 'glp') =>
  `${chainId}:${GMX_ID}:${what}`;

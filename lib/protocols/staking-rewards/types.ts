import type { Address } from 'viem';
import type { Position, PositionDetails, ProtocolSummary } from '../../portfolio/types';

export const STAKING_REWARDS_ID = 'staking-rewards';

/** Where a farm came from: the network profile's list, or the user (Settings, `--farm`). */
export type FarmOrigin = 'known' | 'user';

/** What one farm says about itself at the read block, or why it could not be read. */
export interface FarmInfo {
  address: Address;
  origin: FarmOrigin;
  /** A name for known farms (the manifest's); null for user-added ones. */
  name: string | null;
  /** Set when the address is not a readable farm: then nothing else is. */
  error: string | null;
  stakingToken: Address | null;
  stakingSymbol: string | null;
  rewardsToken: Address | null;
  rewardSymbol: string | null;
  rewardDecimals: number | null;
  /** Reward tokens per second (base units) while the period runs. */
  rewardRate: bigint | null;
  periodFinish: bigint | null;
  totalStaked: bigint | null;
  /** USD value of everything staked in the farm, 18 decimals; null when the staked token is unpriced. */
  totalStakedUsdE18: bigint | null;
  /** Reward APR on the whole stake, or null with `aprNote` saying why. */
  rewardApr: number | null;
  aprNote: string | null;
  /** Whether the reward period is still running at the read block. */
  active: boolean | null;
  /** A warning about the farm's tokens (hostile metadata, …). */
  warning: string | null;
}

export interface StakingRewardsDetails extends PositionDetails {
  type: typeof STAKING_REWARDS_ID;
  farm: FarmInfo;
  staked: bigint;
  earned: bigint;
}

export interface StakingRewardsSummary extends ProtocolSummary {
  type: typeof STAKING_REWARDS_ID;
  farms: FarmInfo[];
}

export function isStakingRewardsDetails(d: Position['details']): d is StakingRewardsDetails {
  return d?.type === STAKING_REWARDS_ID;
}

export function isStakingRewardsSummary(s: ProtocolSummary | undefined): s is StakingRewardsSummary {
  return s?.type === STAKING_REWARDS_ID;
}

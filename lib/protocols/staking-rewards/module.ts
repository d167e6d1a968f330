import type { Address } from 'viem';
import { formatAmount, formatPercent, formatUsd } from '../../format/index';
import { defineModule } from '../module';
import { stakingRewardsLens } from './lens';
import { readStakingRewards, type StakingRewardsDeployment } from './read';
import { type FarmInfo, isStakingRewardsDetails, isStakingRewardsSummary, STAKING_REWARDS_ID } from './types';

export { isStakingRewardsDetails, isStakingRewardsSummary } from './types';

/** Manifest names of known farms: `StakingRewards.<name>`. */
export const FARM_PREFIX = 'StakingRewards.';

export function devnetFarms(contracts: Readonly<Record<string, Address>>): StakingRewardsDeployment {
  return {
    farms: Object.entries(contracts)
      .filter(([name]) => name.startsWith(FARM_PREFIX))
      .map(([name, address]) => ({ name: name.slice(FARM_PREFIX.length), address })),
  };
}

/** One line saying what a farm pays, or why it cannot say. */
export function describeFarm(f: FarmInfo): string {
  const who = f.name ?? (f.origin === 'user' ? 'added by you' : 'known');
  if (f.error) return `farm ${f.address} (${who}): ${f.error}`;
  const rate =
    f.rewardRate !== null && f.rewardDecimals !== null
      ? `${formatAmount(f.rewardRate * 86_400n, f.rewardDecimals)} ${f.rewardSymbol}/day`
      : 'rate unknown';
  const end = f.periodFinish
    ? new Date(Number(f.periodFinish) * 1000).toISOString().slice(0, 10)
    : 'never started';
  const staked = f.totalStakedUsdE18 !== null ? formatUsd(f.totalStakedUsdE18) : 'unpriced';
  const apr =
    f.rewardApr !== null ? `reward APR ${formatPercent(f.rewardApr)}` : `no reward APR: ${f.aprNote}`;
  return `farm ${f.stakingSymbol} → ${f.rewardSymbol} (${who}): ${rate}, period end ${end}, staked ${staked}; ${apr}`;
}

/** Synthetix-style StakingRewards farms: the profile's known ones and any the user adds. */
export const stakingRewardsModule = defineModule<StakingRewardsDeployment>({
  id: STAKING_REWARDS_ID,
  name: 'Farms (StakingRewards)',
  order: 60,
  kinds: ['farming'],
  deployment: {
    devnet: (contracts) => devnetFarms(contracts),
    // No mainnet farm is listed (none is among the verified facts); user-added farms are read on every chain.
    mainnet: { 10: { farms: [] }, 42161: { farms: [] }, 324: { farms: [] } },
  },
  lens: stakingRewardsLens,
  read: readStakingRewards,
  positionLines: (p) => {
    if (!isStakingRewardsDetails(p.details)) return [];
    const f = p.details.farm;
    return [
      `earned ${formatAmount(p.details.earned, f.rewardDecimals)} ${f.rewardSymbol}`,
      f.rewardApr === null
        ? `no reward APR: ${f.aprNote}`
        : `reward APR ${formatPercent(f.rewardApr)} (${f.name ?? f.address})`,
    ];
  },
  summaryLines: (s) => (isStakingRewardsSummary(s) ? s.farms.map(describeFarm) : []),
});

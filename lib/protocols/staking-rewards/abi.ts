import { parseAbi } from 'viem';

/** Synthetix-style StakingRewards (as `@uniswap/liquidity-staker`'s `StakingRewards`): the reads used. */
export const stakingRewardsAbi = parseAbi([
  'function stakingToken() view returns (address)',
  'function rewardsToken() view returns (address)',
  'function rewardRate() view returns (uint256)',
  'function periodFinish() view returns (uint256)',
  'function rewardsDuration() view returns (uint256)',
  'function totalSupply() view returns (uint256)',
  'function balanceOf(address account) view returns (uint256)',
  'function earned(address account) view returns (uint256)',
]);

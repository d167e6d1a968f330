import { parseAbi } from 'viem';

/**
 * The read functions Layerglass uses, with the signatures of @gmx-io/sdk 1.4.0's ABIs
 * (`build/cjs/src/abis/{RewardTracker,Vester,RewardRouter,GlpManager}.js`; held equal by abi.test.ts).
 */
export const rewardTrackerAbi = parseAbi([
  'function rewardToken() view returns (address)',
  'function tokensPerInterval() view returns (uint256)',
  'function totalSupply() view returns (uint256)',
  'function claimable(address _account) view returns (uint256)',
  'function stakedAmounts(address) view returns (uint256)',
  'function depositBalances(address, address) view returns (uint256)',
]);

export const vesterAbi = parseAbi([
  'function balanceOf(address _account) view returns (uint256)',
  'function claimable(address _account) view returns (uint256)',
  'function getVestedAmount(address _account) view returns (uint256)',
  'function claimedAmounts(address) view returns (uint256)',
  'function pairAmounts(address) view returns (uint256)',
  'function vestingDuration() view returns (uint256)',
]);

export const glpManagerAbi = parseAbi(['function getAum(bool maximise) view returns (uint256)']);

/** RewardRouterV2's getters: the mainnet check confirms the table through them. */
export const rewardRouterAbi = parseAbi([
  'function gmx() view returns (address)',
  'function esGmx() view returns (address)',
  'function bnGmx() view returns (address)',
  'function glp() view returns (address)',
  'function stakedGmxTracker() view returns (address)',
  'function bonusGmxTracker() view returns (address)',
  'function extendedGmxTracker() view returns (address)',
  'function feeGmxTracker() view returns (address)',
  'function stakedGlpTracker() view returns (address)',
  'function feeGlpTracker() view returns (address)',
  'function gmxVester() view returns (address)',
  'function govToken() view returns (address)',
]);

export const erc20SupplyAbi = parseAbi(['function totalSupply() view returns (uint256)']);

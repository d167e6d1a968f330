import { parseAbi } from 'viem';

/** Velodrome V2's read interface (velodrome-finance/contracts; shared/reference/staking-facts.md §1.1). */
export const poolFactoryAbi = parseAbi([
  'function allPoolsLength() view returns (uint256)',
  'function allPools(uint256 index) view returns (address)',
  'function getFee(address pool, bool stable) view returns (uint256)',
]);

export const veloPoolAbi = parseAbi([
  'function metadata() view returns (uint256 dec0, uint256 dec1, uint256 r0, uint256 r1, bool st, address t0, address t1)',
  'function totalSupply() view returns (uint256)',
  'function balanceOf(address account) view returns (uint256)',
  'function index0() view returns (uint256)',
  'function index1() view returns (uint256)',
  'function supplyIndex0(address account) view returns (uint256)',
  'function supplyIndex1(address account) view returns (uint256)',
  'function claimable0(address account) view returns (uint256)',
  'function claimable1(address account) view returns (uint256)',
]);

export const gaugeAbi = parseAbi([
  'function balanceOf(address account) view returns (uint256)',
  'function totalSupply() view returns (uint256)',
  'function earned(address account) view returns (uint256)',
  'function rewardRate() view returns (uint256)',
  'function periodFinish() view returns (uint256)',
  'function rewardToken() view returns (address)',
  'function stakingToken() view returns (address)',
]);

export const voterAbi = parseAbi([
  'function ve() view returns (address)',
  'function length() view returns (uint256)',
  'function gauges(address pool) view returns (address)',
  'function isAlive(address gauge) view returns (bool)',
  'function gaugeToFees(address gauge) view returns (address)',
  'function gaugeToBribe(address gauge) view returns (address)',
  'function votes(uint256 tokenId, address pool) view returns (uint256)',
  'function usedWeights(uint256 tokenId) view returns (uint256)',
  'function lastVoted(uint256 tokenId) view returns (uint256)',
]);

export const votingEscrowAbi = parseAbi([
  'function token() view returns (address)',
  'function balanceOf(address owner) view returns (uint256)',
  'function ownerToNFTokenIdList(address owner, uint256 index) view returns (uint256)',
  'struct LockedBalance { int128 amount; uint256 end; bool isPermanent; }',
  'function locked(uint256 tokenId) view returns (LockedBalance)',
  'function balanceOfNFT(uint256 tokenId) view returns (uint256)',
  'function voted(uint256 tokenId) view returns (bool)',
]);

export const votingRewardAbi = parseAbi([
  'function rewardsListLength() view returns (uint256)',
  'function rewards(uint256 index) view returns (address)',
  'function earned(address token, uint256 tokenId) view returns (uint256)',
]);

export const rewardsDistributorAbi = parseAbi(['function claimable(uint256 tokenId) view returns (uint256)']);

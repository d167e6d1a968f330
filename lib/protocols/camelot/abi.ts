import { parseAbi } from 'viem';

/** CamelotFactory (and Uniswap V2's factory): the pair registry. */
export const factoryAbi = parseAbi([
  'function allPairsLength() view returns (uint256)',
  'function allPairs(uint256) view returns (address)',
  'function getPair(address tokenA, address tokenB) view returns (address)',
]);

/** Camelot's Master and NFT pools, as in DefiLlama's `camelot-v2/{masterchef,stakingPosition}.js` ABIs. */
export const masterAbi = parseAbi([
  'function poolsLength() view returns (uint256)',
  'function getPoolAddressByIndex(uint256 index) view returns (address)',
  'function emissionRate() view returns (uint256)',
  'function totalAllocPoint() view returns (uint256)',
]);

export const nftPoolAbi = parseAbi([
  'function balanceOf(address owner) view returns (uint256)',
  'function tokenOfOwnerByIndex(address owner, uint256 index) view returns (uint256)',
  'function getStakingPosition(uint256 tokenId) view returns (uint256 amount, uint256 amountWithMultiplier, uint256 startLockTime, uint256 lockDuration, uint256 lockMultiplier, uint256 rewardDebt, uint256 boostPoints, uint256 totalMultiplier)',
  'function pendingRewards(uint256 tokenId) view returns (uint256)',
  'function getPoolInfo() view returns (address lpToken, address grailToken, address xGrailToken, uint256 lastRewardTime, uint256 accRewardsPerShare, uint256 lpSupply, uint256 lpSupplyWithMultiplier, uint256 allocPoint)',
  'function xGrailRewardsShare() view returns (uint256)',
]);

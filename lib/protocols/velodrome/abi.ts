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

/**
 * Slipstream (Velodrome's concentrated liquidity; velodrome-finance/slipstream `contracts/periphery/interfaces/
 * INonfungiblePositionManager.sol`, `contracts/core/interfaces/ICLFactory.sol`, `pool/ICLPoolState.sol`,
 * `contracts/gauge/interfaces/ICLGauge.sol`): Uniswap V3's shapes, with the tick spacing where V3 has the
 * fee tier, `slot0` without `feeProtocol`, ticks carrying staked liquidity and reward growth.
 */
export const clPositionManagerAbi = parseAbi([
  'function balanceOf(address owner) view returns (uint256)',
  'function tokenOfOwnerByIndex(address owner, uint256 index) view returns (uint256)',
  'function positions(uint256 tokenId) view returns (uint96 nonce, address operator, address token0, address token1, int24 tickSpacing, int24 tickLower, int24 tickUpper, uint128 liquidity, uint256 feeGrowthInside0LastX128, uint256 feeGrowthInside1LastX128, uint128 tokensOwed0, uint128 tokensOwed1)',
  'struct CollectParams { uint256 tokenId; address recipient; uint128 amount0Max; uint128 amount1Max; }',
  'function collect(CollectParams params) payable returns (uint256 amount0, uint256 amount1)',
]);

export const clFactoryAbi = parseAbi([
  'function getPool(address tokenA, address tokenB, int24 tickSpacing) view returns (address)',
  'function allPoolsLength() view returns (uint256)',
  'function allPools(uint256 index) view returns (address)',
]);

export const clPoolAbi = parseAbi([
  'function slot0() view returns (uint160 sqrtPriceX96, int24 tick, uint16 observationIndex, uint16 observationCardinality, uint16 observationCardinalityNext, bool unlocked)',
  'function feeGrowthGlobal0X128() view returns (uint256)',
  'function feeGrowthGlobal1X128() view returns (uint256)',
  'function ticks(int24 tick) view returns (uint128 liquidityGross, int128 liquidityNet, int128 stakedLiquidityNet, uint256 feeGrowthOutside0X128, uint256 feeGrowthOutside1X128, uint256 rewardGrowthOutsideX128, int56 tickCumulativeOutside, uint160 secondsPerLiquidityOutsideX128, uint32 secondsOutside, bool initialized)',
  'function liquidity() view returns (uint128)',
  'function stakedLiquidity() view returns (uint128)',
  'function gaugeFees() view returns (uint128 token0, uint128 token1)',
  'function token0() view returns (address)',
  'function token1() view returns (address)',
  'function tickSpacing() view returns (int24)',
]);

export const clGaugeAbi = parseAbi([
  'function stakedValues(address depositor) view returns (uint256[])',
  'function stakedContains(address depositor, uint256 tokenId) view returns (bool)',
  'function earned(address account, uint256 tokenId) view returns (uint256)',
  'function rewardRate() view returns (uint256)',
  'function periodFinish() view returns (uint256)',
  'function rewardToken() view returns (address)',
  'function pool() view returns (address)',
]);

import { parseAbi } from 'viem';

/**
 * The reads Layerglass makes of a two-token pool that keeps its reserves in storage: Uniswap V2 pairs,
 * Camelot V2 pairs (`CamelotLabs/core` `contracts/interfaces/ICamelotPair.sol`) and SyncSwap pools
 * (`syncswap/core-contracts` `contracts/interfaces/pool/IBasePool.sol`). All three return the two
 * reserves as the first two words of `getReserves()` (what follows differs: a timestamp in Uniswap V2,
 * the fee percents in Camelot, nothing in SyncSwap), so the first two are all that is decoded here.
 */
export const pairAbi = parseAbi([
  'function token0() view returns (address)',
  'function token1() view returns (address)',
  'function getReserves() view returns (uint256 reserve0, uint256 reserve1)',
  'function totalSupply() view returns (uint256)',
  'function balanceOf(address owner) view returns (uint256)',
  'function decimals() view returns (uint8)',
]);

/**
 * Uniswap V2's price accumulators and the timestamp of the reserves' last update (the third word of
 * its `getReserves`). Camelot and SyncSwap pools have no accumulators: these calls revert there, and a
 * token is then not priced through the pool.
 */
export const v2OracleAbi = parseAbi([
  'function getReserves() view returns (uint112 reserve0, uint112 reserve1, uint32 blockTimestampLast)',
  'function price0CumulativeLast() view returns (uint256)',
  'function price1CumulativeLast() view returns (uint256)',
]);

/** Camelot pairs: whether the pair uses the stable curve (x³y + y³x) rather than x·y. */
export const camelotPairAbi = parseAbi(['function stableSwap() view returns (bool)']);

/** SyncSwap pools: 1 classic (x·y), 2 stable; stable pools scale reserves by precision multipliers. */
export const syncSwapPoolAbi = parseAbi([
  'function poolType() view returns (uint16)',
  'function token0PrecisionMultiplier() view returns (uint256)',
  'function token1PrecisionMultiplier() view returns (uint256)',
]);

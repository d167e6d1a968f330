import { parseAbi } from 'viem';

/**
 * SyncSwap's PoolMaster, the registry of every pool its whitelisted factories created
 * (`syncswap/core-contracts@5285a3a` `contracts/interfaces/master/IPoolMaster.sol`). Pool reads are
 * the shared two-token ones (`../v2-pairs/abi.ts`: IBasePool's token0/token1/getReserves, IPool's
 * poolType, IStablePool's precision multipliers).
 */
export const poolMasterAbi = parseAbi([
  'function poolsLength() view returns (uint256)',
  'function pools(uint256) view returns (address)',
]);

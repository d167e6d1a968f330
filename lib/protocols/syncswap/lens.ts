import { call } from '../../chains/multicall';
import type { RoundOneJob } from '../../chains/round-one';
import type { LensContext } from '../../portfolio/types';
import { LENS_GAS_BUDGET, v2PairsJob } from '../v2-pairs/lens';
import { poolMasterAbi } from './abi';
import { MAX_POOLS, type SyncSwapDeployment } from './read';

/**
 * SyncSwap's round 1: the shared V2 lens over the PoolMaster's list (`poolsLength`/`pools`), the owner's
 * LP in each pool, and the held pools' state (poolType, precision multipliers) and token metadata: every
 * current-block call of `readSyncSwap`.
 */
export function syncswapJobs(
  ctx: LensContext,
  d: SyncSwapDeployment,
  gasBudget = LENS_GAS_BUDGET,
): RoundOneJob[] {
  const registry = {
    address: d.poolMaster,
    lengthCall: call(d.poolMaster, poolMasterAbi, 'poolsLength').callData,
    itemAtZero: call(d.poolMaster, poolMasterAbi, 'pools', [0n]).callData,
    max: MAX_POOLS,
  };
  return [v2PairsJob('syncswap: PoolMaster pools', registry, ctx.owner, 'syncswap', gasBudget)];
}

import { call } from '../../chains/multicall';
import { runBatchChecks } from '../check';
import { defineModule } from '../module';
import { poolMasterAbi } from './abi';
import { syncswapJobs } from './lens';
import { readSyncSwap, type SyncSwapDeployment } from './read';
import { isSyncSwapDetails, SYNCSWAP_ID, type SyncSwapDetails } from './types';

export { isSyncSwapDetails } from './types';

/**
 * SyncSwap on zkSync Era. The PoolMaster (V1) is the one SyncSwap's own deploy scripts name
 * (`syncswap/core-contracts@5285a3a` `deploy/deployFactoryMainnet.ts`, `poolMasterAddress`;
 * shared/reference/staking-facts.md §1.4). Its classic/stable factories, routers and the V2 PoolMaster
 * are not in SyncSwap's stored sources and are not used (see the README).
 */
export const SYNCSWAP_MAINNET: SyncSwapDeployment = {
  poolMaster: '0xbB05918E9B4bA9Fe2c8384d223f0844867909Ffb',
};

export function describeSyncSwap(d: SyncSwapDetails): string[] {
  const pool = `the ${d.poolLabel} ${d.poolKind} pool${d.poolType === null ? '' : ` (poolType ${d.poolType})`}`;
  const lines = [d.totalSupply > 0n ? `${(d.share * 100).toPrecision(3)}% of ${pool}` : `LP of ${pool}`];
  for (const n of d.poolImplied) lines.push(n);
  for (const n of d.yieldNotes) lines.push(n);
  return lines;
}

export const syncswapModule = defineModule<SyncSwapDeployment>({
  id: SYNCSWAP_ID,
  name: 'SyncSwap',
  order: 31,
  kinds: ['liquidity'],
  deployment: {
    devnet: (c) => {
      const poolMaster = c['SyncSwap.PoolMaster'];
      return poolMaster ? { poolMaster } : null;
    },
    mainnet: { 324: SYNCSWAP_MAINNET },
  },
  lens: syncswapJobs,
  read: readSyncSwap,
  positionLines: (p) => (isSyncSwapDetails(p.details) ? describeSyncSwap(p.details) : []),
  check: (ctx, d) =>
    runBatchChecks(ctx, (batch) => {
      const n = batch.add(call(d.poolMaster, poolMasterAbi, 'poolsLength'));
      return [
        [
          'SyncSwap PoolMaster.poolsLength',
          d.poolMaster,
          () => {
            const r = n();
            if (!r.ok) return { ok: false, error: r.error };
            return r.value > 0n ? { ok: true } : { ok: false, error: 'no pools registered' };
          },
        ],
      ];
    }),
});

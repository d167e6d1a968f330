import type { Address } from 'viem';
import { call } from '../../chains/multicall';
import { type BatchCheck, runBatchChecks } from '../check';
import type { CheckContext, DeploymentCheck } from '../module';
import { rewardRouterAbi } from './abi';
import type { GmxDeployment } from './addresses';

type Getter = (typeof rewardRouterAbi)[number]['name'];

const eq = (a: Address | null, b: Address) => a !== null && a.toLowerCase() === b.toLowerCase();

/** Confirms the mainnet table through RewardRouterV2's own getters (each address has code and matches). */
export function checkGmx(ctx: CheckContext, d: GmxDeployment): Promise<DeploymentCheck[]> {
  const router = d.rewardRouter;
  if (!router) return Promise.resolve([]);
  return runBatchChecks(ctx, (batch) => {
    const getter = (label: string, fn: Getter, expected: Address | null): BatchCheck | null => {
      if (expected === null) return null;
      const r = batch.add(call(router, rewardRouterAbi, fn));
      return [
        `GMX ${label}`,
        expected,
        () => {
          const v = r();
          if (!v.ok) return { ok: false, error: v.error };
          return eq(expected, v.value) ? { ok: true } : { ok: false, error: `router says ${v.value}` };
        },
      ];
    };
    return [
      getter('GMX', 'gmx', d.gmx),
      getter('esGMX', 'esGmx', d.esGmx),
      getter('bnGMX', 'bnGmx', d.bnGmx),
      getter('StakedGmxTracker', 'stakedGmxTracker', d.stakedGmxTracker),
      getter('BonusGmxTracker', 'bonusGmxTracker', d.bonusGmxTracker),
      getter('ExtendedGmxTracker', 'extendedGmxTracker', d.extendedGmxTracker),
      getter('FeeGmxTracker', 'feeGmxTracker', d.feeGmxTracker),
      getter('GmxVester', 'gmxVester', d.gmxVester),
      getter('GLP', 'glp', d.glp?.token ?? null),
      getter('StakedGlpTracker', 'stakedGlpTracker', d.glp?.stakedTracker ?? null),
      getter('FeeGlpTracker', 'feeGlpTracker', d.glp?.feeTracker ?? null),
      getter('GovToken', 'govToken', d.govToken),
    ].filter((c): c is BatchCheck => c !== null);
  });
}

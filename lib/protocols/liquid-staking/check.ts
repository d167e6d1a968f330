import { call } from '../../chains/multicall';
import { aggregatorV3Abi } from '../../prices/chainlink';
import { type BatchCheck, runBatchChecks } from '../check';
import type { CheckContext, DeploymentCheck } from '../module';
import { chainLsts } from './read';
import type { LiquidStakingDeployment } from './types';

/** Every LST's rate feed has code and answers `latestRoundData` and `decimals`; each token answers `decimals`. */
export function checkLiquidStaking(
  ctx: CheckContext,
  _d: LiquidStakingDeployment,
): Promise<DeploymentCheck[]> {
  return runBatchChecks(ctx, (batch) =>
    chainLsts({ deployment: ctx.chain }).flatMap((l): BatchCheck[] => {
      const round = batch.add(call(l.rate.address, aggregatorV3Abi, 'latestRoundData'));
      const decimals = batch.add(call(l.rate.address, aggregatorV3Abi, 'decimals'));
      return [
        [
          `${l.rate.pair} exchange-rate feed`,
          l.rate.address,
          () => {
            const r = round();
            const d = decimals();
            if (!r.ok) return { ok: false, error: r.error };
            if (!d.ok) return { ok: false, error: d.error };
            return r.value[1] > 0n ? { ok: true } : { ok: false, error: `answered ${r.value[1]}` };
          },
        ],
      ];
    }),
  );
}

import type { Address } from 'viem';
import { Batch, chainMulticall } from '../chains/multicall';
import type { CheckContext, DeploymentCheck } from './module';

/** A read that confirms one address, answered after the batch ran. */
export type BatchCheck = [label: string, address: Address, result: () => { ok: boolean; error?: string }];

/**
 * Runs checks that were added to one batch, and confirms each address has code: the shared end of
 * every module's mainnet check.
 */
export async function runBatchChecks(
  ctx: CheckContext,
  build: (batch: Batch) => BatchCheck[],
): Promise<DeploymentCheck[]> {
  const batch = new Batch();
  const checks = build(batch);
  await batch.execute(ctx.client, chainMulticall(ctx.chainId));
  const codes = await Promise.all(checks.map(([, address]) => ctx.client.getCode({ address })));
  return checks.map(([label, address, result], i) => {
    const hasCode = (codes[i]?.length ?? 0) > 2;
    const r = result();
    return {
      label,
      address,
      ok: hasCode && r.ok,
      detail:
        [hasCode ? null : 'no code', r.ok ? null : (r.error ?? 'failed')].filter(Boolean).join('; ') || null,
    };
  });
}

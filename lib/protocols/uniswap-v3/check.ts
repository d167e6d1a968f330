import type { ReadClient } from '../../chains/client';
import { Batch, call } from '../../chains/multicall';
import { CHAINS, type ChainId } from '../../chains/registry';
import type { TokenEntry } from '../../tokens/types';
import type { DeploymentCheck } from '../module';
import { factoryAbi, positionManagerAbi } from './abi';
import { poolAddress, type V3Deployment } from './addresses';

export type { DeploymentCheck } from '../module';

/**
 * Confirms a V3 deployment on a live chain: the position manager answers `factory()` with our factory, and
 * the pool address we derive (CREATE2) for WETH/USDC (0.05 %, 0.3 %) is the one the factory reports, for each
 * of those pools that exists (at least one must).
 */
export async function checkV3Deployment(
  client: ReadClient,
  chainId: ChainId,
  deployment: V3Deployment,
  tokens: readonly TokenEntry[],
): Promise<DeploymentCheck[]> {
  const batch = new Batch();
  const factory = batch.add(call(deployment.positionManager, positionManagerAbi, 'factory'));
  const weth = tokens.find((t) => t.symbol === 'WETH')?.address;
  const usdc = tokens.find((t) => t.symbol === 'USDC')?.address;
  const pools =
    weth && usdc
      ? [500, 3000].map((fee) => ({
          fee,
          derived: poolAddress(deployment.factory, deployment.pool, weth, usdc, fee),
          read: batch.add(call(deployment.factory, factoryAbi, 'getPool', [weth, usdc, fee])),
        }))
      : [];
  await batch.execute(client, { multicall3: CHAINS[chainId].multicall3 });
  const f = factory();
  const checks: DeploymentCheck[] = [
    {
      label: 'Uniswap V3 NPM.factory()',
      address: deployment.positionManager,
      ok: f.ok && f.value.toLowerCase() === deployment.factory.toLowerCase(),
      detail: f.ok ? `answers ${f.value}` : f.error,
    },
  ];
  // Pools that do not exist (the factory answers 0x0) prove nothing; at least one must be confirmed.
  let confirmed = 0;
  for (const p of pools) {
    const r = p.read();
    if (r.ok && BigInt(r.value) === 0n) continue;
    const ok = r.ok && r.value.toLowerCase() === p.derived.toLowerCase();
    if (ok) confirmed += 1;
    checks.push({
      label: `Uniswap V3 WETH/USDC ${p.fee / 10_000}% pool`,
      address: p.derived,
      ok,
      detail: r.ok ? `factory says ${r.value}` : r.error,
    });
  }
  if (confirmed === 0) {
    checks.push({
      label: 'Uniswap V3 pool derivation',
      address: deployment.factory,
      ok: false,
      detail: 'no WETH/USDC pool to confirm the derived addresses against',
    });
  }
  return checks;
}

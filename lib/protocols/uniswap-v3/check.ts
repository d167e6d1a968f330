import type { ReadClient } from '../../chains/client';
import { Batch, call } from '../../chains/multicall';
import { CHAINS, type ChainId } from '../../chains/registry';
import type { TokenEntry } from '../../tokens/types';
import type { DeploymentCheck } from '../module';
import { factoryAbi, positionManagerAbi } from './abi';
import { poolAddress, type V3Deployment } from './addresses';

export type { DeploymentCheck } from '../module';

/** Fee tiers a V3 factory may have a pool at (Uniswap's four; SushiSwap V3 has the same ones). */
const CHECK_FEES = [100, 500, 3000, 10_000] as const;
/** Pairs whose pools confirm the derivation: WETH against native and bridged USDC, where listed. */
const CHECK_PAIRS = [
  ['WETH', 'USDC'],
  ['WETH', 'USDC.e'],
] as const;

/**
 * Confirms a V3 deployment on a live chain: the position manager answers `factory()` with our factory, and
 * the pool address we derive (CREATE2) for WETH/USDC and WETH/USDC.e at each fee tier is the one the factory
 * reports, for each of those pools that exists (at least one must). `name` labels the lines ("Uniswap V3",
 * "SushiSwap V3"): every V3-style module checks itself through this.
 */
export async function checkV3Deployment(
  client: ReadClient,
  chainId: ChainId,
  deployment: V3Deployment,
  tokens: readonly TokenEntry[],
  name: string,
): Promise<DeploymentCheck[]> {
  const batch = new Batch();
  const factory = batch.add(call(deployment.positionManager, positionManagerAbi, 'factory'));
  const address = (symbol: string) => tokens.find((t) => t.symbol === symbol)?.address;
  const pools = CHECK_PAIRS.flatMap(([a, b]) => {
    const tokenA = address(a);
    const tokenB = address(b);
    if (!tokenA || !tokenB) return [];
    return CHECK_FEES.map((fee) => ({
      pair: `${a}/${b}`,
      fee,
      derived: poolAddress(deployment.factory, deployment.pool, tokenA, tokenB, fee),
      read: batch.add(call(deployment.factory, factoryAbi, 'getPool', [tokenA, tokenB, fee])),
    }));
  });
  await batch.execute(client, { multicall3: CHAINS[chainId].multicall3 });
  const f = factory();
  const checks: DeploymentCheck[] = [
    {
      label: `${name} NPM.factory()`,
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
      label: `${name} ${p.pair} ${p.fee / 10_000}% pool`,
      address: p.derived,
      ok,
      detail: r.ok ? `factory says ${r.value}` : r.error,
    });
  }
  if (confirmed === 0) {
    checks.push({
      label: `${name} pool derivation`,
      address: deployment.factory,
      ok: false,
      detail: 'no WETH/USDC or WETH/USDC.e pool to confirm the derived addresses against',
    });
  }
  return checks;
}

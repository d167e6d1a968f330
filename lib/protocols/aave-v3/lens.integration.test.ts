import type { Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { testDevnet } from '../../../devnet/testing';
import { answerStats, resetAnswerStats } from '../../chains/multicall';
import { CHAIN_IDS } from '../../chains/registry';
import type { ChainPortfolio } from '../../portfolio/types';
import { figures, lensCases, lensClient, readAlone } from '../follow-up/lens-testing';
import { AAVE_V3_DEPLOYMENT, devnetAaveV3Market } from './addresses';
import { aaveV3Module, aaveV3ModuleFor, isAaveV3Summary } from './module';

/*
 * Oracle: the reader itself, level by level (the `multicall-levels` path: Multicall3 only, as on main),
 * at the same pinned block; round 1 must give the very same positions and summary, with no call of the
 * reader left unanswered. Both paths of the reader: UiPoolDataProviderV3 (the devnet's) and reserve by
 * reserve (mainnet's), and a UiPoolDataProvider that reverts (the lens falls back as the reader does).
 */
const { manifest, network } = testDevnet();
const ROLES = ['demo', 'nearLiquidation', 'supplierOnly'] as const;
const account = (role: string) => manifest.accounts[role] as Address;

const withUi = (ui: (market: NonNullable<ReturnType<typeof devnetAaveV3Market>>) => Address | null) =>
  aaveV3ModuleFor({
    ...AAVE_V3_DEPLOYMENT,
    devnet: (contracts) => {
      const market = devnetAaveV3Market(contracts);
      return market && { ...market, uiPoolDataProvider: ui(market) };
    },
  });
/** Mainnet's path: no UiPoolDataProvider, reserve by reserve. */
const poolPath = withUi(() => null);
/** A UiPoolDataProvider that reverts (the Pool has no getReservesData). */
const revertingUi = withUi((m) => m.pool);

const source = (chain: ChainPortfolio) => chain.summaries.find(isAaveV3Summary)?.source;

describe.each(CHAIN_IDS)('Aave V3 round 1 on chain %i', (chainId) => {
  for (const role of ROLES) {
    lensCases(manifest, network, `UiPoolDataProvider, ${role}`, {
      chainId,
      module: aaveV3Module,
      owner: account(role),
      found: (c) => source(c) === 'ui-pool-data-provider',
    });
    lensCases(manifest, network, `reserve by reserve, ${role}`, {
      chainId,
      module: poolPath,
      owner: account(role),
      found: (c) => source(c) === 'pool-data-provider',
    });
  }

  it('a UiPoolDataProvider that reverts: the lens records it and reads reserve by reserve, as the reader does', async () => {
    const k = { chainId, module: revertingUi, owner: account('demo') };
    const c = lensClient(manifest, chainId);
    const at = (await c.client.getBlockNumber()) - 1n;
    resetAnswerStats(c.client);
    const chain = await readAlone(network, c, { ...k, found: () => true }, at);
    expect(answerStats(c.client).misses).toBe(0);
    const summary = chain.summaries.find(isAaveV3Summary);
    expect(summary?.source).toBe('pool-data-provider');
    expect(summary?.warnings[0]).toMatch(/UiPoolDataProviderV3 failed/);
    expect(chain.positions.some((p) => p.protocol === 'aave-v3')).toBe(true);
    const levels = await readAlone(
      network,
      lensClient(manifest, chainId, { override: true, deployless: true }),
      { ...k, found: () => true },
      at,
    );
    expect(figures(chain)).toEqual(figures(levels));
  });
});

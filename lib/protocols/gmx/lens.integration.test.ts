import { type Address, getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { testDevnet } from '../../../devnet/testing';
import { answerStats, resetAnswerStats } from '../../chains/multicall';
import { figures, lensCases, lensClient, readAlone } from '../follow-up/lens-testing';
import { GMX_DEPLOYMENT, gmxFromManifest } from './addresses';
import { gmxModule, gmxModuleFor } from './module';

/*
 * Oracle: the reader itself, level by level (the `multicall-levels` path, as on main), at the same pinned
 * block: round 1 must give the same positions with none of the reader's calls left unanswered.
 */
const { manifest, network } = testDevnet();
const ID = 42161 as const;
const demo = getAddress(manifest.accounts.demo as Address);
const contracts = manifest.chains[`${ID}`].contracts;

describe('GMX round 1', () => {
  lensCases(manifest, network, 'demo', {
    chainId: ID,
    module: gmxModule,
    owner: demo,
    found: (c) => c.positions.filter((p) => p.protocol === 'gmx').length === 3,
  });

  it('bad input: a fee tracker that is not a tracker (the GMX token): recorded failures, the same warnings', async () => {
    const base = gmxFromManifest(contracts, contracts['GMX.GMX']);
    if (!base) throw new Error('no devnet GMX');
    const variant = gmxModuleFor({ ...GMX_DEPLOYMENT, devnet: () => ({ ...base, feeGmxTracker: base.gmx }) });
    const k = { chainId: ID, module: variant, owner: demo, found: () => true };
    const c = lensClient(manifest, ID);
    const at = (await c.client.getBlockNumber()) - 1n;
    resetAnswerStats(c.client);
    const chain = await readAlone(network, c, k, at);
    expect(answerStats(c.client).misses).toBe(0);
    const staking = chain.positions.find((p) => p.id === `${ID}:gmx:staked`);
    expect(staking?.warning).toMatch(/FeeGmxTracker\.rewardToken failed/);
    const levels = await readAlone(
      network,
      lensClient(manifest, ID, { override: true, deployless: true }),
      k,
      at,
    );
    expect(figures(chain)).toEqual(figures(levels));
  });
});

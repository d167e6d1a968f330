import type { Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { testDevnet } from '../../../devnet/testing';
import { answerStats, resetAnswerStats } from '../../chains/multicall';
import { CHAIN_IDS } from '../../chains/registry';
import { figures, lensCases, lensClient, readAlone } from '../follow-up/lens-testing';
import { GOVERNANCE_DEPLOYMENT, governanceFromManifest } from './addresses';
import { governanceModule, governanceModuleFor } from './module';

/*
 * Oracle: the reader itself, level by level (the `multicall-levels` path, as on main), at the same pinned
 * block: round 1 must give the same positions with none of the reader's calls left unanswered.
 */
const { manifest, network } = testDevnet();
const demo = manifest.accounts.demo as Address;

describe.each(CHAIN_IDS)('governance round 1 on chain %i', (chainId) => {
  lensCases(manifest, network, 'demo', {
    chainId,
    module: governanceModule,
    owner: demo,
    found: (c) => c.positions.some((p) => p.protocol === 'governance'),
  });

  const hasBad = Boolean(manifest.chains[`${chainId}`].contracts['Governance.RevertingVotesToken']);
  it.runIf(hasBad)(
    'bad input: a voting token whose reads revert is recorded failing and reported as before',
    async () => {
      const contracts = manifest.chains[`${chainId}`].contracts;
      const bad = contracts['Governance.RevertingVotesToken'] as Address;
      const base = governanceFromManifest(contracts, chainId);
      if (!base || !bad) throw new Error('no devnet governance');
      const variant = governanceModuleFor({
        ...GOVERNANCE_DEPLOYMENT,
        devnet: () => ({ tokens: [...base.tokens, { symbol: 'BAD', token: bad, heldIn: 'wallet' }] }),
      });
      const k = { chainId, module: variant, owner: demo, found: () => true };
      const c = lensClient(manifest, chainId);
      const at = (await c.client.getBlockNumber()) - 1n;
      resetAnswerStats(c.client);
      const chain = await readAlone(network, c, k, at);
      expect(answerStats(c.client).misses).toBe(0);
      expect(chain.positions.find((p) => p.label === 'BAD voting power')?.warning).toMatch(/failed/);
      const levels = await readAlone(
        network,
        lensClient(manifest, chainId, { override: true, deployless: true }),
        k,
        at,
      );
      expect(figures(chain)).toEqual(figures(levels));
    },
  );
});

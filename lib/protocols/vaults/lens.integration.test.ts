import type { Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { VAULT_CHAINS } from '../../../devnet/seed/vaults';
import { testDevnet } from '../../../devnet/testing';
import { answerStats, resetAnswerStats } from '../../chains/multicall';
import { figures, lensCases, lensClient, readAlone } from '../follow-up/lens-testing';
import { vaultsModule } from './module';
import { VAULTS_ID } from './types';

/*
 * Oracle: the reader itself, level by level (the `multicall-levels` path, as on main), at the same pinned
 * block: round 1 must give the same positions with none of the reader's current calls left unanswered
 * (the share price back in time is a past-block read, round 2, not counted).
 */
const { manifest, network } = testDevnet();
const demo = manifest.accounts.demo as Address;
const isVault = (id: number) => (p: { protocol: string; id: string }) =>
  p.protocol === VAULTS_ID && p.id.startsWith(`${id}:`);

describe.each(VAULT_CHAINS)('vaults round 1 on chain %i', (chainId) => {
  lensCases(manifest, network, 'curated, demo', {
    chainId,
    module: vaultsModule,
    owner: demo,
    found: (c) => c.positions.some(isVault(chainId)),
  });

  // The same vaults as user entries, read through a profile that knows none of them.
  const contracts = manifest.chains[`${chainId}`].contracts;
  const curated = Object.entries(contracts)
    .filter(([name]) => name.startsWith('Vault.'))
    .map(([, a]) => a);
  const unknownNetwork = {
    ...network,
    chains: {
      ...network.chains,
      [chainId]: {
        ...network.chains[chainId],
        contracts: Object.fromEntries(Object.entries(contracts).filter(([n]) => !n.startsWith('Vault.'))),
      },
    },
  };
  for (const [role, owner] of [
    ['demo', demo],
    ['trader (no shares)', manifest.accounts.trader as Address],
  ] as const) {
    lensCases(manifest, unknownNetwork, `user-added, ${role}`, {
      chainId,
      module: vaultsModule,
      owner,
      userEntries: { [VAULTS_ID]: curated },
      found: (c) => c.positions.filter(isVault(chainId)).length === curated.length,
    });
  }

  it('bad input: user-added addresses that are no vault (a token, no contract) are recorded and reported as before', async () => {
    const usdc = manifest.chains[`${chainId}`].tokens.USDC as Address;
    const nowhere: Address = '0x000000000000000000000000000000000000dEaD';
    const k = {
      chainId,
      module: vaultsModule,
      owner: demo,
      userEntries: { [VAULTS_ID]: [usdc, nowhere] },
      found: () => true,
    };
    const c = lensClient(manifest, chainId);
    const at = (await c.client.getBlockNumber()) - 1n;
    resetAnswerStats(c.client);
    const chain = await readAlone(network, c, k, at);
    expect(answerStats(c.client).misses).toBe(0);
    const bad = chain.positions.filter(
      (p) => p.protocol === VAULTS_ID && /not an ERC-4626 vault/.test(p.warning ?? ''),
    );
    expect(bad).toHaveLength(2);
    const levels = await readAlone(
      network,
      lensClient(manifest, chainId, { override: true, deployless: true }),
      k,
      at,
    );
    expect(figures(chain)).toEqual(figures(levels));
  });
});

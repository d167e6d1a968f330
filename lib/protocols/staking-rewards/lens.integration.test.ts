import type { Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { testDevnet } from '../../../devnet/testing';
import { answerStats, resetAnswerStats } from '../../chains/multicall';
import { CHAIN_IDS } from '../../chains/registry';
import { currentRequests, figures, lensCases, lensClient, readAlone } from '../follow-up/lens-testing';
import { FARM_PREFIX, isStakingRewardsSummary, stakingRewardsModule } from './module';
import { STAKING_REWARDS_ID } from './types';

/*
 * Oracle: the reader itself, level by level (the `multicall-levels` path, as on main), at the same pinned
 * block: round 1 must give the same farms and positions with none of the reader's calls left unanswered,
 * for the known farms (three levels: farm views; tokens' metadata and the staked pool; the pool's tokens)
 * and for farms the user added.
 */
const { manifest, network } = testDevnet();
const demo = manifest.accounts.demo as Address;
const farms = (c: Parameters<typeof figures>[0]) => c.summaries.find(isStakingRewardsSummary)?.farms ?? [];

describe.each(CHAIN_IDS)('staking-rewards round 1 on chain %i', (chainId) => {
  const contracts = manifest.chains[`${chainId}`].contracts;
  const known = Object.entries(contracts).filter(([n]) => n.startsWith(FARM_PREFIX));
  lensCases(manifest, network, 'known farms, demo', {
    chainId,
    module: stakingRewardsModule,
    owner: demo,
    found: (c) =>
      farms(c).length === known.length && c.positions.some((p) => p.protocol === STAKING_REWARDS_ID),
  });

  // The same farms as user entries, read through a profile that knows none of them.
  const unknownNetwork = {
    ...network,
    chains: {
      ...network.chains,
      [chainId]: {
        ...network.chains[chainId],
        contracts: Object.fromEntries(Object.entries(contracts).filter(([n]) => !n.startsWith(FARM_PREFIX))),
      },
    },
  };
  lensCases(manifest, unknownNetwork, 'user-added farms, demo', {
    chainId,
    module: stakingRewardsModule,
    owner: demo,
    userEntries: { [STAKING_REWARDS_ID]: known.map(([, a]) => a) },
    found: (c) =>
      farms(c).length === known.length && farms(c).every((f) => f.origin === 'user' && f.error === null),
  });

  it('bad input: a user-added token and an empty address are recorded failing; the same messages', async () => {
    const usdc = manifest.chains[`${chainId}`].tokens.USDC as Address;
    const nowhere: Address = '0x000000000000000000000000000000000000dEaD';
    const k = {
      chainId,
      module: stakingRewardsModule,
      owner: demo,
      userEntries: { [STAKING_REWARDS_ID]: [usdc, nowhere] },
      found: () => true,
    };
    const c = lensClient(manifest, chainId);
    const at = (await c.client.getBlockNumber()) - 1n;
    resetAnswerStats(c.client);
    const chain = await readAlone(network, c, k, at);
    expect(answerStats(c.client).misses).toBe(0);
    // Telling "no contract" from "not a farm" still takes one eth_getCode per failing address.
    expect(currentRequests(c.requests, at).filter((r) => r.method === 'eth_getCode')).toHaveLength(2);
    const errors = farms(chain)
      .filter((f) => f.origin === 'user')
      .map((f) => f.error);
    expect(errors[0]).toMatch(/not a StakingRewards farm/);
    expect(errors[1]).toMatch(/no contract at/);
    const levels = await readAlone(
      network,
      lensClient(manifest, chainId, { override: true, deployless: true }),
      k,
      at,
    );
    expect(figures(chain)).toEqual(figures(levels));
  });
});

import { type Address, parseAbi } from 'viem';
import { describe, expect, it } from 'vitest';
import {
  farmSpecs,
  loadWaffleArtifact,
  STAKING_REWARDS_ARTIFACT,
} from '../../../devnet/seed/staking-rewards';
import { testDevnet } from '../../../devnet/testing';
import { CHAIN_IDS, type ChainId } from '../../chains/registry';
import { readChainPortfolio } from '../../portfolio/read';
import { SECONDS_PER_YEAR } from '../../portfolio/yield';
import {
  FARM_PREFIX,
  isStakingRewardsDetails,
  isStakingRewardsSummary,
  stakingRewardsModule,
} from './module';

/*
 * Oracles: the real StakingRewards' own views (earned, balanceOf, rewardRate, periodFinish, totalSupply)
 * read here with the npm artifact's ABI, and Chainlink mock feeds' raw answers; the reward APR is
 * recomputed from those raw reads.
 */
const { manifest, network, clients } = testDevnet();
const farmAbi = loadWaffleArtifact(STAKING_REWARDS_ARTIFACT).abi;
const feedAbi = parseAbi(['function latestAnswer() view returns (int256)']);
const demo = manifest.accounts.demo as Address;

async function read(chainId: ChainId, user: Address[] = []) {
  return readChainPortfolio({
    network,
    chainId,
    client: clients[chainId],
    owner: demo,
    protocols: [stakingRewardsModule],
    userEntries: { 'staking-rewards': user },
  });
}

describe('staking-rewards on the devnet', () => {
  it.each(CHAIN_IDS)(
    'chain %i: staked, earned, rate and period equal the farm’s own views; APR recomputed',
    async (chainId) => {
      const chain = await read(chainId);
      const block = chain.blockNumber ?? 0n;
      const client = clients[chainId];
      const contracts = manifest.chains[`${chainId}`].contracts;
      const summary = chain.summaries.find(isStakingRewardsSummary);
      expect(summary?.farms.length).toBe(farmSpecs(chainId).length);
      for (const spec of farmSpecs(chainId)) {
        const address = contracts[`${FARM_PREFIX}${spec.name}`] as Address;
        const view = (functionName: string, args: unknown[] = []) =>
          client.readContract({
            address,
            abi: farmAbi,
            functionName,
            args,
            blockNumber: block,
          }) as Promise<bigint>;
        const [earned, balance, rate, finish, total] = await Promise.all([
          view('earned', [demo]),
          view('balanceOf', [demo]),
          view('rewardRate'),
          view('periodFinish'),
          view('totalSupply'),
        ]);
        const farm = summary?.farms.find((f) => f.address.toLowerCase() === address.toLowerCase());
        expect(farm?.rewardRate).toBe(rate);
        expect(farm?.periodFinish).toBe(finish);
        expect(farm?.totalStaked).toBe(total);
        const position = chain.positions.find((p) => p.id.endsWith(address.toLowerCase()));
        if (balance === 0n && earned === 0n) {
          expect(position).toBeUndefined();
        } else {
          expect(position?.assets[0]?.amount).toBe(balance);
          expect(position?.rewards[0]?.amount).toBe(earned);
          expect(isStakingRewardsDetails(position?.details)).toBe(true);
        }
        // The APR, recomputed from raw reads (only stakes of a feed-priced token here).
        const stakeFeed = contracts[`ChainlinkFeed.${spec.staking === 'WETH' ? 'ETH' : spec.staking}/USD`];
        const rewardFeed = contracts[`ChainlinkFeed.${spec.reward}/USD`];
        const stakeDecimals = spec.staking === 'USDC' ? 6 : 18;
        if (stakeFeed && rewardFeed && total > 0n && finish > (chain.blockTimestamp ?? 0n)) {
          const [ps, pr] = await Promise.all(
            [stakeFeed, rewardFeed].map(
              (f) =>
                client.readContract({
                  address: f,
                  abi: feedAbi,
                  functionName: 'latestAnswer',
                  blockNumber: block,
                }) as Promise<bigint>,
            ),
          );
          const stakeUsd = (Number(total) / 10 ** stakeDecimals) * (Number(ps) / 1e8);
          const yearly = (Number(rate) / 1e18) * SECONDS_PER_YEAR * (Number(pr) / 1e8);
          if (stakeUsd >= 1000) expect(farm?.rewardApr).toBeCloseTo(yearly / stakeUsd, 9);
          else {
            expect(farm?.rewardApr).toBeNull();
            expect(farm?.aprNote).toMatch(/tiny stake/);
          }
        } else {
          expect(farm?.rewardApr).toBeNull();
          expect(farm?.aprNote).toBeTruthy();
        }
      }
    },
  );

  it('says in words: nothing staked, no period running, reward token without a price, hostile metadata', async () => {
    const [op, arb, zk] = await Promise.all([read(10), read(42161), read(324)]);
    const farm = (c: typeof op, name: string) =>
      c.summaries.find(isStakingRewardsSummary)?.farms.find((f) => f.name === name);
    expect(farm(arb, 'empty')?.aprNote).toMatch(/nothing is staked/);
    expect(farm(op, 'never-started')?.aprNote).toMatch(/no reward period has been started/);
    expect(farm(zk, 'NOPRICE')?.aprNote).toMatch(/NOPRICE has no price/);
    const hostile = farm(op, 'DAI-HOSTILE');
    expect(hostile?.aprNote).toMatch(/has no price/);
    expect(hostile?.warning).toMatch(/reward token: .*shortened/);
    expect(hostile?.rewardSymbol?.length).toBeLessThanOrEqual(16);
    const started = op.positions.find(
      (p) => isStakingRewardsDetails(p.details) && p.details.farm.name === 'never-started',
    );
    expect(started?.yield).toMatchObject({ baseApr: 0, rewardApr: 0 });
  });

  it('a user-added address that is not a farm, or a farm of another chain, gets its own message; the rest renders', async () => {
    const opFarm = manifest.chains['10'].contracts[`${FARM_PREFIX}USDC-OP`] as Address;
    const usdc = manifest.chains['42161'].tokens.USDC as Address;
    const knownArb = manifest.chains['42161'].contracts[`${FARM_PREFIX}WETH-ARB`] as Address;
    const nowhere = '0x000000000000000000000000000000000000dEaD';
    const chain = await read(42161, [usdc, nowhere, opFarm, knownArb]);
    const farms = chain.summaries.find(isStakingRewardsSummary)?.farms ?? [];
    expect(chain.protocolErrors).toEqual([]);
    const byAddress = (a: Address) => farms.find((f) => f.address.toLowerCase() === a.toLowerCase());
    expect(byAddress(usdc)?.error).toMatch(/is not a StakingRewards farm on Arbitrum One/);
    expect(byAddress(nowhere)?.error).toMatch(/no contract at .* on Arbitrum One: a farm on another chain/);
    const code = await clients[42161].getCode({ address: opFarm });
    expect(byAddress(opFarm)?.error).toMatch(
      code && code !== '0x' ? /not a StakingRewards farm/ : /no contract at/,
    );
    // A known farm added again is read once, as known.
    expect(farms.filter((f) => f.address.toLowerCase() === knownArb.toLowerCase())).toHaveLength(1);
    expect(byAddress(knownArb)?.origin).toBe('known');
    expect(chain.positions.length).toBeGreaterThan(0);
  });
});

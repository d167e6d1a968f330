import { type Address, createPublicClient, getAddress, http, parseAbi, parseAbiItem } from 'viem';
import { describe, expect, it } from 'vitest';
import { GMX_SEED } from '../../../devnet/seed/gmx';
import { testDevnet } from '../../../devnet/testing';
import { readChainPortfolio } from '../../../lib/portfolio/read';
import type { Position } from '../../portfolio/types';
import { GMX_DEPLOYMENT, gmxFromManifest } from './addresses';
import { gmxModule, gmxModuleFor } from './module';
import { type GmxGlpDetails, type GmxStakingDetails, type GmxVestingDetails, isGmxDetails } from './types';

/*
 * Oracles: the seed's ground truth (each tracker's rewards = tokensPerInterval × seconds since the one
 * staking transaction × the demo's share of the seeded stakes; vesting = deposit × elapsed ÷ duration),
 * the staking/deposit times taken from the stand-ins' own events and block headers, and APRs recomputed
 * here from raw reads (tracker rates and supplies, Chainlink feeds' latestRoundData) with ABIs written
 * here, not ./abi.ts.
 */

const { manifest, network, clients } = testDevnet();
const ID = 42161 as const;
const client = clients[ID];
/** Logs (the seed's ground truth) come through a full public client: the app's read client has no getLogs. */
const logsClient = createPublicClient({ transport: http(network.chains[ID].rpcUrl) });
const demo = getAddress(manifest.accounts.demo as Address);
const contracts = manifest.chains[`${ID}`].contracts;
const named = (name: string) => {
  const a = contracts[name];
  if (!a) throw new Error(`${name} missing`);
  return a;
};
const YEAR = 31_536_000n;

const rawTracker = parseAbi([
  'function tokensPerInterval() view returns (uint256)',
  'function totalSupply() view returns (uint256)',
  'function stakedAmounts(address) view returns (uint256)',
]);
const feedAbi = parseAbi([
  'function latestRoundData() view returns (uint80, int256, uint256, uint256, uint80)',
  'function decimals() view returns (uint8)',
]);
const stakeEvent = parseAbiItem(
  'event Stake(address indexed account, address indexed depositToken, uint256 amount)',
);
const depositEvent = parseAbiItem('event Deposit(address indexed account, uint256 amount)');

async function read(module = gmxModule) {
  const chain = await readChainPortfolio({ network, chainId: ID, client, owner: demo, protocols: [module] });
  const gmx = chain.positions.filter((p) => p.protocol === 'gmx');
  return { chain, gmx };
}

const byId = (positions: Position[], suffix: string) => {
  const p = positions.find((x) => x.id === `${ID}:gmx:${suffix}`);
  if (!p) throw new Error(`no ${suffix} position`);
  return p;
};

/** When the one transaction that staked in a tracker was mined. */
async function stakedAt(tracker: Address, toBlock: bigint): Promise<bigint> {
  const logs = await logsClient.getLogs({ address: tracker, event: stakeEvent, fromBlock: 0n, toBlock });
  const blocks = [...new Set(logs.map((l) => l.blockNumber))];
  expect(blocks).toHaveLength(1);
  const [block] = blocks;
  if (block === undefined || block === null) throw new Error('no Stake log');
  return (await client.getBlock({ blockNumber: block })).timestamp;
}

async function usdPrice(feed: Address, blockNumber: bigint): Promise<number> {
  const [, answer] = await client.readContract({
    address: feed,
    abi: feedAbi,
    functionName: 'latestRoundData',
    blockNumber,
  });
  const decimals = await client.readContract({
    address: feed,
    abi: feedAbi,
    functionName: 'decimals',
    blockNumber,
  });
  return Number(answer) / 10 ** decimals;
}

describe('GMX staking on the devnet', () => {
  it("reads the demo's staked GMX, esGMX and multiplier points as seeded", async () => {
    const { gmx } = await read();
    const p = byId(gmx, 'staked');
    const d = p.details;
    if (!isGmxDetails(d) || d.position !== 'staking') throw new Error('no staking details');
    const seeded = (tracker: string, token: string) =>
      GMX_SEED.trackers
        .find((t) => t.name === tracker)
        ?.stakes.filter(([who, tok]) => who === 'demo' && tok === token)
        .reduce((s, [, , a]) => s + a, 0n);
    expect(d.stakedGmx).toBe(seeded('StakedGmxTracker', 'GMX'));
    expect(d.stakedEsGmx).toBe(seeded('StakedGmxTracker', 'esGMX'));
    expect(d.multiplierPoints).toBe(seeded('ExtendedGmxTracker', 'bnGMX'));
    expect(p.warning).toBeNull();
  });

  it("claimable rewards per tracker equal the seed's ground truth: rate × elapsed × share", async () => {
    const { chain, gmx } = await read();
    const T = chain.blockTimestamp ?? 0n;
    const details = [byId(gmx, 'staked').details, byId(gmx, 'glp').details];
    const readings = details.flatMap((d) =>
      isGmxDetails(d) && d.position !== 'vesting' ? (d as GmxStakingDetails | GmxGlpDetails).trackers : [],
    );
    let checked = 0;
    for (const seed of GMX_SEED.trackers) {
      if (seed.stakes.length === 0) continue;
      const reading = readings.find((r) => r.name === seed.name);
      if (!reading) throw new Error(`${seed.name} not read`);
      const t0 = await stakedAt(named(`GMX.${seed.name}`), chain.blockNumber ?? 0n);
      const mine = seed.stakes.filter(([who]) => who === 'demo').reduce((s, [, , a]) => s + a, 0n);
      const all = seed.stakes.reduce((s, [, , a]) => s + a, 0n);
      const expected = (seed.tokensPerInterval * (T - t0) * mine) / all;
      // The tracker rounds twice (per-token accumulator, then × stake): a few wei at most.
      const diff = reading.claimable - expected;
      expect(diff < 0n ? -diff : diff, seed.name).toBeLessThanOrEqual(2n);
      if (seed.tokensPerInterval > 0n) expect(reading.claimable, seed.name).toBeGreaterThan(0n);
      // The reward token is read from the tracker, not assumed.
      const rewardAddress =
        seed.reward === 'WETH' ? manifest.chains[`${ID}`].tokens.WETH : named(`GMX.${seed.reward}`);
      expect(getAddress(reading.rewardToken)).toBe(getAddress(rewardAddress as Address));
      checked += 1;
    }
    expect(checked).toBe(6);
  });

  it('APRs equal the formula recomputed from raw tracker reads and the feeds', async () => {
    const { chain, gmx } = await read();
    const block = chain.blockNumber ?? 0n;
    const gmxUsd = await usdPrice(named('ChainlinkFeed.GMX/USD'), block);
    const ethUsd = await usdPrice(named('ChainlinkFeed.ETH/USD'), block);
    const raw = async (name: string) => {
      const address = named(`GMX.${name}`);
      const r = (fn: 'tokensPerInterval' | 'totalSupply') =>
        client.readContract({ address, abi: rawTracker, functionName: fn, blockNumber: block });
      const stake = await client.readContract({
        address,
        abi: rawTracker,
        functionName: 'stakedAmounts',
        args: [demo],
        blockNumber: block,
      });
      return {
        tpi: Number(await r('tokensPerInterval')) / 1e18,
        supply: Number(await r('totalSupply')),
        stake: Number(stake),
      };
    };
    const yearly = (t: { tpi: number; supply: number; stake: number }) =>
      (t.tpi * Number(YEAR) * t.stake) / t.supply;

    const staking = byId(gmx, 'staked');
    const value = 300 * gmxUsd; // 250 GMX + 50 esGMX (esGMX at the GMX price)
    const fee = await raw('FeeGmxTracker');
    const staked = await raw('StakedGmxTracker');
    expect(staking.yield?.baseApr).toBeCloseTo((yearly(fee) * ethUsd) / value, 8);
    expect(staking.yield?.rewardApr).toBeCloseTo((yearly(staked) * gmxUsd) / value, 8);
    expect(staking.yield?.rewards?.map((r) => r.symbol).sort()).toEqual(['WETH', 'esGMX']);
    expect(staking.yield?.window).toBe('current rate');

    const glp = byId(gmx, 'glp');
    const d = glp.details as GmxGlpDetails;
    const glpUsd = Number(GMX_SEED.glp.aumMin / 10n ** 12n) / 1e18 / (Number(GMX_SEED.glp.supply) / 1e18);
    const glpValue = (Number(d.staked) / 1e18) * glpUsd;
    expect(glp.label).toContain('legacy');
    expect(glp.yield?.baseApr).toBeCloseTo((yearly(await raw('FeeGlpTracker')) * ethUsd) / glpValue, 8);
    expect(glp.yield?.rewardApr).toBeCloseTo((yearly(await raw('StakedGlpTracker')) * gmxUsd) / glpValue, 8);
  });

  it('vesting: claimable GMX equals deposit × elapsed ÷ duration since the deposit', async () => {
    const { chain, gmx } = await read();
    const p = byId(gmx, 'vesting');
    expect(p.kind).toBe('vesting');
    const d = p.details as GmxVestingDetails;
    const logs = await logsClient.getLogs({
      address: named('GMX.GmxVester'),
      event: depositEvent,
      fromBlock: 0n,
      toBlock: chain.blockNumber ?? 0n,
    });
    const at = logs[0]?.blockNumber;
    if (at === undefined || at === null) throw new Error('no Deposit log');
    const t0 = (await client.getBlock({ blockNumber: at })).timestamp;
    const { amount, duration } = GMX_SEED.vesting;
    const expected = (amount * ((chain.blockTimestamp ?? 0n) - t0)) / duration;
    expect(d.claimable).toBe(expected);
    expect(d.remaining).toBe(amount - expected);
    expect(p.rewards[0]?.amount).toBe(expected);
    expect(p.rewards[0]?.symbol).toBe('GMX');
  });

  it('bad input: a tracker with zero supply gets a clear message and the rest renders', async () => {
    const base = gmxFromManifest(contracts, contracts['GMX.GMX']);
    if (!base) throw new Error('no devnet GMX');
    const variant = gmxModuleFor({
      ...GMX_DEPLOYMENT,
      devnet: () => ({ ...base, feeGmxTracker: named('GMX.EmptyTracker') }),
    });
    const { gmx } = await read(variant);
    const staking = byId(gmx, 'staked');
    expect(staking.warning).toMatch(/FeeGmxTracker has zero total supply.*APR is unknown/);
    expect(staking.yield).toBeNull();
    expect(staking.assets.map((a) => a.amount)).toEqual([250n * 10n ** 18n, 50n * 10n ** 18n]);
    // The other positions are unaffected.
    expect(byId(gmx, 'vesting').warning).toBeNull();
    expect(byId(gmx, 'glp').yield).not.toBeNull();
  });
});

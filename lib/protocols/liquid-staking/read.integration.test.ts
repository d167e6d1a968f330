import { type Address, parseAbi } from 'viem';
import { describe, expect, it } from 'vitest';
import { DevnetChain } from '../../../devnet/chain';
import { LST_RATES, lstFeedName } from '../../../devnet/seed/liquid-staking';
import { snapshotChain, testDevnet } from '../../../devnet/testing';
import { devnetFeedName } from '../../chains/network';
import { CHAIN_IDS, type ChainId } from '../../chains/registry';
import { readChainPortfolio } from '../../portfolio/read';
import { income } from '../../portfolio/select';
import { isLiquidStakingSummary, type LiquidStakingSummary } from './types';

/*
 * Oracles: the feeds' own raw `latestRoundData` answers at the read block and at the past block the
 * module names, read here with Chainlink's AggregatorV3 ABI; value and APR recomputed from them.
 */
const feedAbi = parseAbi([
  'function latestRoundData() view returns (uint80, int256, uint256, uint256, uint80)',
  'function updateRoundData(uint80 roundId, int256 answer, uint256 timestamp, uint256 startedAt)',
  'function latestRound() view returns (uint256)',
]);
const YEAR = 31_536_000;

const { manifest, network, clients } = testDevnet();
const demo = manifest.accounts.demo as Address;
const deployer = manifest.accounts.deployer as Address;
const contract = (id: ChainId, name: string) => manifest.chains[`${id}`].contracts[name] as Address;
const token = (id: ChainId, symbol: string) => manifest.chains[`${id}`].tokens[symbol] as Address;

async function round(id: ChainId, feed: Address, blockNumber: bigint) {
  const [roundId, answer, , updatedAt] = await clients[id].readContract({
    address: feed,
    abi: feedAbi,
    functionName: 'latestRoundData',
    blockNumber,
  });
  return { roundId, answer, updatedAt };
}

async function read(id: ChainId) {
  const chain = await readChainPortfolio({ network, chainId: id, client: clients[id], owner: demo });
  const summary = chain.summaries.find(isLiquidStakingSummary) as LiquidStakingSummary;
  return { chain, summary, block: chain.blockNumber as bigint };
}

describe('liquid staking on the devnet', () => {
  it('values wstETH and rETH at rate × ETH/USD from the feeds’ raw answers, in the wallet and in Aave', async () => {
    for (const id of CHAIN_IDS) {
      const { chain, block } = await read(id);
      expect(chain.protocolErrors).toEqual([]);
      const eth = await round(id, contract(id, devnetFeedName('ETH')), block);
      for (const [symbol, spec] of Object.entries(LST_RATES)) {
        if (!(spec.chains as readonly number[]).includes(id)) {
          expect(manifest.chains[`${id}`].tokens[symbol]).toBeUndefined();
          continue;
        }
        const rate = await round(id, contract(id, lstFeedName(spec.pair)), block);
        // Price: 18-decimal rate × 8-decimal ETH/USD, scaled to 18 decimals.
        const price = (10n ** 18n * rate.answer * eth.answer) / (10n ** 18n * 10n ** 8n);
        const held = chain.positions.filter((p) =>
          p.assets.some(
            (a) => a.token !== 'native' && a.token.toLowerCase() === token(id, symbol).toLowerCase(),
          ),
        );
        expect(held.length, `${id} ${symbol}`).toBeGreaterThan(0);
        for (const p of held) {
          const a = p.assets.find((x) => x.token === token(id, symbol));
          expect(a?.price.usdE18, `${id} ${p.id}`).toBe(price);
          expect(a?.price.label).toBe(`${spec.pair} × ETH/USD`);
          expect(a?.usdE18).toBe(((a?.amount ?? 0n) * price) / 10n ** 18n);
        }
        if (symbol === 'wstETH') expect(held.map((p) => p.protocol)).toContain('aave-v3');
      }
    }
  });

  it('states the staking APR recomputed from raw past and present rounds, and adds it to every holder', async () => {
    for (const id of CHAIN_IDS) {
      const { chain, summary, block } = await read(id);
      expect(summary.rates.length).toBe(id === 324 ? 1 : 2);
      if (id === 324) expect(summary.unavailable.map((u) => u.symbol)).toContain('rETH');
      for (const r of summary.rates) {
        expect(r.status).toBe('ok');
        const past = r.past;
        if (!past) throw new Error(`${id} ${r.symbol}: no past round`);
        const now = await round(id, r.feed, block);
        const then = await round(id, r.feed, past.block);
        const header = await clients[id].getBlock({ blockNumber: past.block });
        expect(past.blockTimestamp).toBe(header.timestamp);
        const seconds = Number(now.updatedAt - then.updatedAt);
        // The window is about 7 days (the feed updates daily) and stated as such.
        expect(seconds).toBeGreaterThanOrEqual(6 * 86_400);
        expect(seconds).toBeLessThanOrEqual(8 * 86_400);
        const expected = ((Number(now.answer) / Number(then.answer) - 1) * YEAR) / seconds;
        expect(r.apr).toBeCloseTo(expected, 12);
        // And it is the seed's staking rate (simple growth, so slightly under it as the base rises).
        const bps = Number(LST_RATES[r.symbol as keyof typeof LST_RATES].aprBps) / 10_000;
        expect(r.apr).toBeGreaterThan(bps * 0.97);
        expect(r.apr).toBeLessThan(bps);
        expect(r.source).toMatch(/past-block read of latestRoundData/);

        // Wallet balance: the rate is the position's yield, base, compounding, counted in income.
        const wallet = chain.positions.find((p) => p.id === `${id}:wallet:${r.token}`);
        expect(wallet?.yield).toMatchObject({ baseApr: r.apr, rewardApr: 0, compounds: true });
        const usd = Number(wallet?.assets[0]?.usdE18 ?? 0n) / 1e18;
        expect(income(wallet ? [wallet] : []).perYear.baseUsd).toBeCloseTo(usd * (r.apr ?? 0), 6);
      }
      // Aave supply of wstETH: the staking rate is one component beside Aave's own rate.
      const wst = summary.rates.find((r) => r.symbol === 'wstETH');
      const aave = chain.positions.find(
        (p) => p.protocol === 'aave-v3' && p.kind === 'supply' && p.label === 'wstETH',
      );
      const components = aave?.yield?.components ?? [];
      expect(components.map((c) => c.label)).toContain('wstETH staking');
      expect(components.find((c) => c.label === 'wstETH staking')?.apr).toBe(wst?.apr);
      expect(components.length).toBeGreaterThan(1);
      expect(aave?.yield?.baseApr).toBeCloseTo(
        components.reduce((s, c) => s + c.apr, 0),
        12,
      );
    }
  });

  it('a stale rate feed: a clear per-item message, its price flagged stale, the rest renders', async () => {
    const chain = new DevnetChain(10, manifest.chains['10'].rpcUrl, []);
    const restore = await snapshotChain(chain);
    try {
      const feed = contract(10, lstFeedName(LST_RATES.wstETH.pair));
      const now = await chain.latestTimestamp();
      const next = (await chain.read<bigint>(feed, feedAbi, 'latestRound')) + 1n;
      const { answer } = await round(10, feed, await clients[10].getBlockNumber());
      const old = now - 3n * 86_400n;
      await chain.write(deployer, feed, feedAbi, 'updateRoundData', [next, answer, old, old]);
      const { chain: c, summary } = await read(10);
      const wst = summary.rates.find((r) => r.symbol === 'wstETH');
      expect(wst?.status).toBe('stale');
      expect(wst?.note).toMatch(/wstETH\/stETH rate feed last updated 3d before this block/);
      const wallet = c.positions.find((p) => p.id === `10:wallet:${token(10, 'wstETH')}`);
      expect(wallet?.assets[0]?.price.status).toBe('stale');
      expect(summary.rates.find((r) => r.symbol === 'rETH')?.status).toBe('ok');
      expect(c.protocolErrors).toEqual([]);
    } finally {
      await restore();
    }
  });

  it('a rate feed that reverts: the item says so, the yield is unknown (not 0 %), the rest renders', async () => {
    const chain = new DevnetChain(42161, manifest.chains['42161'].rpcUrl, []);
    const restore = await snapshotChain(chain);
    try {
      // PUSH1 0 PUSH1 0 REVERT: every call reverts.
      await chain.setCode(contract(42161, lstFeedName(LST_RATES.wstETH.pair)), '0x60006000fd');
      const { chain: c, summary } = await read(42161);
      const wst = summary.rates.find((r) => r.symbol === 'wstETH');
      expect(wst).toMatchObject({ status: 'unreadable', apr: null });
      expect(wst?.note).toMatch(/wstETH\/stETH rate feed is unreadable/);
      const wallet = c.positions.find((p) => p.id === `42161:wallet:${token(42161, 'wstETH')}`);
      expect(wallet?.yield).toBeNull();
      expect(wallet?.assets[0]?.price.status).toBe('failed');
      const reth = summary.rates.find((r) => r.symbol === 'rETH');
      expect(reth?.status).toBe('ok');
      expect(c.positions.find((p) => p.id === `42161:wallet:${token(42161, 'rETH')}`)?.yield?.baseApr).toBe(
        reth?.apr,
      );
      expect(c.protocolErrors).toEqual([]);
    } finally {
      await restore();
    }
  });
});

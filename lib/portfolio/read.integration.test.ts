import { type Address, parseAbi, parseUnits } from 'viem';
import { describe, expect, it } from 'vitest';
import { loadArtifact } from '../../devnet/artifacts';
import { DevnetChain } from '../../devnet/chain';
import {
  BYTES32_SYMBOL,
  DEMO_HOLDINGS,
  FEED_PRICES,
  MINTABLE_ERC20,
  STALE_FEED,
} from '../../devnet/seed/base';
import { snapshotChain, testDevnet } from '../../devnet/testing';
import { createReadClient } from '../chains/client';
import { DEVNET_SEQUENCER_FEED, devnetFeedName } from '../chains/network';
import { CHAIN_IDS, CHAINS, type ChainId } from '../chains/registry';
import { erc20Abi } from '../tokens/metadata';
import { portfolioJson } from './json';
import { readChainPortfolio, readPortfolio } from './read';

const feedAbi = parseAbi([
  'function latestRoundData() view returns (uint80, int256, uint256, uint256, uint80)',
  'function decimals() view returns (uint8)',
]);

describe('portfolio on the devnet', () => {
  const { manifest, network, clients, requests } = testDevnet();
  const demo = manifest.accounts.demo as Address;

  it('reads every seeded wallet balance, equal to the tokens’ own balanceOf and to the seed', async () => {
    const heads = await Promise.all(CHAIN_IDS.map((id) => clients[id].getBlockNumber()));
    const portfolio = await readPortfolio(network, demo, clients);
    for (const chain of portfolio.chains) {
      const id = chain.chainId;
      const client = clients[id];
      expect(chain.error).toBeNull();
      // The devnet mines a block every second: the read is pinned to a head it had during the read.
      expect(chain.blockNumber).toBeGreaterThanOrEqual(heads[CHAIN_IDS.indexOf(id)] ?? 0n);
      expect(chain.blockNumber).toBeLessThanOrEqual(await client.getBlockNumber());
      // The head is fresh (judged against the wall clock), so the chain is not lagging.
      expect(chain.headAgeSeconds).toBeLessThanOrEqual(CHAINS[id].maxHeadAgeSeconds);
      const holdings = DEMO_HOLDINGS[id];
      const tokens = manifest.chains[`${id}`].tokens;
      const native = chain.positions.find((p) => p.id === `${id}:wallet:native`);
      expect(native?.assets[0]?.amount).toBe(await client.getBalance({ address: demo }));
      expect(native?.assets[0]?.amount).toBe(parseUnits(holdings.ETH ?? '', 18));
      for (const [symbol, address] of Object.entries(tokens)) {
        const position = chain.positions.find((p) => p.id === `${id}:wallet:${address}`);
        const onChain = await client.readContract({
          address,
          abi: erc20Abi,
          functionName: 'balanceOf',
          args: [demo],
        });
        const decimals = await client.readContract({ address, abi: erc20Abi, functionName: 'decimals' });
        expect(position?.assets[0]?.amount, `${id} ${symbol}`).toBe(onChain);
        expect(onChain, `${id} ${symbol}`).toBe(parseUnits(holdings[symbol] ?? 'missing', decimals));
        expect(position?.assets[0]?.decimals).toBe(decimals);
      }
    }
  });

  it('values each balance at its feed’s own answer and flags the stale feed', async () => {
    for (const id of CHAIN_IDS) {
      const chain = await readChainPortfolio({ network, chainId: id, client: clients[id], owner: demo });
      for (const symbol of ['USDC', 'DAI', 'WETH']) {
        const address = manifest.chains[`${id}`].tokens[symbol] as Address;
        const feed = manifest.chains[`${id}`].contracts[devnetFeedName(symbol)] as Address;
        const [, answer] = await clients[id].readContract({
          address: feed,
          abi: feedAbi,
          functionName: 'latestRoundData',
        });
        const asset = chain.positions.find((p) => p.id === `${id}:wallet:${address}`)?.assets[0];
        const decimals = symbol === 'USDC' ? 6 : 18;
        expect(answer).toBe(FEED_PRICES[symbol === 'WETH' ? 'ETH' : symbol]);
        expect(asset?.usdE18).toBe(((asset?.amount ?? 0n) * answer * 10n ** 10n) / 10n ** BigInt(decimals));
        const stale = id === STALE_FEED.chainId && symbol === STALE_FEED.symbol;
        expect(asset?.price.status, `${id} ${symbol}`).toBe(stale ? 'stale' : 'ok');
        if (stale) expect(asset?.price.reason).toMatch(/DAI\/USD last updated 3d before this block/);
      }
    }
  });

  it('decodes bytes32 metadata and defuses hostile metadata', async () => {
    const chain = await readChainPortfolio({ network, chainId: 10, client: clients[10], owner: demo });
    const tokens = manifest.chains['10'].tokens;
    const b32 = chain.positions.find((p) => p.id === `10:wallet:${tokens.BYTES32}`);
    expect(b32?.assets[0]?.symbol).toBe(BYTES32_SYMBOL);
    const hostile = chain.positions.find((p) => p.id === `10:wallet:${tokens.HOSTILE}`);
    expect(hostile?.assets[0]?.symbol.length).toBeLessThanOrEqual(16);
    expect(hostile?.warning).toMatch(/name shortened/);
    expect(hostile?.assets[0]?.usdE18).toBeNull();
    expect(hostile?.assets[0]?.price.status).toBe('no-feed');
  });

  it('reads the block, balances and prices in one request (round 1, by state override)', async () => {
    const before = requests.count;
    // Protocol readers add their own jobs (counted in their own tests); this counts the foundation's.
    const chain = await readChainPortfolio({
      network,
      chainId: 42161,
      client: clients[42161],
      owner: demo,
      protocols: [],
    });
    expect(requests.count - before).toBe(1);
    expect(chain.read?.path).toBe('state-override');
    // The block round 1 names is the chain's own (ArbSys, not block.number, on Arbitrum), with its header's time.
    const header = await clients[42161].getBlock({ blockNumber: chain.blockNumber ?? -1n });
    expect(chain.blockTimestamp).toBe(header.timestamp);
  });

  it('reports a chain whose RPC is down and reads the other two', async () => {
    const dead = {
      ...clients,
      324: createReadClient(324 as ChainId, 'http://127.0.0.1:9', { retryCount: 0 }),
    };
    const portfolio = await readPortfolio(network, demo, dead);
    const byId = Object.fromEntries(portfolio.chains.map((c) => [c.chainId, c]));
    expect(byId[324]?.error).toBeTruthy();
    expect(byId[324]?.positions).toEqual([]);
    expect(byId[10]?.error).toBeNull();
    expect(byId[42161]?.error).toBeNull();
    expect(byId[10]?.positions.length).toBeGreaterThan(0);
    const json = portfolioJson(portfolio);
    expect(json.chains.find((c) => c.chainId === 324)?.blockNumber).toBeNull();
  });

  it('distrusts every price while the sequencer is down, in its grace period, or its feed is uninitialised', async () => {
    const chain = new DevnetChain(10, manifest.chains['10'].rpcUrl, []);
    const feed = manifest.chains['10'].contracts[DEVNET_SEQUENCER_FEED] as Address;
    const deployer = manifest.accounts.deployer as Address;
    const abi = parseAbi(['function updateRoundData(uint80, int256, uint256, uint256)']);
    const cases: [string, bigint, (now: bigint) => bigint, RegExp][] = [
      ['down', 1n, (now) => now - 86_400n, /sequencer is down/],
      ['grace', 0n, (now) => now - 600n, /came back \d+s ago/],
      ['uninitialised', 0n, () => 0n, /not initialised/],
    ];
    for (const [name, answer, startedAt, reason] of cases) {
      const restore = await snapshotChain(chain);
      try {
        const now = await chain.latestTimestamp();
        await chain.write(deployer, feed, abi, 'updateRoundData', [9n, answer, now, startedAt(now)]);
        const read = await readChainPortfolio({
          network,
          chainId: 10,
          client: clients[10],
          owner: demo,
          protocols: [],
        });
        const prices = read.positions
          .flatMap((p) => p.assets.map((a) => a.price))
          .filter((p) => p.status !== 'no-feed');
        expect(prices.length, name).toBeGreaterThan(0);
        for (const price of prices) {
          expect(price.status, name).toBe('sequencer-down');
          expect(price.reason, name).toMatch(reason);
        }
      } finally {
        await restore();
      }
    }
  });

  it('reads a token the user added by address, and one that is not a token says so', async () => {
    const chain = new DevnetChain(324, manifest.chains['324'].rpcUrl, []);
    const restore = await snapshotChain(chain);
    try {
      const deployer = manifest.accounts.deployer as Address;
      const token = await chain.deploy(deployer, loadArtifact(MINTABLE_ERC20), ['Added Token', 'ADD', 8]);
      await chain.write(deployer, token, loadArtifact(MINTABLE_ERC20).abi, 'mint', [demo, 123_456_789n]);
      const notToken = manifest.chains['324'].contracts['ChainlinkFeed.ETH/USD'] as Address;
      const read = await readChainPortfolio({
        network,
        chainId: 324,
        client: clients[324],
        owner: demo,
        extraTokens: [token, notToken],
      });
      const added = read.positions.find((p) => p.id === `324:wallet:${token}`);
      expect(added?.assets[0]).toMatchObject({
        symbol: 'ADD',
        decimals: 8,
        amount: 123_456_789n,
        usdE18: null,
      });
      expect(added?.assets[0]?.price.status).toBe('no-feed');
      const broken = read.positions.find((p) => p.id === `324:wallet:${notToken}`);
      expect(broken?.assets).toEqual([]);
      expect(broken?.warning).toMatch(/balanceOf failed/);
      // The curated balances are unaffected by the broken one.
      expect(read.positions.filter((p) => p.protocol === 'wallet' && p.assets.length > 0).length).toBe(
        Object.keys(DEMO_HOLDINGS[324]).length + 1,
      );
    } finally {
      await restore();
    }
  });
});

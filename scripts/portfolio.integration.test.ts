import { createServer } from 'node:http';
import { type Address, parseUnits } from 'viem';
import { describe, expect, it } from 'vitest';
import { DEMO_HOLDINGS, tokenDecimals } from '../devnet/seed/base';
import { testDevnet } from '../devnet/testing';
import { CHAIN_IDS } from '../lib/chains/registry';
import type { PortfolioJson } from '../lib/portfolio/json';
import { runScript, writeManifest } from './cli-testing';

type IncomeJson = NonNullable<PortfolioJson['income']>;

const portfolio = (args: string[], manifestPath: string) =>
  runScript('portfolio.ts', args, { LAYERGLASS_MANIFEST: manifestPath });

describe('npm run portfolio', () => {
  const { manifest, clients } = testDevnet();

  it('prints the --json shape with exactly what the devnet seeded', async () => {
    const { code, stdout } = await portfolio(
      [manifest.accounts.demo ?? '', '--network', 'devnet', '--json'],
      writeManifest(manifest),
    );
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({
      address: manifest.accounts.demo,
      network: 'devnet',
      totalUsd: expect.any(Number),
    });
    expect(json.chains.map((c: { chainId: number }) => c.chainId)).toEqual([...CHAIN_IDS]);
    for (const chain of json.chains) {
      expect(chain).toMatchObject({ blockNumber: expect.stringMatching(/^\d+$/), error: null });
      const tokens = manifest.chains[chain.chainId as 10].tokens;
      for (const [symbol, amount] of Object.entries(DEMO_HOLDINGS[chain.chainId as 10])) {
        const token = symbol === 'ETH' ? 'native' : tokens[symbol];
        const id = `${chain.chainId}:wallet:${token}`;
        const position = chain.positions.find((p: { id: string }) => p.id === id);
        expect(position, id).toMatchObject({ protocol: 'wallet', kind: 'balance', rewards: [] });
        // What a balance earns by being held: a known zero, or for an LST or vault share a measured base rate.
        const earns = ['wstETH', 'rETH', 'dvUSDC', 'dvWETH'].includes(symbol);
        expect(position.yield, id).toMatchObject(
          earns
            ? // The window is what the feed's own rounds span (they update daily), stated exactly: 7 or 8 days.
              { rewardApr: 0, compounds: true, window: expect.stringMatching(/^[78]d$/) }
            : { baseApr: 0, rewardApr: 0, window: 'none' },
        );
        const decimals = symbol === 'ETH' || symbol === 'WETH' ? 18 : tokenDecimals(symbol);
        expect(position.assets[0]).toMatchObject({
          token,
          decimals,
          amount: parseUnits(amount, decimals).toString(),
          priceStale: expect.any(Boolean),
        });
      }
    }
    const eth = json.chains[0].positions.find((p: { id: string }) => p.id === '10:wallet:native');
    expect(eth.assets[0].usd).toBe(Number(DEMO_HOLDINGS[10].ETH) * 3000);
  });

  it('exits non-zero on a bad address without a single RPC call', async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits += 1;
      res.end('{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const counting = {
      ...manifest,
      chains: Object.fromEntries(
        Object.entries(manifest.chains).map(([id, c]) => [id, { ...c, rpcUrl: `http://127.0.0.1:${port}` }]),
      ),
    };
    const { code, stderr } = await portfolio(
      ['0xnot-an-address', '--network', 'devnet', '--json'],
      writeManifest(counting),
    );
    server.close();
    expect(code).not.toBe(0);
    expect(stderr).toContain('is not an Ethereum address');
    expect(hits).toBe(0);
  });

  it('--block pins each chain it names; the figures are the chain’s own at that block', async () => {
    const demo = manifest.accounts.demo as Address;
    const heads = await Promise.all(CHAIN_IDS.map((id) => clients[id].getBlockNumber()));
    const pinned = (heads[0] ?? 1n) - 1n;
    const { code, stdout } = await portfolio(
      [demo, '--network', 'devnet', '--json', '--block', `10:${pinned}`],
      writeManifest(manifest),
    );
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.chains[0].blockNumber).toBe(pinned.toString());
    const eth = json.chains[0].positions.find((p: { id: string }) => p.id === '10:wallet:native');
    expect(eth.assets[0].amount).toBe(
      (await clients[10].getBalance({ address: demo, blockNumber: pinned })).toString(),
    );
  });

  it('two or more addresses print a bundle: duplicates removed, each member its single-address object', async () => {
    const demo = manifest.accounts.demo as Address;
    const other = manifest.accounts.nearLiquidation as Address;
    const heads = await Promise.all(CHAIN_IDS.map((id) => clients[id].getBlockNumber()));
    const blocks = CHAIN_IDS.flatMap((id, i) => ['--block', `${id}:${heads[i]}`]);
    const file = writeManifest(manifest);
    const [bundle, single] = await Promise.all([
      portfolio([demo, other, demo.toLowerCase(), '--network', 'devnet', '--json', ...blocks], file),
      portfolio([other, '--network', 'devnet', '--json', ...blocks], file),
    ]);
    expect(bundle.code).toBe(0);
    const b = JSON.parse(bundle.stdout);
    expect(Object.keys(b)).toEqual([
      'addresses',
      'totalUsd',
      'income',
      'missingChains',
      'missingProtocols',
      'portfolios',
    ]);
    expect(b.addresses).toEqual([demo, other]);
    expect(b.portfolios[1]).toEqual(JSON.parse(single.stdout));
    const close = (a: number, e: number) =>
      expect(Math.abs(a - e)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e)));
    close(b.totalUsd, b.portfolios[0].totalUsd + b.portfolios[1].totalUsd);

    // `income` recomputed here from the positions' raw usd and rates, as the issue defines it.
    type P = { usd: number | null; yield: { baseApr: number; rewardApr: number } | null; countedIn?: string };
    const recompute = (positions: P[]) => {
      let base = 0;
      let reward = 0;
      let compounded = 0;
      let unknown = 0;
      let unpriced = 0;
      for (const p of positions.filter((x) => x.countedIn === undefined)) {
        if (p.usd === null) unpriced += 1;
        else if (p.yield === null) unknown += Math.abs(p.usd);
        else {
          base += Math.abs(p.usd) * p.yield.baseApr;
          reward += Math.abs(p.usd) * p.yield.rewardApr;
          const r = p.yield.baseApr + p.yield.rewardApr;
          compounded += Math.abs(p.usd) * Math.sign(r) * ((1 + Math.abs(r) / 12) ** 12 - 1);
        }
      }
      return { base, reward, compounded, unknown, unpriced };
    };
    const check = (income: IncomeJson | null, positions: P[]) => {
      if (income === null) throw new Error('income is null for a chain that was read');
      const e = recompute(positions);
      close(income.perYear.baseUsd, e.base);
      close(income.perYear.rewardUsd, e.reward);
      close(income.perDayUsd, (e.base + e.reward) / 365);
      if (e.base + e.reward > 0) close(income.sustainableShare ?? Number.NaN, e.base / (e.base + e.reward));
      else expect(income.sustainableShare).toBeNull();
      close(income.unknownYieldUsd, e.unknown);
      expect(income.unpricedPositions).toBe(e.unpriced);
      expect(income.projection.months).toBe(12);
      close(income.projection.simpleUsd, e.base + e.reward);
      close(income.projection.compoundedUsd, e.compounded);
    };
    const chainsOf = (p: { chains: { positions: P[]; income: IncomeJson | null }[] }) => p.chains;
    for (const p of b.portfolios as PortfolioJson[]) {
      for (const c of chainsOf(p)) check(c.income, c.positions);
      check(
        p.income,
        chainsOf(p).flatMap((c) => c.positions),
      );
    }
    check(
      b.income,
      b.portfolios.flatMap((p: PortfolioJson) => chainsOf(p).flatMap((c) => c.positions)),
    );
    // The demo account earns something on the devnet (Aave, V3 fees): the check is not vacuous.
    expect(b.portfolios[0].income.perYear.baseUsd).not.toBe(0);
  });

  it('a bad bundle member exits 2 before any RPC call, and a failed chain has income null', async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits += 1;
      res.end('{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const dead = {
      ...manifest,
      chains: { ...manifest.chains, 324: { ...manifest.chains['324'], rpcUrl: `http://127.0.0.1:${port}` } },
    };
    const bad = await portfolio(
      [manifest.accounts.demo ?? '', 'not..a.name', '--network', 'devnet', '--json'],
      writeManifest(dead),
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"not..a.name" is not an Ethereum address or an ENS name');
    expect(hits).toBe(0);
    const failed = await portfolio(
      [manifest.accounts.demo ?? '', '--network', 'devnet', '--json'],
      writeManifest(dead),
    );
    server.close();
    const json = JSON.parse(failed.stdout);
    expect(json.chains.find((c: { chainId: number }) => c.chainId === 324).income).toBeNull();
    expect(json.chains.find((c: { chainId: number }) => c.chainId === 10).income).not.toBeNull();
  });
});

import { createServer } from 'node:http';
import { parseUnits } from 'viem';
import { describe, expect, it } from 'vitest';
import { DEMO_HOLDINGS, tokenDecimals } from '../devnet/seed/base';
import { testDevnet } from '../devnet/testing';
import { CHAIN_IDS } from '../lib/chains/registry';
import { runScript, writeManifest } from './cli-testing';

const portfolio = (args: string[], manifestPath: string) =>
  runScript('portfolio.ts', args, { LAYERGLASS_MANIFEST: manifestPath });

describe('npm run portfolio', () => {
  const { manifest } = testDevnet();

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
        // A wallet balance earns nothing by being held: a known zero, not an unknown.
        expect(position, id).toMatchObject({
          protocol: 'wallet',
          kind: 'balance',
          rewards: [],
          yield: { baseApr: 0, rewardApr: 0 },
        });
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
});

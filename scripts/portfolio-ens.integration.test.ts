import { createServer } from 'node:http';
import type { Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { DEVNET_ENS_NAMES } from '../devnet/seed/ens-l1';
import { testDevnet } from '../devnet/testing';
import { CHAIN_IDS } from '../lib/chains/registry';
import { runScript, writeManifest } from './cli-testing';

const portfolio = (args: string[], manifestPath: string) =>
  runScript('portfolio.ts', args, { LAYERGLASS_MANIFEST: manifestPath });

describe('npm run portfolio with an ENS name (devnet chain 1)', () => {
  const { manifest, clients } = testDevnet();

  it('demo.eth gives the demo account’s portfolio', async () => {
    const demo = manifest.accounts.demo as Address;
    const heads = await Promise.all(CHAIN_IDS.map((id) => clients[id].getBlockNumber()));
    const blocks = CHAIN_IDS.flatMap((id, i) => ['--block', `${id}:${heads[i]}`]);
    const file = writeManifest(manifest);
    const [byName, byAddress] = await Promise.all([
      portfolio([DEVNET_ENS_NAMES.demo, '--network', 'devnet', '--json', ...blocks], file),
      portfolio([demo, '--network', 'devnet', '--json', ...blocks], file),
    ]);
    expect(byName.code, byName.stderr).toBe(0);
    expect(byAddress.code, byAddress.stderr).toBe(0);
    const json = JSON.parse(byName.stdout);
    expect(json.address).toBe(demo);
    // The same figures as asking by address at the same blocks, and the chain's own ETH balance.
    expect(json.chains).toEqual(JSON.parse(byAddress.stdout).chains);
    const eth = json.chains[0].positions.find((p: { id: string }) => p.id === '10:wallet:native');
    expect(eth.assets[0].amount).toBe(
      (await clients[10].getBalance({ address: demo, blockNumber: heads[0] })).toString(),
    );
  });

  it('an unknown name exits 2 with a clear message and no L2 RPC call', async () => {
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
    const file = writeManifest(counting);
    const [unknown, noAddress] = await Promise.all([
      portfolio([DEVNET_ENS_NAMES.unregistered, '--network', 'devnet', '--json'], file),
      portfolio([DEVNET_ENS_NAMES.noAddress, '--network', 'devnet', '--json'], file),
    ]);
    server.close();
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`${DEVNET_ENS_NAMES.unregistered} is not registered on ENS`);
    expect(noAddress.code).toBe(2);
    expect(noAddress.stderr).toContain(`${DEVNET_ENS_NAMES.noAddress} does not resolve to an address`);
    expect(hits).toBe(0);
  });
});

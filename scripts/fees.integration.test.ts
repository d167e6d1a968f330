import { formatEther } from 'viem';
import { describe, expect, it } from 'vitest';
import { testDevnet } from '../devnet/testing';
import { CHAIN_IDS } from '../lib/chains/registry';
import { FEE_ACTIONS } from '../lib/fees/catalog';
import { runScript, writeManifest } from './cli-testing';

const fees = (args: string[], env: Record<string, string>) => runScript('fees.ts', args, env);

interface ActionJson {
  action: string;
  gas: string | null;
  executionWei: string | null;
  l1DataWei: string | null;
  l1DataStatus: string;
  operatorFeeWei: string | null;
  totalWei: string | null;
  totalEth: string | null;
  cheapest: boolean;
}

describe('npm run fees', () => {
  const { manifest, clients } = testDevnet();

  it('prints the --json shape: every chain at its block, totals the sum of their parts', async () => {
    const { code, stdout } = await fees(['--network', 'devnet', '--json'], {
      LAYERGLASS_MANIFEST: writeManifest(manifest),
    });
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.network).toBe('devnet');
    expect(Object.keys(json.cheapest)).toEqual([...FEE_ACTIONS]);
    expect(json.chains.map((c: { chainId: number }) => c.chainId)).toEqual([...CHAIN_IDS]);
    for (const chain of json.chains) {
      expect(chain).toMatchObject({ ok: true, blockNumber: expect.stringMatching(/^\d+$/) });
      const latest = await clients[chain.chainId as 10].getBlockNumber();
      expect(BigInt(chain.blockNumber)).toBeLessThanOrEqual(latest);
      expect(chain.actions.map((a: ActionJson) => a.action)).toEqual([...FEE_ACTIONS]);
      for (const a of chain.actions as ActionJson[]) {
        if (a.totalWei === null) continue;
        const parts = [a.executionWei, a.l1DataStatus === 'included' ? null : a.l1DataWei, a.operatorFeeWei];
        expect(BigInt(a.totalWei)).toBe(parts.reduce((s, p) => s + BigInt(p ?? 0), 0n));
        expect(a.totalEth).toBe(formatEther(BigInt(a.totalWei)));
        expect(a.cheapest).toBe(json.cheapest[a.action].includes(chain.chainId));
      }
    }
  });

  it('prints the table, and a chain whose RPC is down says so while the others print', async () => {
    const { code, stdout } = await fees(['--network', 'devnet'], {
      LAYERGLASS_MANIFEST: writeManifest(manifest),
      LAYERGLASS_RPC_324: 'http://127.0.0.1:9',
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/OP Mainnet \(10\) at block \d+: base fee/);
    expect(stdout).toMatch(/Arbitrum One \(42161\) at block \d+: base fee .* \(tips ignored\)/);
    expect(stdout).toMatch(/zkSync Era \(324\): ERROR /);
    expect(stdout).toMatch(/ETH transfer\s+21,000/);
  });
});

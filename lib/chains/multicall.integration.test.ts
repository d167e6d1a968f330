import { type Address, encodeFunctionData } from 'viem';
import { describe, expect, it } from 'vitest';
import { DevnetChain } from '../../devnet/chain';
import { compile } from '../../devnet/solc';
import { snapshotChain, testDevnet } from '../../devnet/testing';
import { erc20Abi } from '../tokens/metadata';
import { type Call, call, multicall, rawCall } from './multicall';
import { CHAINS } from './registry';

describe('multicall against a hostile target', () => {
  const { manifest, clients, requests } = testDevnet();

  it('keeps every other call when one target burns all its gas (which sinks a plain aggregate3)', async () => {
    const chain = new DevnetChain(42161, manifest.chains['42161'].rpcUrl, []);
    const restore = await snapshotChain(chain);
    try {
      const deployer = manifest.accounts.deployer as Address;
      const guzzler = await chain.deploy(
        deployer,
        compile({ path: 'devnet/contracts/GasGuzzler.sol', contract: 'GasGuzzler' }),
      );
      const usdc = manifest.chains['42161'].tokens.USDC as Address;
      const demo = manifest.accounts.demo as Address;
      const good = (i: number) => call(usdc, erc20Abi, 'balanceOf', [i % 2 === 0 ? demo : deployer]);
      const calls: Call<unknown>[] = [
        rawCall(guzzler, encodeFunctionData({ abi: erc20Abi, functionName: 'symbol' }), `${guzzler}.symbol`),
        ...Array.from({ length: 300 }, (_, i) => good(i)),
      ];
      const options = { multicall3: CHAINS[42161].multicall3 };
      // The premise: one aggregate3 holding this call fails as a whole.
      const whole = clients[42161].call({
        to: options.multicall3,
        data: encodeFunctionData({
          abi: [
            {
              type: 'function',
              name: 'aggregate3',
              stateMutability: 'payable',
              inputs: [
                { type: 'tuple[]', components: [{ type: 'address' }, { type: 'bool' }, { type: 'bytes' }] },
              ],
              outputs: [{ type: 'tuple[]', components: [{ type: 'bool' }, { type: 'bytes' }] }],
            },
          ],
          functionName: 'aggregate3',
          args: [calls.map((c) => [c.target, true, c.callData] as const)],
        }),
      });
      await expect(whole).rejects.toThrow(/gas/i);
      const before = requests.count;
      const results = await multicall(clients[42161], calls, options);
      expect(results[0]).toMatchObject({ ok: false, error: expect.stringContaining(`${guzzler}.symbol`) });
      const balances = results.slice(1);
      expect(balances.every((r) => r.ok)).toBe(true);
      const onChain = await clients[42161].readContract({
        address: usdc,
        abi: erc20Abi,
        functionName: 'balanceOf',
        args: [demo],
      });
      expect(balances[0]).toEqual({ ok: true, value: onChain });
      // Halving isolates the one bad call in about 2·log2(n) requests, not one per call.
      expect(requests.count - before).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(calls.length)) + 1);
    } finally {
      await restore();
    }
  });
});

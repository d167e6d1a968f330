import { type Address, encodeFunctionData, parseAbi } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LatencyProxy, startLatencyProxy } from '../../devnet/latency-proxy';
import { testDevnet } from '../../devnet/testing';
import { multicall3Abi } from '../../lib/chains/multicall';
import { CHAINS } from '../../lib/chains/registry';
import { naiveClient } from './naive';

const erc20Abi = parseAbi([
  'function balanceOf(address) view returns (uint256)',
  'function decimals() view returns (uint8)',
]);

describe('the naive baseline client (one request per read)', () => {
  const { manifest, clients } = testDevnet();
  const id = 42161;
  let proxy: LatencyProxy;
  beforeAll(async () => {
    proxy = await startLatencyProxy({ target: manifest.chains[`${id}`].rpcUrl, latencyMs: 0 });
  });
  afterAll(async () => {
    await proxy.stop();
  });

  it('answers an aggregate3 exactly as Multicall3 does, with one eth_call per inner call', async () => {
    const usdc = manifest.chains[`${id}`].tokens.USDC as Address;
    const demo = manifest.accounts.demo as Address;
    const multicall3 = CHAINS[id].multicall3;
    const calls = [
      {
        target: usdc,
        allowFailure: true,
        callData: encodeFunctionData({ abi: erc20Abi, functionName: 'balanceOf', args: [demo] }),
      },
      {
        target: usdc,
        allowFailure: true,
        callData: encodeFunctionData({ abi: erc20Abi, functionName: 'decimals' }),
      },
      // Reverts (Multicall3 has no balanceOf): a failed call with its revert data.
      {
        target: multicall3,
        allowFailure: true,
        callData: encodeFunctionData({ abi: erc20Abi, functionName: 'balanceOf', args: [demo] }),
      },
      {
        target: multicall3,
        allowFailure: true,
        callData: encodeFunctionData({ abi: multicall3Abi, functionName: 'getEthBalance', args: [demo] }),
      },
    ];
    const data = encodeFunctionData({ abi: multicall3Abi, functionName: 'aggregate3', args: [calls] });
    const blockNumber = await clients[id].getBlockNumber();
    const real = await clients[id].call({ to: multicall3, data, blockNumber });
    proxy.reset();
    const naive = await naiveClient(id, proxy.url, { concurrency: 2 }).call({
      to: multicall3,
      data,
      blockNumber,
    });
    expect(naive.data).toBe(real.data);
    expect(proxy.stats()).toMatchObject({ httpRequests: calls.length, rpcItems: calls.length });
    expect(proxy.stats().methods).toEqual({ eth_call: calls.length });
  });

  it('passes every other request through, one HTTP request each', async () => {
    proxy.reset();
    const client = naiveClient(id, proxy.url, { concurrency: 2 });
    const [a, b] = await Promise.all([client.getBlockNumber(), client.getChainId()]);
    expect(a).toBeGreaterThan(0n);
    expect(b).toBe(id);
    expect(proxy.stats()).toMatchObject({ httpRequests: 2, rpcItems: 2 });
  });
});

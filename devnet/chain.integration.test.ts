import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnvilInstance, freePort, startAnvil } from './anvil';
import { DevnetChain } from './chain';

describe('a revert while the heartbeat mines', () => {
  let anvil: AnvilInstance;
  let chain: DevnetChain;
  beforeAll(async () => {
    anvil = await startAnvil({ chainId: 31337, port: await freePort(), timestamp: 1_767_225_600 });
    chain = new DevnetChain(31337, anvil.rpcUrl, []);
  });
  afterAll(async () => {
    await anvil?.stop();
  });

  it('leaves every block under the head readable (a raw evm_revert racing evm_mine does not)', async () => {
    // The heartbeat as keepHeadFresh runs it, but every few milliseconds, so reverts meet it in flight.
    let stop = false;
    let mined = 0;
    const heartbeat = (async () => {
      while (!stop) {
        await chain.mineUnlessReverting();
        mined += 1;
        await new Promise((r) => setTimeout(r, 3));
      }
    })();
    const missing: bigint[] = [];
    for (let round = 0; round < 60; round++) {
      const snapshot = await chain.request<string>('evm_snapshot', []);
      await new Promise((r) => setTimeout(r, (round % 7) * 3));
      await chain.revert(snapshot);
      const head = await chain.public.getBlockNumber();
      for (let b = head > 4n ? head - 4n : 0n; b <= head; b++)
        await chain.public.getBlock({ blockNumber: b }).catch(() => missing.push(b));
    }
    stop = true;
    await heartbeat;
    expect(missing).toEqual([]);
    // The heartbeat kept mining between the reverts.
    expect(mined).toBeGreaterThan(60);
  });
});

import type { Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { lensTestbed } from '../../../devnet/lens-testing';
import { testDevnet } from '../../../devnet/testing';
import { answerStats, resetAnswerStats } from '../../chains/multicall';
import { runRoundOne } from '../../chains/round-one';
import { defineModule } from '../module';
import { syncswapJobs } from './lens';
import { isSyncSwapDetails, syncswapModule } from './module';
import { readSyncSwap } from './read';

/*
 * Round 1 for SyncSwap (the shared V2 lens over the PoolMaster). Oracles: the request log of the RPC
 * (what went out, at which block), the primed answers' own hit/miss counts, and the same read made level by
 * level through Multicall3 (a client refusing state overrides and calls without `to`) at the same block:
 * the lens only decides which calls are made, so every figure must come out identical.
 */
const { manifest, network } = testDevnet();
const demo = manifest.accounts.demo as Address;
const CHAIN = 324;
const c = manifest.chains[`${CHAIN}`].contracts;

const { client, read, currentCalls, readContext, pinned } = lensTestbed(manifest, network, CHAIN, demo);

describe('syncswap round 1', () => {
  it('one eth_call answers every current-block read (no miss), whatever past-window reads follow', async () => {
    const rc = client();
    resetAnswerStats(rc.client);
    const chain = await read(rc, [syncswapModule]);
    expect(chain.read).toEqual({ path: 'state-override', note: null });
    expect(chain.protocolErrors).toEqual([]);
    expect(chain.positions.filter((p) => p.protocol === 'syncswap')).toHaveLength(4);
    expect(answerStats(rc.client).misses).toBe(0);
    expect(answerStats(rc.client).hits).toBeGreaterThan(0);
    expect(currentCalls(rc, chain.blockNumber ?? 0n)).toHaveLength(1);
  });

  it('read level by level through Multicall3 at the same block, every figure is the same', async () => {
    const at = await pinned();
    const lensRc = client();
    resetAnswerStats(lensRc.client);
    const lens = await read(lensRc, [syncswapModule], at);
    const levels = await read(client({ override: true, deployless: true }), [syncswapModule], at);
    expect(lens.read?.path).toBe('state-override');
    expect(levels.read?.path).toBe('multicall-levels');
    expect(answerStats(lensRc.client).misses).toBe(0);
    expect(lens.positions.length).toBeGreaterThan(0);
    expect(lens.positions).toEqual(levels.positions);
  });

  it('deployless (state overrides refused): the same figures; this module’s records alone answer its reader', async () => {
    const at = await pinned();
    const plain = client();
    const reference = await read(plain, [syncswapModule], at);
    // The whole round 1 (balances, prices and this module) may be over EIP-170's 24,576 bytes for a
    // deployless answer: then it says so and reads by levels, with the same figures.
    const refusing = await read(client({ override: true }), [syncswapModule], at);
    if (refusing.read?.path !== 'deployless') expect(refusing.read?.note).toMatch(/deployless: .*SizeLimit/);
    expect(refusing.positions).toEqual(reference.positions);

    // This module's jobs alone, deployless, then its reader on their answers: no call goes out again.
    const rc = client({ override: true });
    const deployment = network.chains[CHAIN];
    for (const job of syncswapModule.lens({ chainId: CHAIN, deployment, owner: demo }))
      expect((await runRoundOne(rc.client, CHAIN, [job], { blockNumber: at })).path).toBe('deployless');
    const ctx = await readContext(plain, at);
    resetAnswerStats(rc.client);
    const alone = await syncswapModule.read({ ...ctx, client: rc.client });
    expect(answerStats(rc.client).misses).toBe(0);
    expect(alone.positions.length).toBeGreaterThan(0);
    expect(alone).toEqual(
      await syncswapModule.read({ ...ctx, client: client({ override: true, deployless: true }).client }),
    );
  });

  it('out of its gas budget the lens stops early; what it did not record is read by levels, same figures', async () => {
    const at = await pinned();
    const stingy = defineModule({
      id: 'syncswap',
      name: 'SyncSwap (stingy lens)',
      order: 31,
      kinds: ['liquidity'],
      deployment: {
        devnet: (contracts) => {
          const poolMaster = contracts['SyncSwap.PoolMaster'];
          return poolMaster ? { poolMaster } : null;
        },
        mainnet: {},
      },
      lens: (ctx, d) => syncswapJobs(ctx, d, 150_000n),
      read: readSyncSwap,
    });
    const rc = client();
    resetAnswerStats(rc.client);
    const partial = await read(rc, [stingy], at);
    const levels = await read(client({ override: true, deployless: true }), [stingy], at);
    expect(partial.read?.path).toBe('state-override');
    expect(answerStats(rc.client).hits).toBeGreaterThan(0);
    expect(answerStats(rc.client).misses).toBeGreaterThan(0);
    expect(partial.positions).toEqual(levels.positions);
  });

  it('bad input: the hostile token’s pool warns as it does by levels; a registry that reverts fails the read the same way', async () => {
    const at = await pinned();
    const lens = await read(client(), [syncswapModule], at);
    const levels = await read(client({ override: true, deployless: true }), [syncswapModule], at);
    const hostile = (chain: typeof lens) =>
      chain.positions.find(
        (p) =>
          isSyncSwapDetails(p.details) && p.details.pool === (c['SyncSwap.Stable.USDC-HOSTILE'] as Address),
      );
    expect(hostile(lens)?.warning).toBeTruthy();
    expect(hostile(lens)).toEqual(hostile(levels));

    // A "PoolMaster" that is a token: poolsLength() reverts, recorded by the lens as a failure.
    const broken = defineModule({
      id: 'syncswap',
      name: 'SyncSwap (broken registry)',
      order: 31,
      kinds: ['liquidity'],
      deployment: {
        devnet: () => ({ poolMaster: manifest.chains[`${CHAIN}`].tokens.USDC as Address }),
        mainnet: {},
      },
      lens: syncswapJobs,
      read: readSyncSwap,
    });
    const rc = client();
    resetAnswerStats(rc.client);
    const a = await read(rc, [broken], at);
    const b = await read(client({ override: true, deployless: true }), [broken], at);
    expect(answerStats(rc.client).misses).toBe(0);
    expect(a.protocolErrors).toHaveLength(1);
    expect(a.protocolErrors[0]?.error).toMatch(/poolsLength\(\)/);
    expect(a.protocolErrors).toEqual(b.protocolErrors);
  });
});

import type { Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { lensTestbed } from '../../../devnet/lens-testing';
import { testDevnet } from '../../../devnet/testing';
import { answerStats, resetAnswerStats } from '../../chains/multicall';
import { runRoundOne } from '../../chains/round-one';
import { defineModule } from '../module';
import { camelotJobs } from './lens';
import { camelotModule } from './module';
import { readCamelot } from './read';

/*
 * Round 1 for Camelot (the shared V2 lens over the factory's pairs, and CamelotLens for the Master's NFT
 * pools, the spNFTs and GRAIL's pairs). Oracles: the request log of the RPC
 * (what went out, at which block), the primed answers' own hit/miss counts, and the same read made level by
 * level through Multicall3 (a client refusing state overrides and calls without `to`) at the same block:
 * the lens only decides which calls are made, so every figure must come out identical.
 */
const { manifest, network } = testDevnet();
const demo = manifest.accounts.demo as Address;
const CHAIN = 42161;

const { client, read, currentCalls, readContext, pinned } = lensTestbed(manifest, network, CHAIN, demo);

describe('camelot round 1', () => {
  it('one eth_call answers every current-block read (no miss), whatever past-window reads follow', async () => {
    const rc = client();
    resetAnswerStats(rc.client);
    const chain = await read(rc, [camelotModule]);
    expect(chain.read).toEqual({ path: 'state-override', note: null });
    expect(chain.protocolErrors).toEqual([]);
    const mine = chain.positions.filter((p) => p.protocol === 'camelot');
    expect(mine.map((p) => p.kind).sort()).toEqual(['farming', 'liquidity', 'liquidity']);
    expect(answerStats(rc.client).misses).toBe(0);
    expect(answerStats(rc.client).hits).toBeGreaterThan(0);
    expect(currentCalls(rc, chain.blockNumber ?? 0n)).toHaveLength(1);
  });

  it('read level by level through Multicall3 at the same block, every figure is the same', async () => {
    const at = await pinned();
    const lensRc = client();
    resetAnswerStats(lensRc.client);
    const lens = await read(lensRc, [camelotModule], at);
    const levels = await read(client({ override: true, deployless: true }), [camelotModule], at);
    expect(lens.read?.path).toBe('state-override');
    expect(levels.read?.path).toBe('multicall-levels');
    expect(answerStats(lensRc.client).misses).toBe(0);
    expect(lens.positions.length).toBeGreaterThan(0);
    expect(lens.positions).toEqual(levels.positions);
  });

  it('deployless (state overrides refused): the same figures; this module’s records alone answer its reader', async () => {
    const at = await pinned();
    const plain = client();
    const reference = await read(plain, [camelotModule], at);
    // The whole round 1 (balances, prices and this module) may be over EIP-170's 24,576 bytes for a
    // deployless answer: then it says so and reads by levels, with the same figures.
    const refusing = await read(client({ override: true }), [camelotModule], at);
    if (refusing.read?.path !== 'deployless') expect(refusing.read?.note).toMatch(/deployless: .*SizeLimit/);
    expect(refusing.positions).toEqual(reference.positions);

    // This module's jobs alone, deployless, then its reader on their answers: no call goes out again.
    const rc = client({ override: true });
    const deployment = network.chains[CHAIN];
    // One round 1 of its jobs (deployless runs each lens alone; one round primes one block's answers).
    const jobs = camelotModule.lens({ chainId: CHAIN, deployment, owner: demo });
    const round = await runRoundOne(rc.client, CHAIN, jobs, { blockNumber: at });
    expect(round.path).toBe('deployless');
    expect(round.note ?? '').not.toMatch(/too large/);
    const ctx = await readContext(plain, at);
    resetAnswerStats(rc.client);
    const alone = await camelotModule.read({ ...ctx, client: rc.client });
    expect(answerStats(rc.client).misses).toBe(0);
    expect(alone.positions.length).toBeGreaterThan(0);
    expect(alone).toEqual(
      await camelotModule.read({ ...ctx, client: client({ override: true, deployless: true }).client }),
    );
  });

  it('out of its gas budget the lens stops early; what it did not record is read by levels, same figures', async () => {
    const at = await pinned();
    const stingy = defineModule({
      id: 'camelot',
      name: 'Camelot (stingy lens)',
      order: 30,
      kinds: ['liquidity', 'farming'],
      deployment: {
        devnet: (contracts) => {
          const [factory, master, grail, xGrail] = ['Factory', 'Master', 'GRAIL', 'xGRAIL'].map(
            (n) => contracts[`Camelot.${n}`],
          );
          return factory && master && grail && xGrail ? { factory, master, grail, xGrail } : null;
        },
        mainnet: {},
      },
      lens: (ctx, d) => camelotJobs(ctx, d, 150_000n),
      read: readCamelot,
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

  it('bad input: the zero-supply pair and the rest read as by levels; a factory that reverts fails the read the same way', async () => {
    const at = await pinned();
    const lens = await read(client(), [camelotModule], at);
    const levels = await read(client({ override: true, deployless: true }), [camelotModule], at);
    expect(lens.protocolErrors).toEqual([]);
    expect(lens.positions).toEqual(levels.positions);

    // A "factory" that is a token: allPairsLength() reverts, recorded by the lens as a failure.
    const contracts = manifest.chains[`${CHAIN}`].contracts;
    const broken = defineModule({
      id: 'camelot',
      name: 'Camelot (broken factory)',
      order: 30,
      kinds: ['liquidity', 'farming'],
      deployment: {
        devnet: () => ({
          factory: manifest.chains[`${CHAIN}`].tokens.USDC as Address,
          master: contracts['Camelot.Master'] as Address,
          grail: contracts['Camelot.GRAIL'] as Address,
          xGrail: contracts['Camelot.xGRAIL'] as Address,
        }),
        mainnet: {},
      },
      lens: camelotJobs,
      read: readCamelot,
    });
    const rc = client();
    resetAnswerStats(rc.client);
    const a = await read(rc, [broken], at);
    const b = await read(client({ override: true, deployless: true }), [broken], at);
    expect(answerStats(rc.client).misses).toBe(0);
    expect(a.protocolErrors).toHaveLength(1);
    expect(a.protocolErrors[0]?.error).toMatch(/allPairsLength\(\)/);
    expect(a.protocolErrors).toEqual(b.protocolErrors);
  });
});

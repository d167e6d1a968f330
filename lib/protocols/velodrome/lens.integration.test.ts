import type { Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { lensTestbed } from '../../../devnet/lens-testing';
import { testDevnet } from '../../../devnet/testing';
import { answerStats, resetAnswerStats } from '../../chains/multicall';
import { runRoundOne } from '../../chains/round-one';
import { defineModule } from '../module';
import { velodromeDeploymentSpec } from './addresses';
import { velodromeJobs } from './lens';
import { readVelodrome } from './read';
import { isVelodromePool } from './types';

/*
 * Round 1 for Velodrome V2 (VelodromeLens: the factory's pools, gauges, veVELO). Slipstream has its own
 * jobs and tests (velodrome/slipstream*), so V2 is read here as a module of its own: the same deployment,
 * lens and reader as `velodromeModule`, without Slipstream. Oracles: the request log of the RPC
 * (what went out, at which block), the primed answers' own hit/miss counts, and the same read made level by
 * level through Multicall3 (a client refusing state overrides and calls without `to`) at the same block:
 * the lens only decides which calls are made, so every figure must come out identical.
 */
const { manifest, network } = testDevnet();
const demo = manifest.accounts.demo as Address;
const CHAIN = 10;

/** Velodrome V2 alone: `velodromeModule`'s deployment, its V2 jobs and its V2 reader. */
function v2Module(deployment = velodromeDeploymentSpec, lens: typeof velodromeJobs = velodromeJobs) {
  return defineModule({
    id: 'velodrome',
    name: 'Velodrome V2',
    order: 30,
    kinds: ['liquidity', 'farming', 'lock'],
    deployment,
    lens,
    read: async (ctx, d) => ({ positions: await readVelodrome(ctx, d) }),
  });
}
const velodromeV2 = v2Module();

const { client, read, currentCalls, readContext, pinned } = lensTestbed(manifest, network, CHAIN, demo);

describe('velodrome V2 round 1', () => {
  it('one eth_call answers every current-block read (no miss), whatever past-window reads follow', async () => {
    const rc = client();
    resetAnswerStats(rc.client);
    const chain = await read(rc, [velodromeV2]);
    expect(chain.read).toEqual({ path: 'state-override', note: null });
    expect(chain.protocolErrors).toEqual([]);
    const mine = chain.positions.filter((p) => p.protocol === 'velodrome');
    expect(mine.some((p) => p.kind === 'farming') && mine.some((p) => p.kind === 'lock')).toBe(true);
    expect(answerStats(rc.client).misses).toBe(0);
    expect(answerStats(rc.client).hits).toBeGreaterThan(0);
    expect(currentCalls(rc, chain.blockNumber ?? 0n)).toHaveLength(1);
  });

  it('read level by level through Multicall3 at the same block, every figure is the same', async () => {
    const at = await pinned();
    const lensRc = client();
    resetAnswerStats(lensRc.client);
    const lens = await read(lensRc, [velodromeV2], at);
    const levels = await read(client({ override: true, deployless: true }), [velodromeV2], at);
    expect(lens.read?.path).toBe('state-override');
    expect(levels.read?.path).toBe('multicall-levels');
    expect(answerStats(lensRc.client).misses).toBe(0);
    expect(lens.positions.length).toBeGreaterThan(0);
    expect(lens.positions).toEqual(levels.positions);
  });

  it('deployless (state overrides refused): the same figures, though the demo’s V2 answer is over EIP-170', async () => {
    const at = await pinned();
    const plain = client();
    const reference = await read(plain, [velodromeV2], at);
    // The whole round 1 (balances, prices and this module) may be over EIP-170's 24,576 bytes for a
    // deployless answer: then it says so and reads by levels, with the same figures.
    const refusing = await read(client({ override: true }), [velodromeV2], at);
    if (refusing.read?.path !== 'deployless') expect(refusing.read?.note).toMatch(/deployless: .*SizeLimit/);
    expect(refusing.positions).toEqual(reference.positions);

    // Its one job alone: the demo's V2 answer (every pool's balance, gauge and vote per lock) is itself
    // over 24,576 bytes, so deployless it is refused for size and the reader goes by levels, unharmed.
    const rc = client({ override: true });
    const deployment = network.chains[CHAIN];
    const jobs = velodromeV2.lens({ chainId: CHAIN, deployment, owner: demo });
    const alone = await runRoundOne(rc.client, CHAIN, jobs, { blockNumber: at });
    if (alone.path !== 'deployless') expect(alone.note).toMatch(/deployless: .*SizeLimit/);
    const ctx = await readContext(plain, at);
    const viaRc = await velodromeV2.read({ ...ctx, client: rc.client });
    expect(viaRc.positions.length).toBeGreaterThan(0);
    expect(viaRc).toEqual(
      await velodromeV2.read({ ...ctx, client: client({ override: true, deployless: true }).client }),
    );
  });

  it('out of its gas budget the lens stops early; what it did not record is read by levels, same figures', async () => {
    const at = await pinned();
    const stingy = v2Module(velodromeDeploymentSpec, (ctx, d) => velodromeJobs(ctx, d, 300_000n));
    const rc = client();
    resetAnswerStats(rc.client);
    const partial = await read(rc, [stingy], at);
    const levels = await read(client({ override: true, deployless: true }), [stingy], at);
    expect(partial.read?.path).toBe('state-override');
    expect(answerStats(rc.client).hits).toBeGreaterThan(0);
    expect(answerStats(rc.client).misses).toBeGreaterThan(0);
    expect(partial.positions).toEqual(levels.positions);
  });

  it('bad input: the reverting gauge and the hostile reward token warn as by levels; a factory that reverts fails the read the same way', async () => {
    const at = await pinned();
    const lensRc = client();
    resetAnswerStats(lensRc.client);
    const lens = await read(lensRc, [velodromeV2], at);
    const levels = await read(client({ override: true, deployless: true }), [velodromeV2], at);
    expect(answerStats(lensRc.client).misses).toBe(0);
    const warned = (chain: typeof lens) =>
      chain.positions.filter((p) => isVelodromePool(p.details) && p.warning);
    expect(warned(lens).some((p) => /gauge 0x[0-9a-fA-F]{40} unreadable/.test(p.warning ?? ''))).toBe(true);
    expect(warned(lens).some((p) => /reward token .*symbol shortened/.test(p.warning ?? ''))).toBe(true);
    expect(warned(lens)).toEqual(warned(levels));

    // A "factory" that is a token: allPoolsLength() reverts, recorded by the lens as a failure.
    const broken = v2Module({
      ...velodromeDeploymentSpec,
      devnet: (contracts, chainId) => {
        const d = velodromeDeploymentSpec.devnet(contracts, chainId);
        return d && { ...d, poolFactory: manifest.chains[`${CHAIN}`].tokens.USDC as Address };
      },
    });
    const rc = client();
    resetAnswerStats(rc.client);
    const a = await read(rc, [broken], at);
    const b = await read(client({ override: true, deployless: true }), [broken], at);
    expect(answerStats(rc.client).misses).toBe(0);
    expect(a.protocolErrors).toHaveLength(1);
    expect(a.protocolErrors[0]?.error).toMatch(/allPoolsLength/);
    expect(a.protocolErrors).toEqual(b.protocolErrors);
  });
});

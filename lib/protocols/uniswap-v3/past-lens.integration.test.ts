import type { Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { hasOverride, refusingClient } from '../../../devnet/lens-testing';
import { recordingClient } from '../../../devnet/rpc-recorder';
import { testDevnet } from '../../../devnet/testing';
import { call, multicall3Abi } from '../../chains/multicall';
import type { ChainId } from '../../chains/registry';
import { CHAINS } from '../../chains/registry';
import { knownPath, runRoundOne } from '../../chains/round-one';
import { factoryAbi, poolAbi, positionManagerAbi } from './abi';
import { PAST_LENS_ADDRESS, readPastByLens } from './past-lens';

/**
 * Round 2's V3 lens at past blocks against the pools' own view functions, read one by one with viem at the
 * same block (not through the app's multicall or decoders): every field equal, on every chain.
 */
const { manifest } = testDevnet();
const demo = manifest.accounts.demo as Address;
const CHAIN_IDS: ChainId[] = [10, 42161, 324];

/** A client whose path is known: round 1 run once (a single plain call) on it. */
async function knownClient(chainId: ChainId, refuseOverride = false) {
  const rc = refusingClient(manifest, chainId, { override: refuseOverride });
  await runRoundOne(rc.client, chainId, [
    { label: 'probe', calls: [call(CHAINS[chainId].multicall3, multicall3Abi, 'getBlockNumber')] },
  ]);
  return rc;
}

describe.each(CHAIN_IDS)('the V3 past lens on chain %s', (chainId) => {
  const contracts = manifest.chains[`${chainId}`].contracts;
  const npm = contracts.UniswapV3NonfungiblePositionManager as Address;
  const factory = contracts.UniswapV3Factory as Address;

  it('reads what the pools’ own views say at past blocks, field by field, in one call or several', async () => {
    const rc = await knownClient(chainId);
    expect(knownPath(rc.client)).toBe('state-override');
    const pc = rc.client;
    const head = await pc.getBlockNumber();
    // The demo's open positions, their pools asked of the factory (not derived as the app derives them).
    const count = await pc.readContract({
      address: npm,
      abi: positionManagerAbi,
      functionName: 'balanceOf',
      args: [demo],
    });
    const ticksByPool = new Map<Address, Set<number>>();
    for (let i = 0n; i < count; i++) {
      const id = await pc.readContract({
        address: npm,
        abi: positionManagerAbi,
        functionName: 'tokenOfOwnerByIndex',
        args: [demo, i],
      });
      const p = await pc.readContract({
        address: npm,
        abi: positionManagerAbi,
        functionName: 'positions',
        args: [id],
      });
      const pool = await pc.readContract({
        address: factory,
        abi: factoryAbi,
        functionName: 'getPool',
        args: [p[2], p[3], p[4]],
      });
      ticksByPool.set(pool, (ticksByPool.get(pool) ?? new Set()).add(p[5]).add(p[6]));
    }
    // A tick no position uses (never initialized), and an address with no code: both answered as failing or empty.
    const [firstPool] = ticksByPool.keys();
    if (!firstPool) throw new Error('the demo holds no V3 position here');
    ticksByPool.get(firstPool)?.add(887_270);
    ticksByPool.set(demo, new Set([0]));
    const history = manifest.chains[`${chainId}`].blockTimes ?? [];
    const blocks = [head - 2n, ...history.slice(1, 3).map((p) => BigInt(p.number))];
    for (const block of blocks) {
      for (const perCall of [400, 2]) {
        const lens = await readPastByLens(pc, ticksByPool, block, perCall);
        if (!lens) throw new Error('the lens path was not taken');
        const header = await pc.getBlock({ blockNumber: block });
        expect(lens.timestamp).toBe(header.timestamp);
        for (const [pool, ticks] of ticksByPool) {
          const got = lens.pools.get(pool);
          if (pool === demo) {
            expect(got?.ok).toBe(false);
            expect(lens.ticks.get(`${pool}:0`)?.ok).toBe(false);
            continue;
          }
          const [slot0, g0, g1] = await Promise.all([
            pc.readContract({ address: pool, abi: poolAbi, functionName: 'slot0', blockNumber: block }),
            pc.readContract({
              address: pool,
              abi: poolAbi,
              functionName: 'feeGrowthGlobal0X128',
              blockNumber: block,
            }),
            pc.readContract({
              address: pool,
              abi: poolAbi,
              functionName: 'feeGrowthGlobal1X128',
              blockNumber: block,
            }),
          ]);
          expect(got).toEqual({
            ok: true,
            value: {
              sqrtPriceX96: slot0[0],
              tick: slot0[1],
              feeGrowthGlobal0X128: g0,
              feeGrowthGlobal1X128: g1,
            },
          });
          for (const tick of ticks) {
            const t = await pc.readContract({
              address: pool,
              abi: poolAbi,
              functionName: 'ticks',
              args: [tick],
              blockNumber: block,
            });
            expect(lens.ticks.get(`${pool}:${tick}`)).toEqual({
              ok: true,
              value: { feeGrowthOutside0X128: t[2], feeGrowthOutside1X128: t[3], initialized: t[7] },
            });
          }
        }
      }
    }
    // The seeded history moves fee growth: the blocks compared are not all alike.
    const pasts = await Promise.all(blocks.map((b) => readPastByLens(pc, ticksByPool, b)));
    const globals = new Set(
      pasts.map((s) => {
        const v = s?.pools.get(firstPool);
        return v?.ok ? `${v.value.feeGrowthGlobal0X128}` : 'none';
      }),
    );
    expect(globals.size).toBeGreaterThan(1);
  });

  it('asks once where the node refuses it at past blocks (state overrides otherwise run): null, then no request', async () => {
    const rc = recordingClient(chainId, manifest.chains[`${chainId}`].rpcUrl, {
      refuse: (method, params) =>
        method === 'eth_call' &&
        hasOverride(params) &&
        Array.isArray(params) &&
        (params[0] as { to?: string }).to?.toLowerCase() === PAST_LENS_ADDRESS.toLowerCase()
          ? 'historical state overrides are not supported'
          : null,
    });
    await runRoundOne(rc.client, chainId, [
      { label: 'probe', calls: [call(CHAINS[chainId].multicall3, multicall3Abi, 'getBlockNumber')] },
    ]);
    expect(knownPath(rc.client)).toBe('state-override');
    const head = await rc.client.getBlockNumber();
    const ticks = new Map([[factory, new Set([0])]]);
    const before = rc.requests.length;
    expect(await readPastByLens(rc.client, ticks, head - 1n)).toBeNull();
    expect(rc.requests.length).toBe(before + 1);
    expect(await readPastByLens(rc.client, ticks, head - 2n)).toBeNull();
    expect(rc.requests.length).toBe(before + 1);
  });

  it('is not used where the RPC refused state overrides (Multicall3 reads instead)', async () => {
    const rc = await knownClient(chainId, true);
    expect(knownPath(rc.client)).not.toBe('state-override');
    const before = rc.requests.length;
    const head = await rc.client.getBlockNumber();
    expect(await readPastByLens(rc.client, new Map([[factory, new Set([0])]]), head - 1n)).toBeNull();
    expect(rc.requests.length).toBe(before + 1);
  });
});

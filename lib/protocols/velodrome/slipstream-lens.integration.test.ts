import { type Address, encodeFunctionData, parseAbi } from 'viem';
import { describe, expect, it } from 'vitest';
import { type RecordedRequest, recordingClient } from '../../../devnet/rpc-recorder';
import { testDevnet } from '../../../devnet/testing';
import { answerStats, resetAnswerStats } from '../../chains/multicall';
import type { CompiledLens } from '../../chains/round-one';
import { readChainPortfolio } from '../../portfolio/read';
import type { ChainPortfolio } from '../../portfolio/types';
import { defineModule, type RegisteredModule } from '../module';
import { velodromeDeploymentSpec } from './addresses';
import { velodromeModule } from './module';
import { readSlipstream } from './slipstream';
import { slipstreamLens } from './slipstream-lens';

/*
 * Slipstream's part of round 1: the V3 lens over the CL manager (the wallet's NFTs) and SlipstreamGaugeLens
 * (the staked side: the CL factory's pools, the Voter's gauges, stakedValues, staked positions, gauge and
 * pool state, reward tokens), read with the rest of `velodromeModule`. Oracles: the RPC's request log (what
 * went out, at which block), the primed answers' own hit/miss counts, and the same read made level by level
 * through Multicall3 (a client refusing state overrides and calls without `to`) at the same block below the
 * head: a lens only decides which calls are made, so every figure must come out identical.
 */
const { manifest, network } = testDevnet();
const demo = manifest.accounts.demo as Address;
const CHAIN = 10;

const hasOverride = (params: unknown) =>
  Array.isArray(params) && params.length > 2 && params[2] !== undefined;
const noTo = (params: unknown) =>
  Array.isArray(params) && typeof params[0] === 'object' && params[0] !== null && !('to' in params[0]);
function client(refuse: { override?: boolean; deployless?: boolean } = {}) {
  return recordingClient(CHAIN, manifest.chains[`${CHAIN}`].rpcUrl, {
    refuse: (method, params) => {
      if (method !== 'eth_call') return null;
      if (refuse.override && hasOverride(params)) return 'state override is not supported';
      if (refuse.deployless && noTo(params)) return 'toAddressIsNull';
      return null;
    },
  });
}
const levelsClient = () => client({ override: true, deployless: true });

const read = (
  c: ReturnType<typeof client>,
  blockNumber?: bigint,
  protocols: RegisteredModule[] = [velodromeModule],
) =>
  readChainPortfolio({
    network,
    chainId: CHAIN,
    client: c.client,
    owner: demo,
    protocols,
    ...(blockNumber === undefined ? {} : { blockNumber }),
  });

/** The eth_calls of a read at its own block: all but the past-window ones (pinned below it). */
const currentCalls = (requests: readonly RecordedRequest[], block: bigint) =>
  requests.filter((r) => {
    if (r.method !== 'eth_call' || !Array.isArray(r.params)) return false;
    const tag: unknown = r.params[1];
    return !(typeof tag === 'string' && tag.startsWith('0x') && BigInt(tag) < block);
  });

const slipstream = (chain: ChainPortfolio) => chain.positions.filter((p) => p.id.includes(':slipstream'));
const pinned = async () => (await client().client.getBlockNumber()) - 1n;

const lensAbi = parseAbi(['function read(bytes input) view returns (bytes)']);
const LENS_AT: Address = '0x1a5e00000000000000000000000000000000beef';
/** eth_estimateGas of one lens job alone (placed by state override), and the size of what it returns. */
async function lensCost(job: { lens: CompiledLens; input: `0x${string}` }) {
  const c = client().client;
  const request = {
    to: LENS_AT,
    data: encodeFunctionData({ abi: lensAbi, functionName: 'read', args: [job.input] }),
    stateOverride: [{ address: LENS_AT, code: job.lens.runtimeCode }],
  };
  const gas = await c.estimateGas(request);
  const { data } = await c.call(request);
  return { gas, bytes: ((data?.length ?? 2) - 2) / 2 };
}

describe('Slipstream in round 1 (wallet NFTs and the staked side)', () => {
  it('the whole velodromeModule: no miss, round 1 only; a refresh is one current-block eth_call', async () => {
    const first = client();
    resetAnswerStats(first.client);
    const a = await read(first);
    expect(a.read).toEqual({ path: 'state-override', note: null });
    expect(a.protocolErrors).toEqual([]);
    expect(slipstream(a).some((p) => p.kind === 'farming')).toBe(true);
    expect(answerStats(first.client)).toMatchObject({ misses: 0 });
    // First read: the position and pool counts are unknown, so round 1 declares the readers' caps and goes
    // in a few chunks, all sent at once (they start before the first one answers); nothing after them.
    const firstCalls = currentCalls(first.requests, a.blockNumber ?? 0n);
    const firstEnd = Math.min(...firstCalls.map((r) => r.end));
    expect(firstCalls.every((r) => r.start < firstEnd)).toBe(true);

    // A refresh (the counts known from the read before): one eth_call answers every current-block read.
    const again = client();
    resetAnswerStats(again.client);
    const b = await read(again);
    expect(answerStats(again.client).misses).toBe(0);
    expect(answerStats(again.client).hits).toBeGreaterThan(0);
    expect(currentCalls(again.requests, b.blockNumber ?? 0n)).toHaveLength(1);

    // The reader level by level, for comparison (the figures of the report).
    const levels = levelsClient();
    resetAnswerStats(levels.client);
    const c = await read(levels);
    console.log(
      `velodromeModule, demo: first read ${first.requests.length} requests (${firstCalls.length} current eth_calls), refresh ${again.requests.length} (${currentCalls(again.requests, b.blockNumber ?? 0n).length}), ${JSON.stringify(answerStats(again.client))}; by levels ${levels.requests.length} (${currentCalls(levels.requests, c.blockNumber ?? 0n).length})`,
    );
  });

  it('the staked-side lens: its declared weight covers its measured gas; its answer fits a deployless one', async () => {
    const deployment = velodromeDeploymentSpec.devnet(manifest.chains[`${CHAIN}`].contracts, CHAIN);
    if (!deployment) throw new Error('no Velodrome on the devnet');
    for (const owner of ['demo', 'trader', 'deployer'] as const) {
      const jobs = slipstreamLens(
        { chainId: CHAIN, deployment: network.chains[CHAIN], owner: manifest.accounts[owner] as Address },
        deployment,
      );
      const job = jobs.at(-1);
      if (!job || !('lens' in job) || job.weight === undefined) throw new Error('no staked-side job');
      const { gas, bytes } = await lensCost(job);
      console.log(`SlipstreamGaugeLens, ${owner}: ${gas} gas, ${bytes} bytes returned, weight ${job.weight}`);
      expect(gas).toBeLessThanOrEqual(BigInt(job.weight) * 10_000n);
      expect(bytes).toBeLessThan(24_576);
    }
  });

  it('the figures of the level-by-level read at the same block, by state override and deployless', async () => {
    const at = await pinned();
    const reference = await read(levelsClient(), at);
    expect(reference.read?.path).toBe('multicall-levels');
    const lensed = client();
    resetAnswerStats(lensed.client);
    const chain = await read(lensed, at);
    expect(chain.read?.path).toBe('state-override');
    expect(answerStats(lensed.client).misses).toBe(0);
    expect(slipstream(reference).filter((p) => p.kind === 'farming').length).toBeGreaterThan(1);
    expect(chain.positions).toEqual(reference.positions);

    // Deployless (overrides refused): each lens job alone; V2's answer is over EIP-170 for the demo (it is
    // read by levels, velodrome/lens.integration.test.ts), Slipstream's come back; the same figures.
    const deployless = client({ override: true });
    resetAnswerStats(deployless.client);
    const d = await read(deployless, at);
    expect(d.read?.path).toBe('deployless');
    expect(d.positions).toEqual(reference.positions);
  });

  it('bad gauges (stakedValues reverts, one gauge reverts everything): warned as by levels, nothing missed', async () => {
    // Slipstream pointed at the V2 factory: its pools' gauges are V2 gauges (no stakedValues; the seed's
    // broken one reverts every read) and it has no getPool(tokenA, tokenB, tickSpacing).
    const broken = defineModule({
      id: 'velodrome',
      name: 'Slipstream',
      order: 30,
      kinds: ['liquidity', 'farming'],
      lens: slipstreamLens,
      read: async (ctx, d) => ({ positions: d.slipstream ? await readSlipstream(ctx, d, d.slipstream) : [] }),
      deployment: {
        ...velodromeDeploymentSpec,
        devnet: (contracts, chainId) => {
          const d = velodromeDeploymentSpec.devnet(contracts, chainId);
          return d?.slipstream ? { ...d, slipstream: { ...d.slipstream, factory: d.poolFactory } } : null;
        },
      },
    });
    const at = await pinned();
    const lensed = client();
    resetAnswerStats(lensed.client);
    const a = await read(lensed, at, [broken]);
    const b = await read(levelsClient(), at, [broken]);
    expect(a.read?.path).toBe('state-override');
    expect(answerStats(lensed.client).misses).toBe(0);
    const gaugeWarnings = slipstream(a).filter((p) =>
      /stakedValues\(\) of gauge 0x[0-9a-fA-F]{40} failed/.test(p.warning ?? ''),
    );
    expect(gaugeWarnings.length).toBeGreaterThan(1);
    expect(slipstream(a).some((p) => p.kind === 'farming' && p.assets.length > 0)).toBe(false);
    expect(a.positions).toEqual(b.positions);
  });
});

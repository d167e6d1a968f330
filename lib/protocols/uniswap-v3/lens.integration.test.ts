import {
  type Address,
  decodeFunctionResult,
  encodeAbiParameters,
  encodeFunctionData,
  keccak256,
  parseAbi,
  toHex,
} from 'viem';
import { describe, expect, it } from 'vitest';
import { DevnetChain } from '../../../devnet/chain';
import { type Refuse, refusingClient } from '../../../devnet/lens-testing';
import { type RecordedRequest, sequentialDepth } from '../../../devnet/rpc-recorder';
import { mintManyWethUsdcPositions, V3_DEPLOYMENTS, type V3Prefix } from '../../../devnet/seed/uniswap-v3';
import { snapshotChain, testDevnet } from '../../../devnet/testing';
import { answerStats, resetAnswerStats } from '../../chains/multicall';
import type { ChainId } from '../../chains/registry';
import type { CompiledLens, RoundOneJob } from '../../chains/round-one';
import { readChainPortfolio } from '../../portfolio/read';
import type { ChainPortfolio } from '../../portfolio/types';
import { devnetV3Deployment } from './addresses';
import { POSITIONS_PER_JOB, v3Lens } from './lens';
import { isV3Details, v3Module } from './module';
import { DEFAULT_MAX_POSITIONS, SUSHISWAP_V3, UNISWAP_V3, type V3ProtocolSpec } from './read';

/**
 * The V3 lens (round 1) against the readers' own levels: the same figures on every path, no current-block
 * call of the reader left for a later request, and its gas at a whale's scale.
 */
const { manifest, network } = testDevnet();
const demo = manifest.accounts.demo as Address;
const SPECS: Record<V3Prefix, V3ProtocolSpec> = { UniswapV3: UNISWAP_V3, SushiSwapV3: SUSHISWAP_V3 };
const DEPLOYMENTS = (Object.entries(V3_DEPLOYMENTS) as [V3Prefix, readonly ChainId[]][]).flatMap(
  ([prefix, ids]) => ids.map((chainId) => ({ prefix, chainId })),
);

const client = (chainId: ChainId, refuse: Refuse = {}, latencyMs = 0) =>
  refusingClient(manifest, chainId, refuse, latencyMs);

/** eth_calls at the read's block or later (past-block reads of the fee window and header reads left out). */
function currentCalls(requests: readonly RecordedRequest[], block: bigint): RecordedRequest[] {
  return requests.filter((r) => {
    if (r.method !== 'eth_call') return false;
    const tag = Array.isArray(r.params) ? r.params[1] : undefined;
    return typeof tag !== 'string' || !tag.startsWith('0x') || BigInt(tag) >= block;
  });
}

async function read(
  chainId: ChainId,
  spec: V3ProtocolSpec,
  c: ReturnType<typeof client>,
  options: { owner?: Address; blockNumber?: bigint } = {},
): Promise<ChainPortfolio> {
  return readChainPortfolio({
    network,
    chainId,
    client: c.client,
    owner: options.owner ?? demo,
    protocols: [v3Module(spec, 10)],
    ...(options.blockNumber === undefined ? {} : { blockNumber: options.blockNumber }),
  });
}

/**
 * Round 1 as one round trip: its eth_calls (several chunks when the lens reserves ranges for an account it
 * has not seen) all leave before the first answer arrives, so none waits on another.
 */
function oneRound(calls: readonly { start: number; end: number }[]): boolean {
  const firstAnswer = Math.min(...calls.map((c) => c.end));
  return calls.length > 0 && calls.every((c) => c.start < firstAnswer);
}

const figures = (chain: ChainPortfolio) =>
  chain.positions.map((p) => ({
    id: p.id,
    assets: p.assets.map((a) => [a.amount, a.usdE18]),
    rewards: p.rewards.map((a) => [a.amount, a.usdE18]),
    yield: p.yield,
    warning: p.warning,
    tick: isV3Details(p.details) ? p.details.tickCurrent : null,
  }));

describe.each(DEPLOYMENTS)('the V3 lens, $prefix on $chainId', ({ prefix, chainId }) => {
  const spec = SPECS[prefix];

  it('answers every current-block call of the reader from round 1, in one request', async () => {
    // 40 ms a request, as a remote RPC: requests sent together are then told apart from ones sent after an answer.
    const c = client(chainId, {}, 40);
    resetAnswerStats(c.client);
    const chain = await read(chainId, spec, c);
    expect(chain.read).toEqual({ path: 'state-override', note: null });
    expect(chain.protocolErrors).toEqual([]);
    const ours = chain.positions.filter((p) => p.protocol === spec.id);
    expect(ours.length).toBeGreaterThan(0);
    expect(answerStats(c.client).misses).toBe(0);
    expect(answerStats(c.client).hits).toBeGreaterThan(0);
    expect(oneRound(currentCalls(c.requests, chain.blockNumber ?? 0n))).toBe(true);
  });

  it('gives the figures of the level-by-level read, by state override and refused one, at one block', async () => {
    const levels = client(chainId, { override: true, deployless: true });
    const at = (await levels.client.getBlockNumber()) - 1n;
    const reference = await read(chainId, spec, levels, { blockNumber: at });
    expect(reference.read?.path).toBe('multicall-levels');
    const override = client(chainId);
    const refused = client(chainId, { override: true });
    const a = await read(chainId, spec, override, { blockNumber: at });
    const b = await read(chainId, spec, refused, { blockNumber: at });
    expect(a.read?.path).toBe('state-override');
    // The demo's records are over EIP-170's 24,576 bytes a deployless answer may hold: that path says so
    // and the read goes on by levels (a small account goes deployless: see 'at scale' below).
    if (b.read?.path !== 'deployless')
      expect(b.read?.note).toMatch(/CreateContractSizeLimit|too large|size/i);
    expect(figures(reference).length).toBeGreaterThan(0);
    expect(figures(a)).toEqual(figures(reference));
    expect(figures(b)).toEqual(figures(reference));
  });
});

describe('the V3 lens on bad input', () => {
  const chainId: ChainId = 10;
  const devnet = new DevnetChain(chainId, manifest.chains['10'].rpcUrl, []);

  it('records a position manager reverting for one id: the reader reports it as before, the rest intact', async () => {
    const restore = await snapshotChain(devnet);
    try {
      const c = client(chainId);
      const before = await read(chainId, UNISWAP_V3, c);
      const open = before.positions.flatMap((p) =>
        isV3Details(p.details) && !p.details.closed ? [p.details] : [],
      );
      const first = open[0];
      if (!first) throw new Error('no open position');
      const npm = first.positionManager;
      // Real contract code, state it cannot reach through its API: poolId 0 makes positions() revert.
      let slot: bigint | null = null;
      let word = 0n;
      for (let index = 0n; index < 64n && slot === null; index++) {
        const s =
          BigInt(
            keccak256(
              encodeAbiParameters([{ type: 'uint256' }, { type: 'uint256' }], [first.tokenId, index]),
            ),
          ) + 1n;
        const w = BigInt(
          (await devnet.public.getStorageAt({ address: npm, slot: toHex(s, { size: 32 }) })) ?? '0x0',
        );
        if (w >> 128n === first.liquidity && (w & ((1n << 80n) - 1n)) !== 0n) {
          slot = s;
          word = w;
        }
      }
      if (slot === null) throw new Error('positions mapping not found');
      await devnet.request('anvil_setStorageAt', [
        npm,
        toHex(slot, { size: 32 }),
        toHex(word & ~((1n << 80n) - 1n), { size: 32 }),
      ]);
      await devnet.mine();
      const at = (await devnet.public.getBlockNumber()) - 0n;
      await devnet.mine();
      const lensed = client(chainId);
      resetAnswerStats(lensed.client);
      const after = await read(chainId, UNISWAP_V3, lensed, { blockNumber: at });
      const levels = await read(chainId, UNISWAP_V3, client(chainId, { override: true, deployless: true }), {
        blockNumber: at,
      });
      expect(answerStats(lensed.client).misses).toBe(0);
      const broken = after.positions.find((p) => p.id === `${chainId}:uniswap-v3:${first.tokenId}`);
      expect(broken?.warning).toMatch(new RegExp(`positions\\(${first.tokenId}\\) failed`));
      expect(figures(after)).toEqual(figures(levels));
      expect(after.positions).toHaveLength(before.positions.length);
    } finally {
      await restore();
    }
  });
});

const lensAbi = parseAbi(['function read(bytes input) view returns (bytes)']);

/**
 * Gas one lens job needs to read everything it reads with ample gas: the least `gas` (found by bisection) at
 * which its `read`, placed by state override, returns as many bytes of records as with 29M. (eth_estimateGas alone
 * would find the point where the lens's own gas guard stops it early, with less read.) Slightly above the
 * gas used, by the guard's reserve.
 */
async function jobGas(chainId: ChainId, job: RoundOneJob): Promise<bigint> {
  if (!('lens' in job)) throw new Error('not a lens job');
  const lens: CompiledLens = job.lens;
  const at: Address = '0x1a5e000000000000000000000000000000000001';
  const c = client(chainId);
  const data = encodeFunctionData({ abi: lensAbi, functionName: 'read', args: [job.input] });
  const records = async (gas: bigint) => {
    try {
      const { data: out } = await c.client.call({
        to: at,
        data,
        gas,
        stateOverride: [{ address: at, code: lens.runtimeCode }],
      });
      return decodeFunctionResult({ abi: lensAbi, functionName: 'read', data: out ?? '0x' }).length;
    } catch {
      return -1;
    }
  };
  const full = await records(29_000_000n);
  let [lo, hi] = [0n, 29_000_000n];
  while (hi - lo > 20_000n) {
    const mid = (lo + hi) / 2n;
    if ((await records(mid)) === full) hi = mid;
    else lo = mid;
  }
  return hi;
}

describe('the V3 lens at scale', () => {
  const chainId: ChainId = 42161;
  const devnet = new DevnetChain(chainId, manifest.chains['42161'].rpcUrl, []);

  it('reads 1, 100 and 500 positions as levels do, each range of the lens well under the eth_call gas cap', async () => {
    const restore = await snapshotChain(devnet);
    try {
      const tokens = manifest.chains['42161'].tokens;
      const contracts = manifest.chains['42161'].contracts;
      const deployment = devnetV3Deployment(contracts, 'UniswapV3');
      if (!deployment) throw new Error('no Uniswap V3 on 42161');
      const owners = {
        one: '0x000000000000000000000000000000000000b001',
        hundred: '0x000000000000000000000000000000000000b100',
        whale: '0x000000000000000000000000000000000000b500',
      } as const;
      for (const [owner, count] of [
        [owners.one, 1],
        [owners.hundred, 100],
        [owners.whale, 500],
      ] as const) {
        await mintManyWethUsdcPositions(devnet, {
          factory: deployment.factory,
          positionManager: deployment.positionManager,
          weth: tokens.WETH as Address,
          usdc: tokens.USDC as Address,
          lp: manifest.accounts.deployer as Address,
          recipient: owner,
          count,
        });
      }
      await devnet.mine();
      const ctx = (owner: Address) => ({ chainId, deployment: network.chains[chainId], owner });
      const gases: Record<string, bigint[]> = {};
      for (const name of ['hundred', 'whale'] as const) {
        const jobs = v3Lens(ctx(owners[name]), 'uniswap-v3', deployment, DEFAULT_MAX_POSITIONS);
        gases[name] = await Promise.all(jobs.map((j) => jobGas(chainId, j)));
      }
      const sum = (xs: bigint[] = []) => xs.reduce((a, b) => a + b, 0n);
      console.log(
        `V3 lens gas on ${chainId} (ranges of ${POSITIONS_PER_JOB}): 100 positions ${gases.hundred?.join(' + ')}; 500 positions ${gases.whale?.join(' + ')} = ${sum(gases.whale)}`,
      );
      // Each range far below geth's 50M cap (and the devnet's 30M block gas limit).
      for (const g of Object.values(gases).flat()) expect(g).toBeLessThan(10_000_000n);

      const at = (await devnet.public.getBlockNumber()) - 1n;
      for (const [name, owner] of Object.entries(owners)) {
        const c = client(chainId, {}, 40);
        resetAnswerStats(c.client);
        const chain = await read(chainId, UNISWAP_V3, c, { owner, blockNumber: at });
        const ours = chain.positions.filter((p) => p.protocol === 'uniswap-v3');
        if (name !== 'whale') expect(chain.read).toEqual({ path: 'state-override', note: null });
        expect(ours).toHaveLength(name === 'one' ? 1 : name === 'hundred' ? 100 : 500);
        expect(ours.every((p) => p.warning === null && p.assets.some((a) => a.amount > 0n))).toBe(true);
        const levels = client(chainId, { override: true, deployless: true }, 40);
        const reference = await read(chainId, UNISWAP_V3, levels, { owner, blockNumber: at });
        expect(figures(chain)).toEqual(figures(reference));
        const stats = { ...answerStats(c.client) };
        const current = currentCalls(c.requests, at);
        console.log(
          `${name} (${ours.length} positions): lens ${c.requests.length} requests (${current.length} eth_call at the block, ${stats.misses} calls missed), depth ${sequentialDepth(c.requests)}; levels ${levels.requests.length} requests, depth ${sequentialDepth(levels.requests)}; path ${chain.read?.path} (${chain.read?.note?.slice(0, 160) ?? ''})`,
        );
        if (name !== 'whale') {
          expect(stats.misses).toBe(0);
          expect(oneRound(current)).toBe(true);
        }
      }

      // Deployless: the dispatcher creates the lens itself; an answer over EIP-170's 24,576 bytes (on the
      // devnet already the foundation's records and one position's) is refused, said, and read by levels.
      const deployless = client(chainId, { override: true });
      resetAnswerStats(deployless.client);
      const small = await read(chainId, UNISWAP_V3, deployless, { owner: owners.one, blockNumber: at });
      if (small.read?.path === 'deployless') expect(answerStats(deployless.client).misses).toBe(0);
      else expect(small.read?.note).toMatch(/deployless: .*CreateContractSizeLimit/);
      const reference = await read(
        chainId,
        UNISWAP_V3,
        client(chainId, { override: true, deployless: true }),
        {
          owner: owners.one,
          blockNumber: at,
        },
      );
      expect(figures(small)).toEqual(figures(reference));
    } finally {
      await restore();
    }
  }, 300_000);
});

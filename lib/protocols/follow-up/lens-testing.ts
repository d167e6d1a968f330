import {
  type Address,
  decodeAbiParameters,
  decodeFunctionResult,
  encodeDeployData,
  encodeFunctionData,
  type Hex,
  hexToBigInt,
  isHex,
  parseAbi,
  parseAbiParameters,
} from 'viem';
import { expect, it } from 'vitest';
import { type Refuse, refusingClient } from '../../../devnet/lens-testing';
import { type RecordedRequest, sequentialDepth } from '../../../devnet/rpc-recorder';
import type { ReadClient } from '../../chains/client';
import { DeploylessReadDispatcher, ReadDispatcher } from '../../chains/lens/ReadDispatcher.bytecode';
import type { DevnetManifest } from '../../chains/manifest';
import { answerStats, resetAnswerStats } from '../../chains/multicall';
import type { Network } from '../../chains/network';
import { CHAINS, type ChainId } from '../../chains/registry';
import type { RoundOneJob } from '../../chains/round-one';
import { readChainPortfolio } from '../../portfolio/read';
import type { ChainPortfolio } from '../../portfolio/types';
import type { RegisteredModule } from '../module';

/**
 * For the modules' lens tests (integration only): reads one module alone through a recording client that
 * may refuse what a real endpoint refuses (state overrides, calls without `to`), so its round 1 can be
 * compared with the reader's own levels (the `multicall-levels` path, as on main) at one block.
 */

export type { Refuse } from '../../../devnet/lens-testing';

export function lensClient(manifest: DevnetManifest, chainId: ChainId, refuse: Refuse = {}) {
  return refusingClient(manifest, chainId, refuse);
}

/** The block an eth_call was sent at (null for a tag such as `latest`). */
function callBlock(r: RecordedRequest): bigint | null {
  const p = Array.isArray(r.params) ? r.params[1] : undefined;
  return typeof p === 'string' && isHex(p) ? hexToBigInt(p) : null;
}

/**
 * The requests of a read at `block` that are about that block: neither a past-block eth_call (round 2's,
 * the window's start) nor a block header.
 */
export function currentRequests(requests: readonly RecordedRequest[], block: bigint): RecordedRequest[] {
  return requests.filter((r) => {
    if (r.method === 'eth_getBlockByNumber' || r.method === 'eth_getBlockByHash') return false;
    if (r.method !== 'eth_call') return true;
    const at = callBlock(r);
    return at === null || at >= block;
  });
}

const stable = (value: unknown) =>
  JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

/** What a read found: every position, summary and protocol error (the chain's path and note left out). */
export const figures = (chain: ChainPortfolio) =>
  stable({ positions: chain.positions, summaries: chain.summaries, errors: chain.protocolErrors });

export interface LensCase {
  chainId: ChainId;
  module: RegisteredModule;
  owner: Address;
  userEntries?: Readonly<Record<string, readonly Address[]>>;
  /** What makes the read worth comparing (the module found something), checked on the lens's read. */
  found: (chain: ChainPortfolio) => boolean;
}

export function readAlone(
  network: Network,
  c: ReturnType<typeof lensClient>,
  k: LensCase,
  blockNumber?: bigint,
) {
  return readChainPortfolio({
    network,
    chainId: k.chainId,
    client: c.client,
    owner: k.owner,
    protocols: [k.module],
    ...(k.userEntries ? { userEntries: k.userEntries } : {}),
    ...(blockNumber === undefined ? {} : { blockNumber }),
  });
}

/**
 * One module's round 1, on one chain: (a) read alone, every current read is answered from round 1 (no
 * miss) and the block's reads take one request; (b) the same figures as its own levels (`multicall-levels`,
 * the reader as on main) at one pinned block below the head; (c) deployless too.
 */
export function lensCases(manifest: DevnetManifest, network: Network, name: string, k: LensCase): void {
  it(`${name}: one request, every current read answered by round 1`, async () => {
    const c = lensClient(manifest, k.chainId);
    resetAnswerStats(c.client);
    const chain = await readAlone(network, c, k);
    expect(chain.read?.path).toBe('state-override');
    expect(chain.protocolErrors).toEqual([]);
    expect(k.found(chain)).toBe(true);
    expect(answerStats(c.client).misses).toBe(0);
    expect(answerStats(c.client).hits).toBeGreaterThan(0);
    expect(currentRequests(c.requests, chain.blockNumber ?? 0n).map((r) => r.method)).toEqual(['eth_call']);
  });

  it(`${name}: the same figures as read level by level, and deployless, at one block`, async () => {
    const lens = lensClient(manifest, k.chainId);
    const at = (await lens.client.getBlockNumber()) - 1n;
    lens.requests.length = 0;
    resetAnswerStats(lens.client);
    const withLens = await readAlone(network, lens, k, at);
    expect(withLens.read?.path).toBe('state-override');
    expect(answerStats(lens.client).misses).toBe(0);
    expect(k.found(withLens)).toBe(true);

    const levels = await readAlone(
      network,
      lensClient(manifest, k.chainId, { override: true, deployless: true }),
      k,
      at,
    );
    expect(levels.read?.path).toBe('multicall-levels');
    expect(figures(withLens)).toEqual(figures(levels));

    // Deployless, the whole read (the foundation's job with this module's) fits EIP-170's 24,576 bytes on
    // some chains only: where it does not, the read falls back to levels, with the same figures.
    const deployless = lensClient(manifest, k.chainId, { override: true });
    resetAnswerStats(deployless.client);
    const viaCreate = await readAlone(network, deployless, k, at);
    if (viaCreate.read?.path === 'deployless') expect(answerStats(deployless.client).misses).toBe(0);
    else
      expect(viaCreate.read?.note).toMatch(/deployless: .*(CreateContractSizeLimit|too large|max code size)/);
    expect(figures(viaCreate)).toEqual(figures(levels));

    // The module's own jobs, created by the deployless dispatcher, record exactly what they record when
    // placed by state override (whose records gave the figures above).
    const jobs = k.module.lens({
      chainId: k.chainId,
      deployment: network.chains[k.chainId],
      owner: k.owner,
      ...(k.userEntries ? { userEntries: k.userEntries } : {}),
    });
    const [placed, created] = await Promise.all([
      runJobs(lens.client, k.chainId, jobs, at, 'state-override'),
      runJobs(lens.client, k.chainId, jobs, at, 'deployless'),
    ]);
    expect(created.ok).toEqual(jobs.map(() => true));
    expect(created).toEqual(placed);
  });
}

const ZERO: Address = '0x0000000000000000000000000000000000000000';
const DISPATCHER: Address = '0x1a5e000000000000000000000000000000000000';
const dispatcherAbi = parseAbi([
  'struct Job { address lens; bytes initCode; bytes input; }',
  'struct Outcome { uint256 blockNumber; uint256 timestamp; bool[] ok; bytes[] outputs; }',
  'function run(Job[] jobs, address blockNumberSource) returns (Outcome)',
  'constructor(Job[] jobs, address blockNumberSource)',
]);
const outcomeParams = parseAbiParameters(
  '(uint256 blockNumber, uint256 timestamp, bool[] ok, bytes[] outputs)',
);

/**
 * Runs jobs through the dispatcher as round 1 does (written again here from `ReadDispatcher.sol`'s
 * interface, so the test does not lean on round-one.ts), one path forced, and returns what it recorded.
 */
export async function runJobs(
  client: ReadClient,
  chainId: ChainId,
  jobs: readonly RoundOneJob[],
  blockNumber: bigint,
  via: 'state-override' | 'deployless',
): Promise<{ ok: readonly boolean[]; outputs: readonly Hex[] }> {
  // Plain calls packed as the dispatcher takes them: target (20) | calldata length (3) | calldata.
  const input = (j: RoundOneJob): Hex =>
    'calls' in j
      ? `0x${j.calls.map((c) => c.target.slice(2) + ((c.callData.length - 2) / 2).toString(16).padStart(6, '0') + c.callData.slice(2)).join('')}`
      : j.input;
  const at = (i: number): Address => `0x1a5e${(i + 1).toString(16).padStart(36, '0')}`;
  const source = CHAINS[chainId].l2BlockNumberSource ?? ZERO;
  if (via === 'deployless') {
    const { data } = await client.call({
      data: encodeDeployData({
        abi: dispatcherAbi,
        bytecode: DeploylessReadDispatcher.creationCode,
        args: [
          jobs.map((j) => ({
            lens: ZERO,
            initCode: 'lens' in j ? j.lens.creationCode : '0x',
            input: input(j),
          })),
          source,
        ],
      }),
      blockNumber,
    });
    const [o] = decodeAbiParameters(outcomeParams, data ?? '0x');
    return { ok: o.ok, outputs: o.outputs };
  }
  const { data } = await client.call({
    to: DISPATCHER,
    data: encodeFunctionData({
      abi: dispatcherAbi,
      functionName: 'run',
      args: [
        jobs.map((j, i) => ({ lens: 'lens' in j ? at(i) : ZERO, initCode: '0x' as Hex, input: input(j) })),
        source,
      ],
    }),
    stateOverride: [
      { address: DISPATCHER, code: ReadDispatcher.runtimeCode },
      ...jobs.flatMap((j, i) => ('lens' in j ? [{ address: at(i), code: j.lens.runtimeCode }] : [])),
    ],
    blockNumber,
  });
  const o = decodeFunctionResult({ abi: dispatcherAbi, functionName: 'run', data: data ?? '0x' });
  return { ok: o.ok, outputs: o.outputs };
}

/** Requests and sequential depth of a read at its own block (past-block reads and headers left out). */
export function measure(requests: readonly RecordedRequest[], block: bigint) {
  const current = currentRequests(requests, block);
  return { requests: current.length, depth: sequentialDepth(current), all: requests.length };
}

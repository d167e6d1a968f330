import {
  type Address,
  BaseError,
  encodeDeployData,
  encodeFunctionData,
  type Hex,
  HttpRequestError,
  parseAbi,
  RpcRequestError,
  TimeoutError,
} from 'viem';
import { isWrongChainError, type ReadClient } from './client';
import { decodeOutcome, decodePackedRecords, decodePackedResults, packCalls } from './lens/decode';
import { DeploylessReadDispatcher, ReadDispatcher } from './lens/ReadDispatcher.bytecode';
import { type Call, errorMessage, type KnownAnswer, primeAnswers } from './multicall';
import type { ReadPath } from './read-path';
import { CHAINS, type ChainId } from './registry';

/**
 * Round 1 of a chain read: everything current, at one block, in one `eth_call` where the endpoint allows it.
 * Every module hands in jobs (plain calls, or its own lens: a small read-only contract in its folder that
 * walks what the module would discover level by level); a dispatcher runs them all and returns every call
 * made, with the block and its timestamp. Those answers are primed into `lib/chains/multicall.ts`, so the
 * modules' readers then run unchanged and find their calls answered; what a lens did not foresee still goes
 * out, as before (counted by `answerStats`).
 *
 * Paths, tried in this order and remembered per client (so per set of RPC URLs):
 * 1. `state-override`: the dispatcher and lenses placed at unused addresses by the call's state override
 *    (no limit on what it returns);
 * 2. `deployless`: the dispatcher sent as creation code with no `to`, creating the lenses itself (bound by
 *    EIP-170's 24,576 returned bytes and EIP-3860's 49,152 bytes of creation code);
 * 3. `multicall-levels`: no round 1; the readers' own Multicall3 levels, as on any node.
 */

export type { ReadPath } from './read-path';

/** A compiled lens (`npm run lenses` writes these beside their source). */
export interface CompiledLens {
  creationCode: Hex;
  runtimeCode: Hex;
}

/** One module's part of round 1. */
export type RoundOneJob =
  | { label: string; calls: readonly Call<unknown>[] }
  | {
      label: string;
      lens: CompiledLens;
      input: Hex;
      /** About the gas it will use, in units of 10,000 (it decides how jobs are split into chunks); default 50. */
      weight?: number;
    };

/**
 * Weight (gas / 10,000; a plain recorded call counts 1) per `eth_call` before round 1 is split into chunks,
 * sent together (one JSON-RPC batch): 25M gas, inside geth's and Nitro's 50M `--rpc.gascap` (rpc-facts.md §4)
 * and under the 30M block gas limit that anvil, and reth-based nodes, apply to calls. (At 20M a whale's five
 * 7M-weight V3 ranges took three chunks, at 25M two: each chunk more is one more chance of the batch's calls
 * landing on different blocks.)
 */
export const MAX_CHUNK_WEIGHT = 2_500;

const weightOf = (job: RoundOneJob) => ('calls' in job ? job.calls.length : (job.weight ?? 50));

/**
 * Jobs packed into as few chunks of at most `max` weight as first-fit by decreasing weight finds (a heavier
 * job is a chunk of its own). Fewer chunks mean fewer eth_calls that may land on different blocks (a chain
 * moving between the batch's items): each such disagreement costs a re-read.
 */
export function chunkJobs(jobs: readonly RoundOneJob[], max: number): RoundOneJob[][] {
  const bins: { jobs: RoundOneJob[]; weight: number }[] = [];
  const order = jobs.map((job, i) => ({ job, i, w: weightOf(job) })).sort((a, b) => b.w - a.w || a.i - b.i);
  for (const { job, w } of order) {
    const bin = bins.find((b) => b.weight + w <= max);
    if (bin) {
      bin.jobs.push(job);
      bin.weight += w;
    } else bins.push({ jobs: [job], weight: w });
  }
  return bins.map((b) => b.jobs);
}

export interface RoundOneResult {
  path: ReadPath;
  blockNumber: bigint;
  timestamp: bigint;
  /** Requests round 1 took (more than one only when chunks disagreed on the block). */
  requests: number;
  /** Jobs that failed (a lens that reverted): their modules read by levels instead. */
  failed: { label: string; error: string }[];
  /** Why an earlier path was not taken, in words (null when the first one worked). */
  note: string | null;
}

const dispatcherAbi = parseAbi([
  'struct Job { address lens; bytes initCode; bytes input; }',
  'struct Outcome { uint256 blockNumber; uint256 timestamp; bool[] ok; bytes[] outputs; }',
  'function run(Job[] jobs, address blockNumberSource) returns (Outcome)',
]);
const deploylessAbi = parseAbi([
  'struct Job { address lens; bytes initCode; bytes input; }',
  'constructor(Job[] jobs, address blockNumberSource)',
]);

/** Unused addresses the state override places code at (high, away from every precompile range). */
const DISPATCHER_ADDRESS: Address = '0x1a5e000000000000000000000000000000000000';
const lensAddress = (i: number): Address => `0x1a5e${(i + 1).toString(16).padStart(36, '0')}`;
const ZERO: Address = '0x0000000000000000000000000000000000000000';

/** Creation code and arguments above this cannot be sent without `to` (EIP-3860). */
export const MAX_INITCODE_BYTES = 49_152;

/** What each client was found to accept; a transport failure decides nothing. */
const pathOf = new WeakMap<ReadClient, ReadPath>();

export function knownPath(client: ReadClient): ReadPath | undefined {
  return pathOf.get(client);
}

interface Outcome {
  blockNumber: bigint;
  timestamp: bigint;
  ok: readonly boolean[];
  outputs: readonly Hex[];
}

/** The RPC itself failing (unreachable, timed out, rate-limited, another chain): no path can help. */
export function transportFailure(error: unknown): boolean {
  if (isWrongChainError(error)) return true;
  if (!(error instanceof BaseError)) return true;
  if (error.walk((e) => e instanceof RpcRequestError)) return false;
  return Boolean(error.walk((e) => e instanceof HttpRequestError || e instanceof TimeoutError));
}

function encodeJobs(
  jobs: readonly RoundOneJob[],
  lensAt: (job: Extract<RoundOneJob, { lens: CompiledLens }>) => { lens: Address; initCode: Hex },
) {
  return jobs.map((job) =>
    'calls' in job
      ? {
          lens: ZERO,
          initCode: '0x' as Hex,
          input: packCalls(job.calls),
        }
      : { ...lensAt(job), input: job.input },
  );
}

async function viaOverride(
  client: ReadClient,
  chainId: ChainId,
  jobs: readonly RoundOneJob[],
  blockNumber: bigint | undefined,
): Promise<Outcome> {
  const placed = new Map<CompiledLens, Address>();
  for (const job of jobs)
    if ('lens' in job && !placed.has(job.lens)) placed.set(job.lens, lensAddress(placed.size));
  const data = encodeFunctionData({
    abi: dispatcherAbi,
    functionName: 'run',
    args: [
      encodeJobs(jobs, (job) => ({ lens: placed.get(job.lens) ?? ZERO, initCode: '0x' })),
      CHAINS[chainId].l2BlockNumberSource ?? ZERO,
    ],
  });
  const { data: returned } = await client.call({
    to: DISPATCHER_ADDRESS,
    data,
    stateOverride: [
      { address: DISPATCHER_ADDRESS, code: ReadDispatcher.runtimeCode },
      ...[...placed].map(([lens, address]) => ({ address, code: lens.runtimeCode })),
    ],
    ...(blockNumber === undefined ? {} : { blockNumber }),
  });
  if (!returned || returned === '0x') throw new PathRefused('the state override was ignored (no code ran)');
  return decodeOutcome(returned);
}

async function viaDeployless(
  client: ReadClient,
  chainId: ChainId,
  jobs: readonly RoundOneJob[],
  blockNumber: bigint | undefined,
): Promise<Outcome> {
  const data = encodeDeployData({
    abi: deploylessAbi,
    bytecode: DeploylessReadDispatcher.creationCode,
    args: [
      encodeJobs(jobs, (job) => ({ lens: ZERO, initCode: job.lens.creationCode })),
      CHAINS[chainId].l2BlockNumberSource ?? ZERO,
    ],
  });
  if ((data.length - 2) / 2 > MAX_INITCODE_BYTES)
    throw new TooLarge(
      `round 1's creation code is ${(data.length - 2) / 2} bytes, over EIP-3860's ${MAX_INITCODE_BYTES}`,
    );
  const { data: returned } = await client.call({
    data,
    ...(blockNumber === undefined ? {} : { blockNumber }),
  });
  if (!returned || returned === '0x') throw new PathRefused('the node ran no creation code (empty answer)');
  return decodeOutcome(returned);
}

/** An error in words, with the node's own message where viem's short one is generic. */
function refusal(error: unknown): string {
  const short = errorMessage(error);
  const details = error instanceof BaseError ? error.details : '';
  return details && !short.includes(details) ? `${short} (${details})` : short;
}

/** The endpoint does not run this path at all (remembered). */
class PathRefused extends Error {}
/** This account is too big for this path (not remembered: a smaller one may pass). */
class TooLarge extends Error {}

function tooLarge(error: unknown): boolean {
  return (
    error instanceof TooLarge ||
    /max code size|code storage out of gas|initcode size|out of gas|outofgas|memoryoog|createcontractsizelimit|too large/i.test(
      refusal(error),
    )
  );
}

/** Plain calls per deployless chunk: a recorded balance or price answer is ~150 bytes of the 24,576 allowed. */
export const DEPLOYLESS_CALLS_PER_CHUNK = 100;

/** Deployless chunks: each lens alone, plain calls in pieces, so each answer stays under EIP-170's limit. */
function deploylessChunks(jobs: readonly RoundOneJob[]): RoundOneJob[][] {
  const out: RoundOneJob[][] = [];
  for (const job of jobs) {
    if (!('calls' in job)) {
      out.push([job]);
      continue;
    }
    for (let i = 0; i < Math.max(1, job.calls.length); i += DEPLOYLESS_CALLS_PER_CHUNK)
      out.push([{ label: job.label, calls: job.calls.slice(i, i + DEPLOYLESS_CALLS_PER_CHUNK) }]);
  }
  return out;
}

/**
 * Round 1 in chunks sent together. Each chunk names the block it read; chunks that disagree (a load
 * balancer's nodes one block apart) are read again at the lowest, in one more request (counted), so every
 * answer is of one block. A chunk too big for the path (gas, or a deployless answer's size) leaves its jobs
 * to the readers' own levels while the rest is kept; only when every chunk is too big is the path given up.
 */
async function chunked(
  client: ReadClient,
  chainId: ChainId,
  jobs: readonly RoundOneJob[],
  options: RoundOneOptions,
  path: ReadPath,
  run: typeof viaOverride,
): Promise<{ jobs: RoundOneJob[]; outcome: Outcome; requests: number; tooLarge: string[] }> {
  const chunks =
    path === 'deployless'
      ? deploylessChunks(jobs)
      : chunkJobs(jobs, options.maxChunkWeight ?? MAX_CHUNK_WEIGHT);
  const attempt = (c: readonly RoundOneJob[], block: bigint | undefined) =>
    run(client, chainId, c, block).catch((error: unknown) => {
      if (tooLarge(error)) return { tooLarge: refusal(error) };
      throw error;
    });
  const outcomes = await Promise.all(chunks.map((c) => attempt(c, options.blockNumber)));
  const read = (o: (typeof outcomes)[number]): o is Outcome => !('tooLarge' in o);
  const good = outcomes.filter(read);
  const first = good[0];
  if (!first)
    throw new TooLarge(outcomes.map((o) => ('tooLarge' in o ? o.tooLarge : '')).find(Boolean) ?? '');
  let requests = 1;
  let lowest = first.blockNumber;
  for (const o of good) if (o.blockNumber < lowest) lowest = o.blockNumber;
  const late = outcomes.map((o, i) => (read(o) && o.blockNumber !== lowest ? i : -1)).filter((i) => i >= 0);
  if (late.length > 0) {
    requests += 1;
    const again = await Promise.all(late.map((i) => attempt(chunks[i] ?? [], lowest)));
    late.forEach((i, j) => {
      const o = again[j];
      if (o) outcomes[i] = o;
    });
    const still = outcomes.find((o) => read(o) && o.blockNumber !== lowest);
    if (still && read(still))
      throw new Error(`round 1's chunks read blocks ${lowest} and ${still.blockNumber}, even when pinned`);
  }
  const tooBig: string[] = [];
  const ok: boolean[] = [];
  const outputs: Hex[] = [];
  chunks.forEach((chunk, i) => {
    const o = outcomes[i];
    if (o && read(o)) {
      ok.push(...o.ok);
      outputs.push(...o.outputs);
    } else {
      tooBig.push(...chunk.map((j) => j.label));
      for (const _ of chunk) {
        ok.push(false);
        outputs.push('0x');
      }
    }
  });
  return {
    jobs: chunks.flat(),
    outcome: {
      blockNumber: lowest,
      timestamp: good.find((o) => o.blockNumber === lowest)?.timestamp ?? first.timestamp,
      ok,
      outputs,
    },
    requests,
    tooLarge: [...new Set(tooBig)],
  };
}

export interface RoundOneOptions {
  blockNumber?: bigint;
  /** Weight per chunk (tests force several chunks with a small one). */
  maxChunkWeight?: number;
}

/**
 * Runs round 1 and primes its answers for `client` at the block it read. Returns the `multicall-levels`
 * path (no block, nothing primed) where neither path works; throws when the RPC itself fails.
 */
export async function runRoundOne(
  client: ReadClient,
  chainId: ChainId,
  jobs: readonly RoundOneJob[],
  options: RoundOneOptions = {},
): Promise<RoundOneResult | { path: 'multicall-levels'; note: string }> {
  const notes: string[] = [];
  const known = pathOf.get(client);
  const attempts: [ReadPath, typeof viaOverride][] = [
    ['state-override', viaOverride],
    ['deployless', viaDeployless],
  ];
  for (const [path, run] of attempts) {
    if (known === 'multicall-levels') break;
    if (known === 'deployless' && path === 'state-override') continue;
    try {
      const r = await chunked(client, chainId, jobs, options, path, run);
      if (!known) pathOf.set(client, path);
      if (r.tooLarge.length > 0)
        notes.push(`${path}: too large for one call, read by levels: ${r.tooLarge.join(', ')}`);
      return {
        path,
        ...prime(client, r.jobs, r.outcome, new Set(r.tooLarge)),
        requests: r.requests,
        note: notes.length > 0 ? notes.join('; ') : null,
      };
    } catch (error) {
      if (transportFailure(error) && !(error instanceof PathRefused) && !(error instanceof TooLarge))
        throw error;
      // The dispatcher catches every failure of what it runs, so a revert of the call itself is the node
      // reverting everything: no other path can read this chain (and none is tried, to spare requests).
      if (path === 'state-override' && !tooLarge(error) && /revert/i.test(refusal(error)))
        throw new Error(
          `every call reverts on this RPC: round 1's read dispatcher reverted (${refusal(error)})`,
        );
      notes.push(`${path}: ${refusal(error)}`);
      // Too big for this path is about this account, not the endpoint: the next path may still take it.
      if (!tooLarge(error) && !known)
        pathOf.set(client, path === 'state-override' ? 'deployless' : 'multicall-levels');
    }
  }
  return {
    path: 'multicall-levels',
    note: notes.join('; ') || 'this RPC runs neither state overrides nor deployless calls',
  };
}

function prime(
  client: ReadClient,
  jobs: readonly RoundOneJob[],
  outcome: Outcome,
  /** Jobs left out as too large for the path (already said in the note). */
  skipped: ReadonlySet<string>,
): Pick<RoundOneResult, 'blockNumber' | 'timestamp' | 'failed'> {
  const failed: RoundOneResult['failed'] = [];
  const answers: KnownAnswer[] = [];
  jobs.forEach((job, i) => {
    const output = outcome.outputs[i] ?? '0x';
    if (!outcome.ok[i]) {
      if (!skipped.has(job.label))
        failed.push({ label: job.label, error: `${job.label}: the lens reverted` });
      return;
    }
    try {
      const records = 'calls' in job ? decodePackedResults(output, job.calls) : decodePackedRecords(output);
      for (const r of records) answers.push(r);
    } catch (error) {
      failed.push({ label: job.label, error: `${job.label}: ${errorMessage(error)}` });
    }
  });
  primeAnswers(client, outcome.blockNumber, answers);
  return { blockNumber: outcome.blockNumber, timestamp: outcome.timestamp, failed };
}

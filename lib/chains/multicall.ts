import {
  type Abi,
  type AbiFunction,
  type Address,
  BaseError,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type ContractFunctionReturnType,
  decodeAbiParameters,
  type EncodeFunctionDataParameters,
  encodeFunctionData,
  type GetAbiItemParameters,
  getAbiItem,
  type Hex,
  HttpRequestError,
  parseAbi,
  TimeoutError,
} from 'viem';
import type { ReadClient } from './client';
import { errorMessage } from './errors';
import { hexBytes } from './hex-bytes';
import { CHAINS, type ChainId } from './registry';
import { staticDecoder } from './static-decode';

export const multicall3Abi = parseAbi([
  'struct Call3 { address target; bool allowFailure; bytes callData; }',
  'struct Result { bool success; bytes returnData; }',
  'function aggregate3(Call3[] calls) payable returns (Result[] returnData)',
  'function getEthBalance(address addr) view returns (uint256 balance)',
  'function getCurrentBlockTimestamp() view returns (uint256 timestamp)',
  'function getBlockNumber() view returns (uint256 blockNumber)',
  'function getBasefee() view returns (uint256 basefee)',
]);

/** One read, encoded and ready to batch, with a typed decoder for its return data. */
export interface Call<T> {
  target: Address;
  callData: Hex;
  decode: (data: Hex) => T;
  /** `address.functionName`, for error messages. */
  label: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

type Mutability = 'pure' | 'view' | 'nonpayable' | 'payable';

/**
 * Builds a typed `Call` from an ABI. Non-view functions are allowed because some read interfaces
 * (QuoterV2, NodeInterface, `collect` from the owner) are only meant to be simulated with `eth_call`.
 */
export function call<
  const abi extends Abi,
  functionName extends ContractFunctionName<abi, Mutability>,
  const args extends ContractFunctionArgs<abi, Mutability, functionName>,
>(
  target: Address,
  abi: abi,
  functionName: functionName,
  args?: args,
): Call<ContractFunctionReturnType<abi, Mutability, functionName, args>> {
  // viem's encode/decode parameter types are generic over every ABI; the generic signature above
  // already ties abi, name and args together, so the widening casts below lose nothing.
  const callData = encodeFunctionData({ abi, functionName, args } as EncodeFunctionDataParameters);
  // The function's outputs are found once per call, not per answer; answers are decoded from bytes made
  // natively (`hexBytes`), and shaped as viem's decodeFunctionResult shapes them (one output: the value).
  const item = getAbiItem({ abi, name: functionName, args } as GetAbiItemParameters) as
    | AbiFunction
    | undefined;
  if (!item?.outputs) throw new Error(`${String(functionName)} is not a function of the ABI given`);
  const outputs = item.outputs;
  // Static outputs (most answers) are read straight off the hex; the rest through viem, from native bytes.
  const fast = staticDecoder(outputs);
  return {
    target,
    callData,
    label: `${target}.${String(functionName)}`,
    decode: (data) => {
      const values = fast ? fast(data) : decodeAbiParameters(outputs, hexBytes(data));
      return (values.length > 1 ? values : values[0]) as ContractFunctionReturnType<
        abi,
        Mutability,
        functionName,
        args
      >;
    },
  };
}

const aggregate3Outputs = (getAbiItem({ abi: multicall3Abi, name: 'aggregate3' }) as AbiFunction).outputs;

/** A raw call whose return data is kept as bytes (for tokens whose metadata is not ABI-conformant). */
export function rawCall(target: Address, callData: Hex, label: string): Call<Hex> {
  return { target, callData, label, decode: (data) => data };
}

export interface MulticallOptions {
  multicall3: Address;
  blockNumber?: bigint;
  /** Calldata bytes per `aggregate3`; chunks are sent concurrently, never one after another. */
  maxBytesPerChunk?: number;
}

const DEFAULT_MAX_BYTES = 48_000;

/** The multicall options of a chain, from the registry (its Multicall3, its chunk size), at a block. */
export function chainMulticall(chainId: ChainId, blockNumber?: bigint): MulticallOptions {
  const spec = CHAINS[chainId];
  return {
    multicall3: spec.multicall3,
    maxBytesPerChunk: spec.multicallMaxBytes,
    ...(blockNumber === undefined ? {} : { blockNumber }),
  };
}

type RawResult = { success: boolean; returnData: Hex } | { failure: string };

class NoMulticallError extends Error {}

/**
 * Whether an aggregate3 failure is the EVM running out of gas or reverting (what a hostile target can
 * cause), as opposed to the RPC failing (unreachable, timed out, rate-limited, state pruned), which
 * splitting the batch cannot help.
 */
function sunkByTarget(error: unknown): boolean {
  if (error instanceof NoMulticallError || !(error instanceof BaseError)) return false;
  if (error.walk((e) => e instanceof HttpRequestError || e instanceof TimeoutError)) return false;
  return /out of gas|outofgas|gas required exceeds|memory|revert/i.test(
    `${error.shortMessage} ${error.details ?? ''}`,
  );
}

async function aggregateCall(
  client: ReadClient,
  chunk: readonly Call<unknown>[],
  options: MulticallOptions,
): Promise<Hex | undefined> {
  // aggregate3 is declared payable, so it is simulated with a plain eth_call.
  const { data } = await client.call({
    to: options.multicall3,
    data: encodeFunctionData({
      abi: multicall3Abi,
      functionName: 'aggregate3',
      args: [chunk.map((c) => ({ target: c.target, allowFailure: true, callData: c.callData }))],
    }),
    ...(options.blockNumber === undefined ? {} : { blockNumber: options.blockNumber }),
  });
  return data;
}

/** Throws when even an empty aggregate3 fails: the node (or Multicall3) reverts every call. */
function emptyCallProbe(client: ReadClient, options: MulticallOptions): () => Promise<void> {
  let result: Promise<void> | null = null;
  return () => {
    result ??= aggregateCall(client, [], options).then(
      () => {},
      (error: unknown) => {
        throw new Error(
          `every call reverts: Multicall3 at ${options.multicall3} fails even with no calls (${errorMessage(error)})`,
        );
      },
    );
    return result;
  };
}

/**
 * One `aggregate3` eth_call. Each call already fails alone inside it, but a hostile target can still sink
 * the whole call: one that burns the 63/64 of gas it is handed leaves too little for the calls after it,
 * and one that returns a huge blob makes Multicall3 itself pay to copy it. When the EVM (not the RPC)
 * fails the call, the chunk is halved and retried, so the failure ends up with the call that caused it;
 * this costs extra round trips only when it happens.
 */
async function aggregate(
  client: ReadClient,
  chunk: readonly Call<unknown>[],
  options: MulticallOptions,
  probe: () => Promise<void>,
): Promise<RawResult[]> {
  try {
    const data = await aggregateCall(client, chunk, options);
    if (data === undefined)
      throw new NoMulticallError(`Multicall3 at ${options.multicall3} returned nothing (no code there?)`);
    // aggregate3's outputs are `(bool success, bytes returnData)[]`; viem types a looked-up ABI item's
    // decode loosely, so the shape is named here.
    const [results] = decodeAbiParameters(aggregate3Outputs, hexBytes(data)) as unknown as [
      readonly { success: boolean; returnData: Hex }[],
    ];
    return [...results];
  } catch (error) {
    if (!sunkByTarget(error)) throw error;
    // Before halving, one empty aggregate3 (which no target can sink): if it fails too, the node or
    // Multicall3 fails every call, and halving would only multiply requests.
    await probe();
    const [only] = chunk;
    if (chunk.length === 1 && only)
      return [{ failure: `${only.label} sank the whole call: ${errorMessage(error)}` }];
    const half = Math.ceil(chunk.length / 2);
    const [a, b] = await Promise.all([
      aggregate(client, chunk.slice(0, half), options, probe),
      aggregate(client, chunk.slice(half), options, probe),
    ]);
    return [...a, ...b];
  }
}

/** One answer known in advance (round 1's records): what `aggregate3` would have said for that call. */
export interface KnownAnswer {
  target: Address;
  callData: Hex;
  success: boolean;
  returnData: Hex;
}

const callKey = (target: string, callData: string) => `${target.toLowerCase()}${callData.toLowerCase()}`;

/** How many of the calls asked at a primed block were answered from what was known, and how many went out. */
export interface KnownStats {
  hits: number;
  misses: number;
}

const KEEP_BLOCKS = 4;
const known = new WeakMap<object, Map<bigint, Map<string, KnownAnswer>>>();
const knownStats = new WeakMap<object, KnownStats>();

/**
 * Makes answers read at `blockNumber` (by a lens, in round 1) the answers of every later multicall of this
 * client at that block: the readers run unchanged and send only what the lens did not foresee. The last few
 * blocks are kept (a refresh reads a new one).
 */
export function primeAnswers(client: ReadClient, blockNumber: bigint, answers: Iterable<KnownAnswer>): void {
  const byBlock = known.get(client) ?? new Map<bigint, Map<string, KnownAnswer>>();
  known.set(client, byBlock);
  // Replaced, not merged: a devnet reverted to a snapshot reuses block numbers for other blocks.
  const map = new Map<string, KnownAnswer>();
  for (const a of answers) map.set(callKey(a.target, a.callData), a);
  byBlock.delete(blockNumber);
  byBlock.set(blockNumber, map);
  for (const old of byBlock.keys()) {
    if (byBlock.size <= KEEP_BLOCKS) break;
    byBlock.delete(old);
  }
}

const KEEP_SETTLED_BLOCKS = 12;
const settled = new WeakMap<object, Map<bigint, Map<string, KnownAnswer>>>();

/**
 * Keeps every answer this client gets at `blockNumber` from now on: a past block a window is measured
 * from (an hour or more old, so settled) answers the same on every refresh, so a refresh that measures
 * from the same block sends nothing for it.
 */
export function keepAnswersAt(client: ReadClient, blockNumber: bigint): void {
  const byBlock = settled.get(client) ?? new Map<bigint, Map<string, KnownAnswer>>();
  settled.set(client, byBlock);
  if (byBlock.has(blockNumber)) return;
  byBlock.set(blockNumber, new Map());
  for (const old of byBlock.keys()) {
    if (byBlock.size <= KEEP_SETTLED_BLOCKS) break;
    byBlock.delete(old);
  }
}

/** Hits and misses of the primed answers of a client since the last reset (tests and the bench). */
export function answerStats(client: ReadClient): KnownStats {
  const s = knownStats.get(client) ?? { hits: 0, misses: 0 };
  knownStats.set(client, s);
  return s;
}

export function resetAnswerStats(client: ReadClient): void {
  knownStats.set(client, { hits: 0, misses: 0 });
}

function decodeRaw(c: Call<unknown>, r: RawResult | undefined): Result<unknown> {
  if (!r) return { ok: false, error: `${c.label}: missing result` };
  if ('failure' in r) return { ok: false, error: r.failure };
  if (!r.success) return { ok: false, error: `${c.label} reverted` };
  try {
    return { ok: true, value: c.decode(r.returnData) };
  } catch (error) {
    return { ok: false, error: `${c.label}: ${errorMessage(error)}` };
  }
}

interface Waiting {
  calls: readonly Call<unknown>[];
  resolve: (results: (RawResult | undefined)[]) => void;
  reject: (error: unknown) => void;
}

/** Multicalls asked in the same tick, by client and block: sent as one (chunked) set of aggregate3 calls. */
const waiting = new WeakMap<object, Map<string, { options: MulticallOptions; items: Waiting[] }>>();

function enqueue(
  client: ReadClient,
  calls: readonly Call<unknown>[],
  options: MulticallOptions,
): Promise<(RawResult | undefined)[]> {
  return new Promise((resolve, reject) => {
    const groups = waiting.get(client) ?? new Map<string, { options: MulticallOptions; items: Waiting[] }>();
    waiting.set(client, groups);
    const key = `${options.multicall3}:${options.blockNumber ?? 'latest'}`;
    const group = groups.get(key);
    if (group) {
      group.items.push({ calls, resolve, reject });
      return;
    }
    const fresh = { options, items: [{ calls, resolve, reject }] };
    groups.set(key, fresh);
    setTimeout(() => {
      groups.delete(key);
      // The same call asked twice at one block (a past block's time by the window reader and by the module,
      // a token's metadata by two modules) is sent once and its answer handed to both.
      const all = fresh.items.flatMap((w) => w.calls);
      const slot = new Map<string, number>();
      const unique: Call<unknown>[] = [];
      const index = all.map((c) => {
        const k = callKey(c.target, c.callData);
        let i = slot.get(k);
        if (i === undefined) {
          i = unique.push(c) - 1;
          slot.set(k, i);
        }
        return i;
      });
      aggregateAll(client, unique, fresh.options).then(
        (results) => {
          let offset = 0;
          for (const w of fresh.items) {
            w.resolve(index.slice(offset, offset + w.calls.length).map((i) => results[i]));
            offset += w.calls.length;
          }
        },
        (error: unknown) => {
          for (const w of fresh.items) w.reject(error);
        },
      );
    }, 0);
  });
}

/**
 * Executes calls through Multicall3 `aggregate3` with per-call failure isolation: a reverting call or
 * undecodable return yields `{ ok: false }` for that call alone. A transport failure rejects. Calls whose
 * answers round 1 already read at this block (`primeAnswers`) are answered from those; the rest, with the
 * other multicalls asked in the same tick at the same block, go out together.
 */
export async function multicall(
  client: ReadClient,
  calls: readonly Call<unknown>[],
  options: MulticallOptions,
): Promise<Result<unknown>[]> {
  if (calls.length === 0) return [];
  const block = options.blockNumber;
  const primed = block === undefined ? undefined : known.get(client)?.get(block);
  const kept = block === undefined ? undefined : settled.get(client)?.get(block);
  const raw: (RawResult | undefined)[] = calls.map((c) => {
    const key = callKey(c.target, c.callData);
    return primed?.get(key) ?? kept?.get(key);
  });
  const missing = calls.filter((_, i) => raw[i] === undefined);
  if (primed) {
    const s = answerStats(client);
    s.hits += calls.length - missing.length;
    s.misses += missing.length;
  }
  if (missing.length > 0) {
    const fetched = await enqueue(client, missing, options);
    missing.forEach((c, j) => {
      const r = fetched[j];
      if (kept && r && !('failure' in r))
        kept.set(callKey(c.target, c.callData), { target: c.target, callData: c.callData, ...r });
    });
    let j = 0;
    raw.forEach((r, i) => {
      if (r === undefined) raw[i] = fetched[j++];
    });
  }
  return calls.map((c, i) => decodeRaw(c, raw[i]));
}

async function aggregateAll(
  client: ReadClient,
  calls: readonly Call<unknown>[],
  options: MulticallOptions,
): Promise<(RawResult | undefined)[]> {
  const maxBytes = options.maxBytesPerChunk ?? DEFAULT_MAX_BYTES;
  const chunks: (readonly Call<unknown>[])[] = [];
  let current: Call<unknown>[] = [];
  let size = 0;
  for (const c of calls) {
    const bytes = (c.callData.length - 2) / 2 + 64;
    if (current.length > 0 && size + bytes > maxBytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(c);
    size += bytes;
  }
  chunks.push(current);

  const probe = emptyCallProbe(client, options);
  const chunkResults = await Promise.all(chunks.map((chunk) => aggregate(client, chunk, options, probe)));
  // Chunks keep the calls' order; a chunk that answered short leaves its calls without a result.
  return chunks.flatMap((chunk, ci) => chunk.map((_, i) => chunkResults[ci]?.[i]));
}

/**
 * Collects calls from several readers into one multicall, handing each reader a typed accessor
 * for its own result. Readers compose without knowing about each other's calls.
 */
export class Batch {
  private readonly calls: Call<unknown>[] = [];
  private results: Result<unknown>[] | null = null;

  add<T>(c: Call<T>): () => Result<T> {
    const index = this.calls.length;
    this.calls.push(c);
    return () => {
      if (this.results === null) throw new Error('Batch: result read before execute()');
      // The result at `index` was produced by decoding with this very call's decoder.
      return this.results[index] as Result<T>;
    };
  }

  get size(): number {
    return this.calls.length;
  }

  /** The calls added so far (a module hands them to round 1 as plain calls). */
  get pending(): readonly Call<unknown>[] {
    return this.calls;
  }

  async execute(client: ReadClient, options: MulticallOptions): Promise<void> {
    this.results = await multicall(client, this.calls, options);
  }
}

export { errorMessage };

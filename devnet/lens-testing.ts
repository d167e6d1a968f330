import type { Address } from 'viem';
import type { DevnetManifest } from '../lib/chains/manifest';
import { Batch, call, chainMulticall, multicall3Abi } from '../lib/chains/multicall';
import type { Network } from '../lib/chains/network';
import { CHAINS, type ChainId } from '../lib/chains/registry';
import { readChainPortfolio } from '../lib/portfolio/read';
import type { ChainReadContext } from '../lib/portfolio/types';
import { addPriceBookReads } from '../lib/prices/book';
import type { RegisteredModule } from '../lib/protocols/module';
import { type RecordedRequest, type RecordingClient, recordingClient } from './rpc-recorder';

/**
 * For the lens tests (integration only): a recording client that refuses what a real endpoint may refuse
 * (state overrides, calls without `to`), so a module's round 1 can be compared with its reader's own
 * Multicall3 levels at one block, and the helpers every such test needs.
 */

export const hasOverride = (params: unknown) =>
  Array.isArray(params) && params.length > 2 && params[2] !== undefined;
export const noTo = (params: unknown) =>
  Array.isArray(params) && typeof params[0] === 'object' && params[0] !== null && !('to' in params[0]);

export type Refuse = { override?: boolean; deployless?: boolean };

export function refusingClient(
  manifest: DevnetManifest,
  chainId: ChainId,
  refuse: Refuse = {},
  latencyMs = 0,
): RecordingClient {
  return recordingClient(chainId, manifest.chains[`${chainId}`].rpcUrl, {
    latencyMs,
    refuse: (method, params) => {
      if (method !== 'eth_call') return null;
      if (refuse.override && hasOverride(params)) return 'state override is not supported';
      if (refuse.deployless && noTo(params)) return 'toAddressIsNull';
      return null;
    },
  });
}

/** The eth_calls of a read at its own block: all but the past-window ones (pinned below it). */
export function currentCalls(requests: readonly RecordedRequest[], block: bigint): RecordedRequest[] {
  return requests.filter((r) => {
    if (r.method !== 'eth_call' || !Array.isArray(r.params)) return false;
    const tag: unknown = r.params[1];
    return !(typeof tag === 'string' && tag.startsWith('0x') && BigInt(tag) < block);
  });
}

/** One chain read of `owner` with just these modules, at a block or the head. */
export function readWith(
  network: Network,
  chainId: ChainId,
  rc: RecordingClient,
  owner: Address,
  protocols: RegisteredModule[],
  blockNumber?: bigint,
) {
  return readChainPortfolio({
    network,
    chainId,
    client: rc.client,
    owner,
    protocols,
    ...(blockNumber === undefined ? {} : { blockNumber }),
  });
}

/** What a module's reader is handed at `at` (prices from the price book, read level by level). */
export async function readerContext(
  network: Network,
  chainId: ChainId,
  rc: RecordingClient,
  owner: Address,
  at: bigint,
): Promise<ChainReadContext> {
  const deployment = network.chains[chainId];
  const batch = new Batch();
  const ts = batch.add(call(CHAINS[chainId].multicall3, multicall3Abi, 'getCurrentBlockTimestamp'));
  const book = addPriceBookReads(batch, deployment);
  await batch.execute(rc.client, chainMulticall(chainId, at));
  const t = ts();
  if (!t.ok) throw new Error(t.error);
  const { prices } = book(t.value);
  return { chainId, client: rc.client, deployment, owner, blockNumber: at, blockTimestamp: t.value, prices };
}

/**
 * The helpers above bound to one chain and owner, as each module's lens test uses them: a refusing
 * client, a read with chosen modules, the current-block calls of a request log, a reader's context, and
 * a block just below the head to pin reads to (the devnet mines every second).
 */
export function lensTestbed(manifest: DevnetManifest, network: Network, chainId: ChainId, owner: Address) {
  const client = (refuse: Refuse = {}) => refusingClient(manifest, chainId, refuse);
  return {
    client,
    read: (rc: RecordingClient, protocols: RegisteredModule[], blockNumber?: bigint) =>
      readWith(network, chainId, rc, owner, protocols, blockNumber),
    currentCalls: (rc: RecordingClient, block: bigint) => currentCalls(rc.requests, block),
    readContext: (rc: RecordingClient, at: bigint) => readerContext(network, chainId, rc, owner, at),
    pinned: async () => (await client().client.getBlockNumber()) - 1n,
  };
}

import type { Address } from 'viem';
import type { ReadClient } from '../chains/client';
import { Batch, call, chainMulticall, errorMessage, multicall3Abi } from '../chains/multicall';
import type { Network } from '../chains/network';
import { CHAIN_IDS, CHAINS, type ChainId } from '../chains/registry';
import { type RoundOneJob, runRoundOne } from '../chains/round-one';
import { addPriceBookReads } from '../prices/book';
import type { RegisteredModule } from '../protocols/module';
import { learnBlockTimes } from '../protocols/past-window';
import { infoOf, PROTOCOL_MODULES, protocolInfo } from '../protocols/registry';
import { addWalletReads, WALLET_PROTOCOL } from '../protocols/wallet/read';
import { applyReceipts, applyTokenYields } from './enrich';
import { failedChain } from './failed';
import type {
  ChainPortfolio,
  Portfolio,
  Position,
  ProtocolError,
  ProtocolSummary,
  ReceiptToken,
  TokenYield,
} from './types';

export interface ChainReadOptions {
  network: Network;
  chainId: ChainId;
  client: ReadClient;
  owner: Address;
  extraTokens?: readonly Address[];
  /** Contracts the user added for modules to read (vaults, farms), by module id (see `ChainReadContext`). */
  userEntries?: Readonly<Record<string, readonly Address[]>>;
  protocols?: readonly RegisteredModule[];
  /** The wall clock (ms), for the head's age. */
  now?: () => number;
  /** Read at this block instead of the head (`--block`, or re-reading what an export was read at). */
  blockNumber?: bigint;
}

/**
 * Reads everything one address holds on one chain, pinned to one block. Round trips: the block
 * number, then one multicall for wallet balances, token metadata and every price feed, then each
 * protocol's own levels, concurrently. A protocol that fails is reported and the rest is kept.
 */
export async function readChainPortfolio(options: ChainReadOptions): Promise<ChainPortfolio> {
  const { network, chainId, client, owner } = options;
  const deployment = network.chains[chainId];
  const multicall3 = CHAINS[chainId].multicall3;

  // Where the chain's block times are not its usual ones (the devnet's history), for round 2's past blocks.
  learnBlockTimes(client, deployment.blockTimes);
  const batch = new Batch();
  const timestamp = batch.add(call(multicall3, multicall3Abi, 'getCurrentBlockTimestamp'));
  const priceBook = addPriceBookReads(batch, deployment);
  const wallet = addWalletReads(batch, deployment, owner, options.extraTokens);
  const readers = (options.protocols ?? PROTOCOL_MODULES).filter((m) => m.supports(deployment));
  const lensCtx = {
    chainId,
    deployment,
    owner,
    ...(options.userEntries ? { userEntries: options.userEntries } : {}),
  };
  const jobs: RoundOneJob[] = [
    { label: 'balances and prices', calls: batch.pending },
    ...readers.flatMap((r) => r.lens(lensCtx)),
  ];
  // Round 1: the block and everything current in one call; then the readers run on its answers.
  const roundOne = await runRoundOne(client, chainId, jobs, {
    ...(options.blockNumber === undefined ? {} : { blockNumber: options.blockNumber }),
  });
  const blockNumber =
    'blockNumber' in roundOne
      ? roundOne.blockNumber
      : (options.blockNumber ?? (await client.getBlockNumber({ cacheTime: 0 })));
  await batch.execute(client, chainMulticall(chainId, blockNumber));

  const ts = timestamp();
  if (!ts.ok) throw new Error(`Multicall3 unusable at ${multicall3}: ${ts.error}`);
  const blockTimestamp = ts.value;
  // A block the caller pinned is old on purpose: its age says nothing about the node, so it is not judged.
  const headAgeSeconds =
    options.blockNumber === undefined
      ? Math.round((options.now ?? Date.now)() / 1000 - Number(blockTimestamp))
      : null;
  const { prices } = priceBook(blockTimestamp);
  const positions: Position[] = wallet(prices);

  const protocolErrors: ProtocolError[] = [];
  const summaries: ProtocolSummary[] = [];
  const settled = await Promise.allSettled(
    readers.map((r) =>
      r.read({
        chainId,
        client,
        deployment,
        owner,
        blockNumber,
        blockTimestamp,
        prices,
        ...(options.userEntries ? { userEntries: options.userEntries } : {}),
      }),
    ),
  );
  const tokenYields: TokenYield[] = [];
  const receipts: ReceiptToken[] = [];
  settled.forEach((s, i) => {
    const reader = readers[i];
    if (!reader) return;
    if (s.status === 'fulfilled') {
      positions.push(...s.value.positions);
      if (s.value.summary) summaries.push(s.value.summary);
      tokenYields.push(...(s.value.tokenYields ?? []));
      receipts.push(...(s.value.receipts ?? []));
    } else protocolErrors.push({ protocol: reader.id, error: errorMessage(s.reason) });
  });
  applyReceipts(positions, receipts);
  applyTokenYields(positions, tokenYields);

  return {
    chainId,
    blockNumber,
    blockTimestamp,
    error: null,
    errorKind: null,
    headAgeSeconds,
    read: { path: roundOne.path, note: readNote(roundOne) },
    protocols: [protocolInfo(WALLET_PROTOCOL), ...readers.map(infoOf)],
    positions,
    protocolErrors,
    summaries,
  };
}

/** Why round 1 took the path it did, and which lenses failed (their modules were read level by level). */
function readNote(r: Awaited<ReturnType<typeof runRoundOne>>): string | null {
  const failed = 'failed' in r ? r.failed.map((f) => `${f.error}; read by levels`) : [];
  const parts = [r.note, ...failed].filter((x): x is string => x !== null && x !== '');
  return parts.length > 0 ? parts.join('; ') : null;
}

/** Reads every chain concurrently; one chain failing never affects the others. */
export async function readPortfolio(
  network: Network,
  owner: Address,
  clients: Record<ChainId, ReadClient>,
  options: {
    extraTokens?: Partial<Record<ChainId, readonly Address[]>>;
    userEntries?: Partial<Record<ChainId, Readonly<Record<string, readonly Address[]>>>>;
    protocols?: readonly RegisteredModule[];
    now?: () => number;
    /** Pins a chain's read block; the others read at their head. */
    blockNumbers?: Partial<Record<ChainId, bigint>>;
  } = {},
): Promise<Portfolio> {
  const chains = await Promise.all(
    CHAIN_IDS.map((chainId) =>
      readChainPortfolio({
        network,
        chainId,
        client: clients[chainId],
        owner,
        ...(options.extraTokens?.[chainId] ? { extraTokens: options.extraTokens[chainId] } : {}),
        ...(options.userEntries?.[chainId] ? { userEntries: options.userEntries[chainId] } : {}),
        ...(options.protocols ? { protocols: options.protocols } : {}),
        ...(options.now ? { now: options.now } : {}),
        ...(options.blockNumbers?.[chainId] !== undefined
          ? { blockNumber: options.blockNumbers[chainId] }
          : {}),
      }).catch((error: unknown) => failedChain(chainId, error)),
    ),
  );
  return { address: owner, network: network.name, chains };
}

import { type Address, type Chain, defineChain } from 'viem';

/**
 * The one chain registry. Every per-chain fact and quirk the app relies on lives here:
 * ids, names, Multicall3 (zkSync Era's differs), default public RPC, explorer, fee model,
 * and how each chain's `block.number` behaves.
 */
export const CHAIN_IDS = [10, 42161, 324] as const;
export type ChainId = (typeof CHAIN_IDS)[number];

export type FeeModel = 'op-stack' | 'arbitrum' | 'zksync';

/** How a chain prices transactions, beyond its fee model (lib/fees reads these). */
export interface ChainFeeSpec {
  /**
   * The sequencer ignores priority fees: every transaction pays the base fee. Arbitrum: "tips are
   * ignored" (nitro docs/arbos/gas.md, "Tips in L2"); zkSync Era: `zks_estimateFee` answers
   * `max_priority_fee_per_gas: 0` and the operator charges the base fee.
   */
  priorityFeeIgnored: boolean;
  /**
   * `eth_estimateGas` already includes the L1 data component, in L2 gas units (Arbitrum: "the value
   * returned from eth_estimateGas multiplied by the L2 gas price tells you how much total Ether is
   * required", nitro docs/arbos/gas.md; zkSync Era: pubdata is charged as gas).
   */
  estimateIncludesL1: boolean;
  /** Blocks of `eth_feeHistory` the fee chart asks for (geth-style nodes cap this at 1024). */
  historyBlocks: number;
}

export interface ChainSpec {
  id: ChainId;
  /** Stable slug used in URLs, settings keys and CLI output. */
  key: 'optimism' | 'arbitrum' | 'zksync';
  name: string;
  shortName: string;
  /** Multicall3 address (zkSync Era's is not the canonical 0xcA11… one). */
  multicall3: Address;
  /** The first of `rpcUrls`. */
  defaultRpcUrl: string;
  /**
   * Public RPC endpoints, tried in this order (a failing one is skipped to the next); each must prove its
   * chain id before its answers are used, so a wrong entry here is refused, never believed.
   */
  rpcUrls: readonly string[];
  /**
   * A head block older than this (seconds, against the wall clock) means the node lags: its figures are
   * shown, flagged, and left out of totals. About 30 blocks on OP (2 s), far more on Arbitrum (0.25 s)
   * and two minutes on zkSync Era (its blocks come every second, but its head can pause between batches).
   */
  maxHeadAgeSeconds: number;
  explorerUrl: string;
  feeModel: FeeModel;
  /**
   * On Arbitrum, `block.number` inside the EVM is an L1 block number, so Multicall3's
   * `getBlockNumber()` cannot stand for the L2 block: the block a read is pinned to always
   * comes from `eth_blockNumber` instead.
   */
  evmBlockNumberIsL1: boolean;
  /**
   * Where a contract learns the chain's own block number when `block.number` is L1's: Arbitrum's ArbSys
   * precompile, `arbBlockNumber()` (OffchainLabs/nitro-contracts `src/precompiles/ArbSys.sol`). Null where
   * `block.number` is the chain's own.
   */
  l2BlockNumberSource: `0x${string}` | null;
  /**
   * Typical time between blocks, ms: where past blocks are first looked for (a window's start block is
   * estimated from it, then measured from headers) and the fee chart's spacing.
   */
  blockTimeMs: number;
  /** Calldata bytes per Multicall3 `aggregate3` call before a batch is split into concurrent chunks. */
  multicallMaxBytes: number;
  /** Brand colour used for the chain's badge and chart line. */
  color: string;
  fees: ChainFeeSpec;
}

export const CHAINS = {
  10: {
    id: 10,
    key: 'optimism',
    name: 'OP Mainnet',
    shortName: 'Optimism',
    multicall3: '0xcA11bde05977b3631167028862bE2a173976CA11',
    defaultRpcUrl: 'https://mainnet.optimism.io',
    rpcUrls: ['https://mainnet.optimism.io', 'https://optimism.drpc.org'],
    maxHeadAgeSeconds: 60,
    explorerUrl: 'https://optimistic.etherscan.io',
    feeModel: 'op-stack',
    evmBlockNumberIsL1: false,
    l2BlockNumberSource: null,
    color: '#ff0420',
    blockTimeMs: 2000,
    multicallMaxBytes: 48_000,
    fees: { priorityFeeIgnored: false, estimateIncludesL1: false, historyBlocks: 300 },
  },
  42161: {
    id: 42161,
    key: 'arbitrum',
    name: 'Arbitrum One',
    shortName: 'Arbitrum',
    multicall3: '0xcA11bde05977b3631167028862bE2a173976CA11',
    defaultRpcUrl: 'https://arb1.arbitrum.io/rpc',
    rpcUrls: ['https://arb1.arbitrum.io/rpc', 'https://arbitrum.drpc.org'],
    maxHeadAgeSeconds: 60,
    explorerUrl: 'https://arbiscan.io',
    feeModel: 'arbitrum',
    evmBlockNumberIsL1: true,
    l2BlockNumberSource: '0x0000000000000000000000000000000000000064',
    color: '#28a0f0',
    blockTimeMs: 250,
    multicallMaxBytes: 48_000,
    fees: { priorityFeeIgnored: true, estimateIncludesL1: true, historyBlocks: 1024 },
  },
  324: {
    id: 324,
    key: 'zksync',
    name: 'zkSync Era',
    shortName: 'zkSync',
    multicall3: '0xF9cda624FBC7e059355ce98a31693d299FACd963',
    defaultRpcUrl: 'https://mainnet.era.zksync.io',
    rpcUrls: ['https://mainnet.era.zksync.io', 'https://zksync.drpc.org'],
    maxHeadAgeSeconds: 120,
    explorerUrl: 'https://explorer.zksync.io',
    feeModel: 'zksync',
    evmBlockNumberIsL1: false,
    l2BlockNumberSource: null,
    color: '#8c8dfc',
    blockTimeMs: 1000,
    multicallMaxBytes: 48_000,
    fees: { priorityFeeIgnored: true, estimateIncludesL1: true, historyBlocks: 600 },
  },
} as const satisfies Record<ChainId, ChainSpec>;

export function isChainId(value: unknown): value is ChainId {
  return typeof value === 'number' && (CHAIN_IDS as readonly number[]).includes(value);
}

export function chainSpec(chainId: ChainId): ChainSpec {
  return CHAINS[chainId];
}

const ETHER = { name: 'Ether', symbol: 'ETH', decimals: 18 } as const;

/**
 * The viem chain object for a chain (defined here rather than imported from viem/chains: viem's
 * zkSync definition pulls its transaction formatters and serializers into the bundle, and reads need none). Deliberately plain: no chain formatters (zkSync's receipt
 * formatter crashes on a devnet's receipts, and reads never need them) and Multicall3 without
 * `blockCreated` (a devnet's blocks are far below the mainnet deployment block).
 */
export function readChain(chainId: ChainId, rpcUrl: string = CHAINS[chainId].defaultRpcUrl): Chain {
  const spec = CHAINS[chainId];
  return defineChain({
    id: spec.id,
    name: spec.name,
    nativeCurrency: ETHER,
    rpcUrls: { default: { http: [rpcUrl] } },
    blockExplorers: { default: { name: 'Explorer', url: spec.explorerUrl } },
    contracts: { multicall3: { address: spec.multicall3 } },
  });
}

export function explorerAddressUrl(chainId: ChainId, address: Address): string {
  return `${CHAINS[chainId].explorerUrl}/address/${address}`;
}

/**
 * Most JSON-RPC items one HTTP request to an endpoint may carry (`../shared/reference/rpc-facts.md` §2c):
 * OP's public RPC takes 10 per batch, dRPC's free tier 3; an endpoint not listed gets 10, the smallest
 * limit documented for a public endpoint that batches at all beyond dRPC's.
 */
export const RPC_BATCH_LIMITS: readonly { host: RegExp; maxItems: number }[] = [
  { host: /(^|\.)drpc\.org$/, maxItems: 3 },
  { host: /^mainnet\.optimism\.io$/, maxItems: 10 },
];
export const DEFAULT_RPC_BATCH_ITEMS = 10;

/** The batch limit of one RPC URL (by host; an unparsable URL gets the default). */
export function rpcBatchLimit(url: string): number {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return DEFAULT_RPC_BATCH_ITEMS;
  }
  return RPC_BATCH_LIMITS.find((l) => l.host.test(host))?.maxItems ?? DEFAULT_RPC_BATCH_ITEMS;
}

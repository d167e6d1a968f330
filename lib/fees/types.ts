import type { Address, Hex } from 'viem';
import type { ReadClient } from '../chains/client';
import type { Batch, Call } from '../chains/multicall';
import type { ChainDeployment, DeploymentSpec } from '../chains/network';
import type { ChainId, FeeModel } from '../chains/registry';
import type { PriceReading } from '../prices/types';

/**
 * An action every chain is quoted for: the two transfers (`lib/fees/actions.ts`) and one per protocol
 * module that declares a fee action (`lib/fees/catalog.ts`), e.g. `uniswap-v3-swap`, `aave-supply`.
 */
export type FeeActionId = string;

export interface FeeActionSpec {
  id: FeeActionId;
  label: string;
  description: string;
  /**
   * Gas units assumed when estimation is impossible, for chains whose gas is EVM-equivalent (OP Stack,
   * Arbitrum's L2 part). These are stated assumptions, not measurements: an ETH transfer is the
   * protocol's fixed 21,000; the others are round figures in the range such calls use on Ethereum.
   * zkSync Era's gas (pubdata inside, different opcode prices) has no such figure: there the action
   * is shown as unavailable instead.
   */
  typicalGas: bigint;
  typicalBasis: string;
}

/** What a protocol's fee action is handed to build its example transaction on one chain. */
export interface FeeActionContext {
  chainId: ChainId;
  sender: Address;
  blockTimestamp: bigint;
  /** The USDC the quotes spend (the sender is given a balance and approvals by state override). */
  usdc: Address;
  usdcAmount: bigint;
  weth: Address | null;
}

export type ProtocolFeePlan =
  | { kind: 'unavailable'; reason: string }
  | {
      kind: 'planned';
      /** The contract the transaction is sent to (it is also approved to spend the sender's USDC). */
      target: Address;
      /** Alternatives tried in order; the first whose estimate succeeds is quoted. */
      candidates: { data: Hex; variant: string | null }[];
      /** A read that proves the target answers; an estimate against a silent address is void. */
      probe: Call<unknown>;
      /** Set when the target is known to be absent: priced from its calldata, gas from `typicalGas`. */
      skipEstimate: string | null;
    };

/**
 * A protocol's example transaction for `/fees`, declared in the protocol's folder (`fee.ts`) over its own
 * deployment table, and registered with one line in `lib/fees/catalog.ts`.
 */
export interface ProtocolFeeAction<D> {
  spec: FeeActionSpec;
  deployment: DeploymentSpec<D>;
  plan: (ctx: FeeActionContext, deployment: D | null) => ProtocolFeePlan;
}

/** The transaction a quote prices: what a wallet would send for the action. */
export interface QuotedTx {
  to: Address;
  data: Hex;
  value: bigint;
}

/**
 * Where an action's gas units come from: `estimated` is `eth_estimateGas` of the real transaction at the
 * quote's block; `typical` is a stated figure used because estimation was impossible (`reason` says why).
 */
export type GasSource = { kind: 'estimated' } | { kind: 'typical'; reason: string };

/**
 * One part of a fee. `ok`: exact figure from the chain's own mechanism. `upper-bound`: the oracle's
 * upper bound, where that is all there is. `included`: the chain charges it inside the execution gas and
 * does not separate it. `unavailable`: could not be read (`note` says why), never shown as zero.
 */
export type FeePartStatus = 'ok' | 'upper-bound' | 'included' | 'unavailable';

export interface FeePart {
  /** Wei; null unless the status is `ok` or `upper-bound`. */
  wei: bigint | null;
  status: FeePartStatus;
  note: string | null;
}

/** Figures of the fee model behind one action's L1 part, for display. */
export type ActionL1Detail =
  | {
      type: 'op-stack';
      /** Size of the unsigned serialised transaction priced by `getL1Fee`. */
      unsignedTxBytes: number;
      /** Fjord's estimate of the transaction's compressed size on L1, in bytes (null before Fjord). */
      estimatedL1Bytes: number | null;
    }
  | {
      type: 'arbitrum';
      /** NodeInterface's L1 component expressed in L2 gas (null when the call failed). */
      l1GasUnits: bigint | null;
    }
  | { type: 'zksync' };

export interface ActionQuote {
  action: FeeActionId;
  /** What was priced (null when no transaction could be built on this chain, see `error`). */
  tx: QuotedTx | null;
  /** A variant chosen among candidates (e.g. the Uniswap pool fee tier that answered). */
  variant: string | null;
  /**
   * Execution gas units: on Arbitrum without the L1 component (which nitro's estimate includes); on
   * zkSync Era including pubdata (which cannot be separated). Null when unknown.
   */
  gas: bigint | null;
  gasSource: GasSource | null;
  /** L2 execution: gas × the effective gas price. */
  execution: FeePart;
  l1Data: FeePart;
  l1Detail: ActionL1Detail | null;
  /** OP Stack operator fee (Isthmus+); zero when the oracle has none; null on other fee models. */
  operator: FeePart | null;
  /** Sum of the parts; null when any part is unavailable. */
  totalWei: bigint | null;
  /** `totalWei` at the chain's ETH/USD feed; null when the price is unusable or the total unknown. */
  totalUsdE18: bigint | null;
  /** Why the action could not be quoted at all on this chain. */
  error: string | null;
}

export interface GasPriceQuote {
  /** Base fee of the quote's block. */
  baseFee: bigint;
  /** The tip a transaction would add (0 where the sequencer ignores tips, see `note`). */
  priorityFee: bigint;
  /** What one unit of gas costs: base + priority (base alone where tips are ignored). */
  effective: bigint;
  note: string | null;
}

export interface OpStackFeeInfo {
  type: 'op-stack';
  /** Fork flags from the GasPriceOracle; null where this oracle version has no such flag. */
  forks: { ecotone: boolean | null; fjord: boolean | null; isthmus: boolean | null; jovian: boolean | null };
  l1BaseFee: bigint | null;
  blobBaseFee: bigint | null;
  baseFeeScalar: bigint | null;
  blobBaseFeeScalar: bigint | null;
}

export interface ArbitrumFeeInfo {
  type: 'arbitrum';
  /** ArbGasInfo.getL1BaseFeeEstimate: wei per L1 calldata unit. */
  l1PricePerUnit: bigint | null;
  /** ArbGasInfo.getPricesInWei: wei per L1 calldata byte. */
  perL1CalldataByte: bigint | null;
  minimumGasPrice: bigint | null;
  /** False on a node that is not nitro (the devnet stand-in): its estimates carry no L1 component. */
  estimateIncludesL1: boolean;
}

export interface ZkSyncFeeInfo {
  type: 'zksync';
  /** `zks_gasPerPubdata` as the node reports it (gas per pubdata byte); null when it does not offer it. */
  gasPerPubdata: bigint | null;
  gasPerPubdataNote: string | null;
}

export type FeeModelInfo = OpStackFeeInfo | ArbitrumFeeInfo | ZkSyncFeeInfo;

/** Everything a chain's fee quote says, pinned to one block. */
export interface ChainFeeQuote {
  chainId: ChainId;
  feeModel: FeeModel;
  blockNumber: bigint;
  blockTimestamp: bigint;
  gasPrice: GasPriceQuote;
  ethUsd: PriceReading;
  model: FeeModelInfo;
  actions: ActionQuote[];
  /** Things about this chain's quote that a reader should know (devnet stand-ins, a missing tip, …). */
  warnings: string[];
}

export type ChainFeeResult =
  | { chainId: ChainId; ok: true; quote: ChainFeeQuote }
  | { chainId: ChainId; ok: false; error: string };

// ---- The contract between the quote orchestration (quote.ts) and each fee model's file ----

/** One transaction that could price an action (an action may have several, e.g. one per pool tier). */
export interface CandidateTx {
  action: FeeActionId;
  tx: QuotedTx;
  variant: string | null;
}

/** The transaction chosen for an action, with its gas. */
export interface PricedAction {
  action: FeeActionId;
  candidate: CandidateTx;
  gas: bigint;
  gasSource: GasSource;
}

export interface ModelStartContext {
  chainId: ChainId;
  client: ReadClient;
  deployment: ChainDeployment;
  blockNumber: bigint;
  sender: Address;
}

export interface ModelFinishContext {
  priced: readonly PricedAction[];
  gasPrice: GasPriceQuote;
  /** maxFeePerGas a wallet would sign (OP Stack serialises it into the priced transaction). */
  maxFeePerGas: bigint;
  nonce: number;
}

export interface ModelActionParts {
  l1Data: FeePart;
  l1Detail: ActionL1Detail;
  operator: FeePart | null;
  /** The execution gas when the model splits the estimate differently (Arbitrum removes the L1 part). */
  executionGas?: bigint;
  /** Said next to the execution figure (e.g. that it holds a part that could not be separated). */
  executionNote?: string;
}

export interface ModelQuote {
  info: FeeModelInfo;
  parts: Map<FeeActionId, ModelActionParts>;
  warnings: string[];
}

/**
 * A fee model's reads. `start` runs in the quote's second round: it adds reads to the shared batch and
 * starts any direct calls; the returned `finish` runs after that round (and may take one more).
 */
export interface FeeModelQuoter {
  start: (
    ctx: ModelStartContext,
    batch: Batch,
    candidates: readonly CandidateTx[],
  ) => (finish: ModelFinishContext) => Promise<ModelQuote>;
}

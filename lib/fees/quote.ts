import type { Address } from 'viem';
import type { ReadClient } from '../chains/client';
import { Batch, chainMulticall, errorMessage, type Result } from '../chains/multicall';
import type { Network } from '../chains/network';
import { CHAIN_IDS, CHAINS, type ChainId, type FeeModel } from '../chains/registry';
import { usdValue } from '../portfolio/value';
import { addFeedReads, addSequencerRead, evaluatePrice } from '../prices/chainlink';
import { noFeedReading } from '../prices/reading';
import type { PriceReading } from '../prices/types';
import { planActions, QUOTE_SENDER, typicalGasApplies } from './actions';
import { arbitrumQuoter } from './arbitrum';
import { FEE_ACTIONS, feeActionSpec } from './catalog';
import { opStackQuoter } from './op-stack';
import type {
  ActionQuote,
  ChainFeeQuote,
  ChainFeeResult,
  FeeActionId,
  FeeModelQuoter,
  FeePart,
  GasPriceQuote,
  PricedAction,
} from './types';
import { zkSyncQuoter } from './zksync';

export const FEE_MODEL_QUOTERS: Record<FeeModel, FeeModelQuoter> = {
  'op-stack': opStackQuoter,
  arbitrum: arbitrumQuoter,
  zksync: zkSyncQuoter,
};

export interface QuoteOptions {
  network: Network;
  chainId: ChainId;
  client: ReadClient;
  /**
   * Quote for this sender instead of the synthetic one (its nonce is read and used in the priced
   * transaction). The state override still gives it funds and approvals for the estimates.
   */
  sender?: Address;
}

/** The maxFeePerGas a wallet would sign: twice the base fee plus the tip (priced into OP Stack's L1 fee). */
export function walletMaxFee(baseFee: bigint, priorityFee: bigint): bigint {
  return baseFee * 2n + priorityFee;
}

async function settle<T>(promise: Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}

function sum(parts: readonly (FeePart | null)[]): bigint | null {
  let total = 0n;
  for (const p of parts) {
    if (p === null || p.status === 'included') continue;
    if (p.wei === null) return null;
    total += p.wei;
  }
  return total;
}

/**
 * What each action costs on one chain right now, from the chain's own fee mechanism, pinned to the
 * latest block. Round trips: (1) the latest block; (2) concurrently: one multicall (ETH/USD feed,
 * sequencer feed, the fee model's oracle reads, probes of the target contracts), `eth_estimateGas` of
 * every candidate transaction, the suggested tip where tips count, and the fee model's direct calls
 * (Arbitrum's NodeInterface); (3) OP Stack only: one multicall pricing each action's serialised
 * transaction with the GasPriceOracle.
 */
export async function quoteChainFees(options: QuoteOptions): Promise<ChainFeeQuote> {
  const { network, chainId, client } = options;
  const spec = CHAINS[chainId];
  const deployment = network.chains[chainId];
  const sender = options.sender ?? QUOTE_SENDER;

  const block = await client.getBlock({ blockTag: 'latest' });
  const baseFee = block.baseFeePerGas;
  if (baseFee === null) throw new Error(`block ${block.number} has no base fee`);
  const blockNumber = block.number;
  const blockTimestamp = block.timestamp;

  const plan = planActions({ chainId, deployment, sender, blockTimestamp });

  // Round two.
  const batch = new Batch();
  const native = deployment.nativePrice;
  const feedReads = native ? native.feeds.map((f) => addFeedReads(batch, f.address)) : [];
  const sequencerRead = deployment.sequencerFeed ? addSequencerRead(batch, deployment.sequencerFeed) : null;
  const probes = plan.addProbes(batch);
  const finishModel = FEE_MODEL_QUOTERS[spec.feeModel].start(
    { chainId, client, deployment, blockNumber, sender },
    batch,
    plan.candidates,
  );
  const estimates = plan.candidates.map((c) =>
    plan.skipEstimate.has(c.action)
      ? null
      : settle(
          client.estimateGas({
            account: sender,
            to: c.tx.to,
            data: c.tx.data,
            value: c.tx.value,
            blockNumber,
            stateOverride: plan.stateOverride,
          }),
        ),
  );
  // Tips count only where the sequencer honours them.
  const priority = spec.fees.priorityFeeIgnored
    ? null
    : settle(client.request({ method: 'eth_maxPriorityFeePerGas' }).then((hex) => BigInt(hex)));
  const nonce = options.sender ? settle(client.getTransactionCount({ address: sender, blockNumber })) : null;
  const [estimateResults, priorityResult, nonceResult] = await Promise.all([
    Promise.all(estimates),
    priority,
    nonce,
    batch.execute(client, chainMulticall(chainId, blockNumber)),
  ]);

  const warnings: string[] = [];
  const ethUsd: PriceReading = native
    ? evaluatePrice(
        native,
        feedReads.map((r) => r()),
        blockTimestamp,
        sequencerRead ? sequencerRead(blockTimestamp) : { state: 'up' },
      )
    : noFeedReading('ETH/USD');

  let priorityFee = 0n;
  let priorityNote: string | null = null;
  if (priorityResult === null)
    priorityNote = 'the sequencer ignores priority fees: every transaction pays the base fee';
  else if (priorityResult.ok) priorityFee = priorityResult.value;
  else {
    priorityNote = `no tip suggestion from the RPC (${priorityResult.error}): quoted without a tip`;
    warnings.push(priorityNote);
  }
  const gasPrice: GasPriceQuote = {
    baseFee,
    priorityFee,
    effective: baseFee + priorityFee,
    note: priorityNote,
  };
  if (nonceResult && !nonceResult.ok)
    warnings.push(`sender nonce unreadable (${nonceResult.error}): priced with 0`);

  // Per action: the first candidate whose estimate succeeded against a contract that answers.
  const priced: PricedAction[] = [];
  const failures = new Map<FeeActionId, string>();
  for (const action of FEE_ACTIONS) {
    if (plan.unavailable.has(action)) continue;
    const probe = probes.get(action)?.();
    const indexes = plan.candidates.flatMap((c, i) => (c.action === action ? [i] : []));
    let chosen: PricedAction | null = null;
    let reason = plan.skipEstimate.get(action) ?? null;
    if (reason === null && probe && !probe.ok) reason = `the target contract did not answer (${probe.error})`;
    if (reason === null) {
      for (const i of indexes) {
        const candidate = plan.candidates[i];
        const estimate = estimateResults[i];
        if (!candidate || !estimate) continue;
        if (estimate.ok) {
          chosen = { action, candidate, gas: estimate.value, gasSource: { kind: 'estimated' } };
          break;
        }
        reason ??= `estimate failed: ${estimate.error}`;
      }
    }
    const first = indexes[0] === undefined ? undefined : plan.candidates[indexes[0]];
    if (!chosen && first) {
      if (typicalGasApplies(spec.feeModel)) {
        const typical = feeActionSpec(action);
        chosen = {
          action,
          candidate: first,
          gas: typical.typicalGas,
          gasSource: {
            kind: 'typical',
            reason: `${typical.typicalBasis}; not estimated: ${reason ?? 'unknown'}`,
          },
        };
      } else failures.set(action, `${reason ?? 'not estimated'}; no typical figure on this fee model`);
    }
    if (chosen) priced.push(chosen);
  }

  const model = await finishModel({
    priced,
    gasPrice,
    maxFeePerGas: walletMaxFee(baseFee, gasPrice.priorityFee),
    nonce: nonceResult?.ok ? nonceResult.value : 0,
  });
  warnings.push(...model.warnings);

  const actions: ActionQuote[] = FEE_ACTIONS.map((action) => {
    const p = priced.find((x) => x.action === action);
    const parts = model.parts.get(action);
    const error = plan.unavailable.get(action) ?? failures.get(action) ?? null;
    if (!p || !parts) {
      const reason = error ?? 'not quoted';
      const none: FeePart = { wei: null, status: 'unavailable', note: reason };
      return {
        action,
        tx: null,
        variant: null,
        gas: null,
        gasSource: null,
        execution: none,
        l1Data: none,
        l1Detail: null,
        operator: null,
        totalWei: null,
        totalUsdE18: null,
        error: reason,
      };
    }
    const gas = parts.executionGas ?? p.gas;
    const execution: FeePart = {
      wei: gas * gasPrice.effective,
      status: 'ok',
      note: parts.executionNote ?? null,
    };
    const totalWei = sum([execution, parts.l1Data, parts.operator]);
    return {
      action,
      tx: p.candidate.tx,
      variant: p.candidate.variant,
      gas,
      gasSource: p.gasSource,
      execution,
      l1Data: parts.l1Data,
      l1Detail: parts.l1Detail,
      operator: parts.operator,
      totalWei,
      totalUsdE18: totalWei !== null && ethUsd.usdE18 !== null ? usdValue(totalWei, 18, ethUsd.usdE18) : null,
      error: null,
    };
  });

  return {
    chainId,
    feeModel: spec.feeModel,
    blockNumber,
    blockTimestamp,
    gasPrice,
    ethUsd,
    model: model.info,
    actions,
    warnings,
  };
}

/** Quotes every chain concurrently; a chain that fails says why and the others are unaffected. */
export async function quoteAllChains(
  network: Network,
  clients: Record<ChainId, ReadClient>,
): Promise<ChainFeeResult[]> {
  return Promise.all(
    CHAIN_IDS.map((chainId) =>
      quoteChainFees({ network, chainId, client: clients[chainId] }).then(
        (quote): ChainFeeResult => ({ chainId, ok: true, quote }),
        (error: unknown): ChainFeeResult => ({ chainId, ok: false, error: errorMessage(error) }),
      ),
    ),
  );
}

/** A total built only from figures the chain itself gave: estimated gas, and no part an upper bound. */
function comparable(a: ActionQuote): boolean {
  const parts = [a.execution, a.l1Data, ...(a.operator ? [a.operator] : [])];
  return (
    a.gasSource?.kind === 'estimated' && parts.every((p) => p.status === 'ok' || p.status === 'included')
  );
}

/**
 * The chain(s) where each action costs least, in wei (every chain here pays gas in ETH, so wei compare
 * without a price). Only exact totals take part (estimated gas, no upper bound, no typical figure): a
 * "cheapest" mark never rests on an assumption. Ties are all marked.
 */
export function cheapestByAction(results: readonly ChainFeeResult[]): Record<FeeActionId, ChainId[]> {
  const out = {} as Record<FeeActionId, ChainId[]>;
  for (const action of FEE_ACTIONS) {
    let best: bigint | null = null;
    let chains: ChainId[] = [];
    for (const r of results) {
      if (!r.ok) continue;
      const quote = r.quote.actions.find((a) => a.action === action);
      const total = quote && comparable(quote) ? quote.totalWei : null;
      if (total === null) continue;
      if (best === null || total < best) {
        best = total;
        chains = [r.chainId];
      } else if (total === best) chains.push(r.chainId);
    }
    out[action] = chains;
  }
  return out;
}

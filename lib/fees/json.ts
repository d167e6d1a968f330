import { formatEther } from 'viem';
import type { NetworkName } from '../chains/network';
import { CHAINS, type ChainId } from '../chains/registry';
import { jsonSafe, usdNumber } from '../portfolio/json';
import { feeActionSpec } from './catalog';
import type { ActionQuote, ChainFeeResult, FeeActionId } from './types';

const wei = (v: bigint | null) => (v === null ? null : v.toString());

function actionJson(a: ActionQuote, cheapest: boolean) {
  return {
    action: a.action,
    label: feeActionSpec(a.action).label,
    variant: a.variant,
    to: a.tx?.to ?? null,
    gas: wei(a.gas),
    gasSource: a.gasSource?.kind ?? null,
    gasNote: a.gasSource?.kind === 'typical' ? a.gasSource.reason : null,
    executionWei: wei(a.execution.wei),
    executionNote: a.execution.note,
    l1DataWei: wei(a.l1Data.wei),
    l1DataStatus: a.l1Data.status,
    l1DataNote: a.l1Data.note,
    l1Detail: a.l1Detail === null ? null : jsonSafe(a.l1Detail),
    operatorFeeWei: a.operator === null ? null : wei(a.operator.wei),
    operatorFeeNote: a.operator?.note ?? null,
    totalWei: wei(a.totalWei),
    totalEth: a.totalWei === null ? null : formatEther(a.totalWei),
    totalUsd: a.totalUsdE18 === null ? null : usdNumber(a.totalUsdE18),
    cheapest,
    error: a.error,
  };
}

function chainJson(r: ChainFeeResult, cheapest: Record<FeeActionId, ChainId[]>) {
  const spec = CHAINS[r.chainId];
  const head = { chainId: r.chainId, name: spec.name, feeModel: spec.feeModel };
  if (!r.ok) return { ...head, ok: false as const, error: r.error };
  const q = r.quote;
  return {
    ...head,
    ok: true as const,
    blockNumber: q.blockNumber.toString(),
    blockTimestamp: q.blockTimestamp.toString(),
    gasPrice: {
      baseFeeWei: q.gasPrice.baseFee.toString(),
      priorityFeeWei: q.gasPrice.priorityFee.toString(),
      effectiveWei: q.gasPrice.effective.toString(),
      note: q.gasPrice.note,
    },
    ethUsd: {
      usd: q.ethUsd.usdE18 === null ? null : usdNumber(q.ethUsd.usdE18),
      status: q.ethUsd.status,
      source: q.ethUsd.label,
      reason: q.ethUsd.reason,
    },
    model: jsonSafe(q.model),
    warnings: q.warnings,
    actions: q.actions.map((a) => actionJson(a, (cheapest[a.action] ?? []).includes(r.chainId))),
  };
}

/**
 * The `--json` shape of `npm run fees`. Stable: fields are only ever added. Wei and gas amounts are
 * decimal strings (bigints), USD amounts JSON numbers (display only), null where unknown.
 *
 * ```
 * {
 *   network: "devnet" | "mainnet",
 *   cheapest: { "eth-transfer" | "usdc-transfer" | "uniswap-v3-swap" | "aave-supply": chainId[] },
 *   chains: [
 *     { chainId, name, feeModel, ok: false, error }
 *   | { chainId, name, feeModel, ok: true,
 *       blockNumber, blockTimestamp,                      // every figure below was read at this block
 *       gasPrice: { baseFeeWei, priorityFeeWei, effectiveWei, note },
 *       ethUsd: { usd, status: "ok"|"stale"|…, source, reason },
 *       model: { type: "op-stack", forks, l1BaseFee, blobBaseFee, baseFeeScalar, blobBaseFeeScalar }
 *            | { type: "arbitrum", l1PricePerUnit, perL1CalldataByte, minimumGasPrice, estimateIncludesL1 }
 *            | { type: "zksync", gasPerPubdata, gasPerPubdataNote },
 *       warnings: string[],
 *       actions: [{ action, label, variant, to,
 *                   gas, gasSource: "estimated"|"typical"|null, gasNote,
 *                   executionWei, executionNote,
 *                   l1DataWei, l1DataStatus: "ok"|"upper-bound"|"included"|"unavailable", l1DataNote, l1Detail,
 *                   operatorFeeWei, operatorFeeNote,                    // OP Stack only, else null
 *                   totalWei, totalEth, totalUsd, cheapest, error }] }
 *   ]
 * }
 * ```
 */
export function feesJson(
  network: NetworkName,
  results: readonly ChainFeeResult[],
  cheapest: Record<FeeActionId, ChainId[]>,
) {
  return {
    network,
    cheapest,
    chains: results.map((r) => chainJson(r, cheapest)),
  };
}

export type FeesJson = ReturnType<typeof feesJson>;

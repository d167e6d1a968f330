import { formatUnits } from 'viem';
import type { ChainId } from '../chains/registry';
import { protocolInfo } from '../protocols/registry';
import { DISPLAY_GROUP_ORDER, type DisplayGroup, kindGroup } from './kinds';
import type { ChainPortfolio, Position, ProtocolSummary } from './types';
import { positionValue, sumValues, type ValueSummary } from './value';
import { yearlyIncome } from './yield';

/**
 * Selectors: every total, grouping and freshness rule the page and the CLI share. Components and
 * scripts call these and compute nothing of their own.
 */

/** A chain's query as the page holds it: the last data, and whether the last attempt failed. */
export interface ChainQueryState {
  data: ChainPortfolio | null | undefined;
  error: Error | null;
}

/**
 * The chain's figures if they are current, else null. A failed refresh leaves the last good read in
 * `data`: it must never pass for current, so it yields nothing here.
 */
export function currentChain(state: ChainQueryState): ChainPortfolio | null {
  if (state.error || !state.data || state.data.error !== null) return null;
  return state.data;
}

/** Why a chain has no current figures, or null when it has them (or is still loading). */
export function chainFailure(state: ChainQueryState): string | null {
  return state.error?.message ?? state.data?.error ?? null;
}

/** Positions that count in totals: receipt tokens counted by the position they stand for are left out. */
export function countedPositions(positions: readonly Position[]): Position[] {
  return positions.filter((p) => p.countedIn === undefined);
}

export function chainTotal(chain: ChainPortfolio): ValueSummary {
  return sumValues(countedPositions(chain.positions).map(positionValue));
}

export interface PortfolioTotals {
  total: ValueSummary;
  byChain: { chainId: ChainId; value: ValueSummary }[];
  /** Chains with no current figures (failed, or not loaded yet), not in `total`. */
  missingChains: ChainId[];
  /** Chains whose total lacks a protocol that failed there. */
  incompleteChains: { chainId: ChainId; protocols: string[] }[];
}

/** Totals over the chains that have current figures; the rest are named, never summed as zero. */
export function portfolioTotals(
  chains: readonly { chainId: ChainId; chain: ChainPortfolio | null }[],
): PortfolioTotals {
  const byChain: PortfolioTotals['byChain'] = [];
  const missingChains: ChainId[] = [];
  const incompleteChains: PortfolioTotals['incompleteChains'] = [];
  for (const { chainId, chain } of chains) {
    if (!chain) {
      missingChains.push(chainId);
      continue;
    }
    byChain.push({ chainId, value: chainTotal(chain) });
    if (chain.protocolErrors.length > 0)
      incompleteChains.push({ chainId, protocols: chain.protocolErrors.map((e) => e.protocol) });
  }
  return { total: sumValues(byChain.map((c) => c.value)), byChain, missingChains, incompleteChains };
}

export interface ProtocolGroup {
  protocol: string;
  name: string;
  positions: Position[];
  summary: ProtocolSummary | undefined;
}

export interface DisplayGroupView {
  group: DisplayGroup;
  protocols: ProtocolGroup[];
}

/**
 * A chain's positions by display group (the kinds' groups, in their order), then by protocol (in the
 * modules' order). A protocol that reported a summary without positions (an Aave account whose
 * balances could not be read) still appears, in the group of its summary's protocol's first kind.
 */
export function groupChain(chain: ChainPortfolio): DisplayGroupView[] {
  const byProtocol = new Map<string, { positions: Position[]; group: DisplayGroup | null }>();
  for (const p of chain.positions) {
    const entry = byProtocol.get(p.protocol) ?? { positions: [], group: null };
    entry.positions.push(p);
    // A protocol sits in the group of its first (most important) position's kind.
    entry.group ??= kindGroup(p.kind);
    byProtocol.set(p.protocol, entry);
  }
  for (const s of chain.summaries)
    if (!byProtocol.has(s.type)) byProtocol.set(s.type, { positions: [], group: null });
  const groups = new Map<DisplayGroup, ProtocolGroup[]>();
  for (const [protocol, { positions, group }] of byProtocol) {
    const g = group ?? summaryGroup(protocol);
    const list = groups.get(g) ?? [];
    list.push({
      protocol,
      name: protocolInfo(protocol).name,
      positions,
      summary: chain.summaries.find((s) => s.type === protocol),
    });
    groups.set(g, list);
  }
  return DISPLAY_GROUP_ORDER.flatMap((group) => {
    const protocols = groups.get(group);
    if (!protocols) return [];
    protocols.sort((a, b) => protocolInfo(a.protocol).order - protocolInfo(b.protocol).order);
    return [{ group, protocols }];
  });
}

function summaryGroup(protocol: string): DisplayGroup {
  const kinds = protocolInfo(protocol).kinds;
  const first = kinds[0];
  return first ? kindGroup(first) : 'wallet';
}

/** Value by a key of each counted position (protocol, kind group, chain…), largest first. */
export function breakdown<K extends string | number>(
  chains: readonly ChainPortfolio[],
  key: (p: Position, chain: ChainPortfolio) => K,
): { key: K; value: ValueSummary }[] {
  const sums = new Map<K, ValueSummary[]>();
  for (const chain of chains) {
    for (const p of countedPositions(chain.positions)) {
      const k = key(p, chain);
      sums.set(k, [...(sums.get(k) ?? []), positionValue(p)]);
    }
  }
  return [...sums.entries()]
    .map(([k, values]) => ({ key: k, value: sumValues(values) }))
    .sort((a, b) => (b.value.usdE18 > a.value.usdE18 ? 1 : b.value.usdE18 < a.value.usdE18 ? -1 : 0));
}

export interface Share<K> {
  key: K;
  value: ValueSummary;
  /** This slice's part of the positive total, 0…1 (for display only). */
  share: number;
}

/** Slices of a positive total (debts and empty slices left out), largest first, with their shares. */
export function shares<K>(slices: readonly { key: K; value: ValueSummary }[]): Share<K>[] {
  const positive = slices.filter((s) => s.value.usdE18 > 0n);
  const total = positive.reduce((a, s) => a + s.value.usdE18, 0n);
  return positive
    .map((s) => ({
      ...s,
      share: total === 0n ? 0 : Number((s.value.usdE18 * 1_000_000n) / total) / 1_000_000,
    }))
    .sort((a, b) => b.share - a.share);
}

/** What a set of positions earns, in the yield convention (`|usd| × rate`, signed rates). */
export interface Income {
  perYear: { baseUsd: number; rewardUsd: number };
  perDayUsd: number;
  /** base ÷ (base + reward) when that sum is above 0, else null. */
  sustainableShare: number | null;
  /** Σ |usd| of positions whose yield is unknown. */
  unknownYieldUsd: number;
  /** Positions that could not be valued. */
  unpricedPositions: number;
  projection: { months: 12; simpleUsd: number; compoundedUsd: number };
}

/** USD of a position as a float, for income only (figures stay bigint); null when it is unpriced. */
function positionUsd(p: Position): number | null {
  const v = positionValue(p);
  if (v.unpriced > 0) return null;
  return Number(formatUnits(v.usdE18, 18));
}

export function income(positions: readonly Position[]): Income {
  let base = 0;
  let reward = 0;
  let compounded = 0;
  let unknown = 0;
  let unpriced = 0;
  for (const p of countedPositions(positions)) {
    const usd = positionUsd(p);
    if (usd === null) {
      unpriced += 1;
      continue;
    }
    if (p.yield === null) {
      unknown += Math.abs(usd);
      continue;
    }
    const y = yearlyIncome(usd, p.yield);
    base += y.base;
    reward += y.reward;
    const r = p.yield.baseApr + p.yield.rewardApr;
    compounded += Math.abs(usd) * Math.sign(r) * ((1 + Math.abs(r) / 12) ** 12 - 1);
  }
  const sum = base + reward;
  return {
    perYear: { baseUsd: base, rewardUsd: reward },
    perDayUsd: sum / 365,
    sustainableShare: sum > 0 ? base / sum : null,
    unknownYieldUsd: unknown,
    unpricedPositions: unpriced,
    projection: { months: 12, simpleUsd: sum, compoundedUsd: compounded },
  };
}

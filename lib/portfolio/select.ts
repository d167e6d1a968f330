import { formatUnits } from 'viem';
import { isWrongChainError } from '../chains/errors';
import { CHAINS, type ChainId } from '../chains/registry';
import { isAaveV3Summary } from '../protocols/aave-v3/types';
import { DISPLAY_GROUP_ORDER, DISPLAY_GROUPS, type DisplayGroup, kindGroup } from './kinds';
import { protocolInfoIn } from './protocols';
import type { ChainPortfolio, Position, ProtocolInfo, ProtocolSummary } from './types';
import { positionValue, sumValues, type ValueSummary } from './value';
import { compoundedApy, yearlyIncome } from './yield';

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

/** Why a chain's figures are left out of the totals. */
export type MissingReason = 'error' | 'wrong-chain' | 'lagging';

/** A chain left out of the totals, and why (`--json`'s top-level `missingChains`). */
export interface MissingChain {
  chainId: ChainId;
  reason: MissingReason;
  /** How old the lagging node's head block was when read, in seconds. */
  ageSeconds?: number;
}

/** A protocol that could not be read on a chain whose other figures are in the totals. */
export interface MissingProtocol {
  chainId: ChainId;
  protocol: string;
}

/**
 * The head's age if it is over the chain's threshold (`maxHeadAgeSeconds` in the chain registry), else
 * null: the node lags, so its figures, though consistent at their block, are not current.
 */
export function chainLag(chain: ChainPortfolio): { ageSeconds: number; maxSeconds: number } | null {
  const age = chain.headAgeSeconds;
  const maxSeconds = CHAINS[chain.chainId].maxHeadAgeSeconds;
  if (age === undefined || age === null || age <= maxSeconds) return null;
  return { ageSeconds: age, maxSeconds };
}

/**
 * Why a chain is left out of the totals, or null when it counts (or is still loading): it could not be
 * read (`wrong-chain` when its RPC answers for another chain), or its node lags.
 */
export function chainMissing(chainId: ChainId, state: ChainQueryState): MissingChain | null {
  if (state.error) return { chainId, reason: isWrongChainError(state.error) ? 'wrong-chain' : 'error' };
  const data = state.data;
  if (!data) return null;
  if (data.error !== null)
    return { chainId, reason: data.errorKind === 'wrong-chain' ? 'wrong-chain' : 'error' };
  const lag = chainLag(data);
  return lag ? { chainId, reason: 'lagging', ageSeconds: lag.ageSeconds } : null;
}

/** Positions that count in totals: receipt tokens counted by the position they stand for are left out. */
export function countedPositions(positions: readonly Position[]): Position[] {
  return positions.filter((p) => p.countedIn === undefined);
}

export function chainTotal(chain: ChainPortfolio): ValueSummary {
  return sumValues(countedPositions(chain.positions).map(positionValue));
}

/**
 * A position's USD value (18 decimals), or null when any non-zero amount in it has no usable price (or
 * its contents could not be read): it is shown as unknown ("—"), never as $0.00.
 */
export function positionUsdE18(p: Position): bigint | null {
  const v = positionValue(p);
  return v.unpriced > 0 ? null : v.usdE18;
}

export interface PortfolioTotals {
  /** Sum over the chains in `byChain` only. */
  total: ValueSummary;
  byChain: { chainId: ChainId; value: ValueSummary }[];
  /** Chains left out of `total`, and why (failed, answering for another chain, lagging). */
  missingChains: MissingChain[];
  /** Protocols that failed on a chain that is in `total` (their positions are not in it). */
  missingProtocols: MissingProtocol[];
  /** Chains with no figures yet (still loading): not in `total` either. */
  loadingChains: ChainId[];
  /** Chains whose total lacks a protocol that failed there. */
  incompleteChains: { chainId: ChainId; protocols: string[] }[];
}

/** One chain as `portfolioTotals` takes it: its last figures, and the error of its last attempt. */
export interface ChainTotalsInput {
  chainId: ChainId;
  chain: ChainPortfolio | null | undefined;
  error?: Error | null;
}

/**
 * Totals over the chains that have current figures; the rest are named with the reason, never summed
 * as zero. A lagging chain keeps its own figures (shown, flagged) but is not in the total.
 */
export function portfolioTotals(chains: readonly ChainTotalsInput[]): PortfolioTotals {
  const byChain: PortfolioTotals['byChain'] = [];
  const missingChains: MissingChain[] = [];
  const missingProtocols: MissingProtocol[] = [];
  const loadingChains: ChainId[] = [];
  const incompleteChains: PortfolioTotals['incompleteChains'] = [];
  for (const { chainId, chain, error } of chains) {
    const missing = chainMissing(chainId, { data: chain, error: error ?? null });
    if (missing) {
      missingChains.push(missing);
      continue;
    }
    if (!chain) {
      loadingChains.push(chainId);
      continue;
    }
    byChain.push({ chainId, value: chainTotal(chain) });
    if (chain.protocolErrors.length > 0) {
      incompleteChains.push({ chainId, protocols: chain.protocolErrors.map((e) => e.protocol) });
      for (const e of chain.protocolErrors) missingProtocols.push({ chainId, protocol: e.protocol });
    }
  }
  return {
    total: sumValues(byChain.map((c) => c.value)),
    byChain,
    missingChains,
    missingProtocols,
    loadingChains,
    incompleteChains,
  };
}

/** Words for a missing chain: "Arbitrum One: answers for another chain" (CLI first line, page badge). */
export function missingChainText(m: MissingChain): string {
  const name = CHAINS[m.chainId].name;
  switch (m.reason) {
    case 'wrong-chain':
      return `${name}: its RPC answers for another chain`;
    case 'lagging':
      return `${name}: node lagging, head ${formatAge(m.ageSeconds ?? 0)} old`;
    default:
      return `${name}: could not be read`;
  }
}

/** "45 s", "12 min", "3 h 5 min". */
export function formatAge(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 120) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 120) return `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 === 0 ? `${h} h` : `${h} h ${m % 60} min`;
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
  const protocolInfo = protocolInfoIn(chain);
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
    const g = group ?? summaryGroup(protocolInfo(protocol).kinds);
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

function summaryGroup(kinds: ProtocolInfo['kinds']): DisplayGroup {
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

/**
 * USD of a position as a float, for income and charts only (figures stay bigint); null when any of
 * its amounts could not be valued (the `usd: null` of --json).
 */
export function positionUsd(p: Position): number | null {
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
    // s × ((1 + |r| / 12)^12 − 1), income reinvested monthly (a debt's cost compounds too).
    compounded += Math.abs(usd) * (compoundedApy(p.yield.baseApr + p.yield.rewardApr, 12) ?? 0);
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

// ---------------------------------------------------------------------------------------------------
// The overview: every figure at the top of the dashboard (and of a bundle), computed here only.

/** The positions of the chains given, in chain order. */
export function chainsPositions(chains: readonly ChainPortfolio[]): Position[] {
  return chains.flatMap((c) => c.positions);
}

/** `income` of one chain for --json and the page: null for a chain that failed (it is not counted). */
export function chainIncome(chain: ChainPortfolio): Income | null {
  return chain.error === null ? income(chain.positions) : null;
}

/** Claimable right now: the rewards and uncollected fees of the counted positions. */
export function claimable(positions: readonly Position[]): ValueSummary {
  let usdE18 = 0n;
  let includesUntrusted = false;
  let unpriced = 0;
  for (const p of countedPositions(positions))
    for (const a of p.rewards) {
      if (a.usdE18 === null) {
        if (a.amount !== 0n) unpriced += 1;
        continue;
      }
      usdE18 += a.usdE18;
      if (a.price.status !== 'ok' && a.amount !== 0n) includesUntrusted = true;
    }
  return { usdE18, includesUntrusted, unpriced };
}

/** Kinds whose value cannot be moved today (locked for votes, vesting). */
export const LOCKED_KINDS: readonly Position['kind'][] = ['lock', 'vesting'];

/** Locked or vesting value apart from the liquid rest (debts are in liquid: they are owed now). */
export function lockedVsLiquid(positions: readonly Position[]): {
  locked: ValueSummary;
  liquid: ValueSummary;
} {
  const counted = countedPositions(positions);
  return {
    locked: sumValues(counted.filter((p) => LOCKED_KINDS.includes(p.kind)).map(positionValue)),
    liquid: sumValues(counted.filter((p) => !LOCKED_KINDS.includes(p.kind)).map(positionValue)),
  };
}

export interface LowestHealth {
  chainId: ChainId;
  protocol: string;
  factorWad: bigint;
}

/**
 * The lowest health factor across the lending markets of the chains given (accounts with a debt);
 * null when no market has one. Markets are read through their summaries' guards.
 */
export function lowestHealthFactor(chains: readonly ChainPortfolio[]): LowestHealth | null {
  let lowest: LowestHealth | null = null;
  for (const chain of chains) {
    for (const s of chain.summaries) {
      if (!isAaveV3Summary(s) || s.health.state !== 'active') continue;
      if (lowest === null || s.health.factorWad < lowest.factorWad)
        lowest = { chainId: chain.chainId, protocol: s.type, factorWad: s.health.factorWad };
    }
  }
  return lowest;
}

/** The blended yield of a set of positions: income-weighted, with what is unknown kept apart. */
export interface BlendedYield {
  /** (base + reward) income ÷ Σ |usd| of the positions with a yield; null when that value is 0. */
  rate: number | null;
  baseRate: number | null;
  rewardRate: number | null;
  /** Σ |usd| of the positions with a known yield (the rate's denominator). */
  knownUsd: number;
  /** base ÷ (base + reward), as in `income`. */
  sustainableShare: number | null;
  unknownYieldUsd: number;
}

export function blendedYield(positions: readonly Position[]): BlendedYield {
  const inc = income(positions);
  let knownUsd = 0;
  for (const p of countedPositions(positions)) {
    const usd = positionUsd(p);
    if (usd !== null && p.yield !== null) knownUsd += Math.abs(usd);
  }
  const perYear = inc.perYear.baseUsd + inc.perYear.rewardUsd;
  return {
    rate: knownUsd > 0 ? perYear / knownUsd : null,
    baseRate: knownUsd > 0 ? inc.perYear.baseUsd / knownUsd : null,
    rewardRate: knownUsd > 0 ? inc.perYear.rewardUsd / knownUsd : null,
    knownUsd,
    sustainableShare: inc.sustainableShare,
    unknownYieldUsd: inc.unknownYieldUsd,
  };
}

export interface ProjectionPoint {
  month: number;
  /** Cumulative income after `month` months, rates held, nothing reinvested. */
  simpleUsd: number;
  /** Cumulative income after `month` months with income reinvested monthly. */
  compoundedUsd: number;
}

/**
 * Month by month over a year: the simple line is `(base + reward) × m / 12`; the compounded one is
 * `Σ |usd| × s × ((1 + |r| / 12)^m − 1)`, whose 12th month equals `income().projection.compoundedUsd`.
 */
export function incomeProjection(positions: readonly Position[], months = 12): ProjectionPoint[] {
  const items: { size: number; r: number }[] = [];
  for (const p of countedPositions(positions)) {
    const usd = positionUsd(p);
    if (usd === null || p.yield === null) continue;
    items.push({ size: Math.abs(usd), r: p.yield.baseApr + p.yield.rewardApr });
  }
  const points: ProjectionPoint[] = [];
  for (let m = 0; m <= months; m++) {
    let simple = 0;
    let compounded = 0;
    for (const { size, r } of items) {
      simple += (size * r * m) / 12;
      compounded += size * Math.sign(r) * Math.expm1(m * Math.log1p(Math.abs(r) / 12));
    }
    points.push({ month: m, simpleUsd: simple, compoundedUsd: compounded });
  }
  return points;
}

/** What compounds by itself and what would have to be claimed and reinvested, by value. */
export function compoundingSplit(positions: readonly Position[]): { selfUsd: number; claimUsd: number } {
  let selfUsd = 0;
  let claimUsd = 0;
  for (const p of countedPositions(positions)) {
    const usd = positionUsd(p);
    if (usd === null || p.yield === null || p.yield.baseApr + p.yield.rewardApr === 0) continue;
    if (p.yield.compounds) selfUsd += Math.abs(usd);
    else claimUsd += Math.abs(usd);
  }
  return { selfUsd, claimUsd };
}

/** Where a slice of the overview's charts leads: the first section that shows it. */
export const sectionIds = {
  chain: (chainId: ChainId) => `chain-${chainId}`,
  group: (chainId: ChainId, group: DisplayGroup) => `chain-${chainId}-group-${group}`,
  protocol: (chainId: ChainId, protocol: string) => `chain-${chainId}-protocol-${protocol}`,
};

export interface Slice {
  key: string;
  label: string;
  value: ValueSummary;
  /** Float USD for the chart's geometry only. */
  usd: number;
  /** Anchor id of the section it links to. */
  anchor: string;
}

function slices<K extends string | number>(
  chains: readonly ChainPortfolio[],
  key: (p: Position, chain: ChainPortfolio) => K,
  label: (k: K) => string,
  anchor: (k: K, chainId: ChainId) => string,
): Slice[] {
  const first = new Map<K, ChainId>();
  for (const chain of chains)
    for (const p of countedPositions(chain.positions)) {
      const k = key(p, chain);
      if (!first.has(k)) first.set(k, chain.chainId);
    }
  return breakdown(chains, key).map(({ key: k, value }) => ({
    key: String(k),
    label: label(k),
    value,
    usd: Number(formatUnits(value.usdE18, 18)),
    anchor: anchor(k, first.get(k) ?? 10),
  }));
}

export interface Overview {
  total: ValueSummary;
  income: Income;
  blended: BlendedYield;
  claimable: ValueSummary;
  locked: ValueSummary;
  liquid: ValueSummary;
  lowestHealth: LowestHealth | null;
  byChain: Slice[];
  byProtocol: Slice[];
  byGroup: Slice[];
  projection: ProjectionPoint[];
  compounding: { selfUsd: number; claimUsd: number };
}

/** Everything the overview shows, over the chains with current figures. */
export function overview(chains: readonly ChainPortfolio[], chainName: (id: ChainId) => string): Overview {
  const positions = chainsPositions(chains);
  const { locked, liquid } = lockedVsLiquid(positions);
  const protocolInfo = protocolInfoIn(chains);
  return {
    total: sumValues(countedPositions(positions).map(positionValue)),
    income: income(positions),
    blended: blendedYield(positions),
    claimable: claimable(positions),
    locked,
    liquid,
    lowestHealth: lowestHealthFactor(chains),
    byChain: slices(
      chains,
      (_p, c) => c.chainId,
      (k) => chainName(k),
      (k) => sectionIds.chain(k),
    ),
    byProtocol: slices(
      chains,
      (p) => p.protocol,
      (k) => protocolInfo(k).name,
      (k, c) => sectionIds.protocol(c, k),
    ),
    byGroup: slices(
      chains,
      (p) => kindGroup(p.kind),
      (k) => DISPLAY_GROUPS[k],
      (k, c) => sectionIds.group(c, k),
    ),
    projection: incomeProjection(positions),
    compounding: compoundingSplit(positions),
  };
}

/** A position that holds nothing any more (every amount zero): hidden with "hide closed positions". */
export function isClosedPosition(p: Position): boolean {
  return [...p.assets, ...p.rewards].every((a) => a.amount === 0n) && p.warning === null;
}

/** Worth less than $1 (priced): hidden with "hide dust". A position with an unpriced amount is not dust. */
export const DUST_USD_E18 = 10n ** 18n;
export function isDust(p: Position): boolean {
  const v = positionValue(p);
  if (v.unpriced > 0) return false;
  const abs = v.usdE18 < 0n ? -v.usdE18 : v.usdE18;
  return abs < DUST_USD_E18 && !isClosedPosition(p);
}

/** The positions to show under the user's filters; totals never change with them. */
export function visiblePositions(
  positions: readonly Position[],
  filters: { hideDust: boolean; hideClosed: boolean },
): Position[] {
  return positions.filter(
    (p) => !(filters.hideClosed && isClosedPosition(p)) && !(filters.hideDust && isDust(p)),
  );
}

/** Several addresses seen together: combined totals and income, and each address's own. */
export interface BundleMember {
  address: string;
  chains: readonly ChainPortfolio[];
}

export function bundleTotals(members: readonly BundleMember[]): {
  total: ValueSummary;
  income: Income;
  perAddress: { address: string; total: ValueSummary; income: Income }[];
} {
  const perAddress = members.map((m) => {
    const positions = chainsPositions(m.chains);
    return {
      address: m.address,
      total: sumValues(countedPositions(positions).map(positionValue)),
      income: income(positions),
    };
  });
  return {
    total: sumValues(perAddress.map((a) => a.total)),
    income: income(members.flatMap((m) => chainsPositions(m.chains))),
    perAddress,
  };
}

/** A collapsible section's header: its value and blended yield (the figures stay visible folded). */
export function sectionFigures(positions: readonly Position[]): {
  value: ValueSummary;
  yieldRate: number | null;
} {
  return {
    value: sumValues(countedPositions(positions).map(positionValue)),
    yieldRate: blendedYield(positions).rate,
  };
}

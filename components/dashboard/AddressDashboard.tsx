'use client';

import { useDeferredValue, useMemo, useRef } from 'react';
import type { Address } from 'viem';
import { CHAIN_IDS } from '@/lib/chains/registry';
import { formatUsd } from '@/lib/format/index';
import { missingChainText, portfolioTotals } from '@/lib/portfolio/select';
import { DashboardFeeSummary } from '../fees/DashboardFeeSummary';
import { usePortfolio } from '../hooks/usePortfolio';
import { Overview } from '../overview/Overview';
import { useSettings } from '../settings/SettingsProvider';
import { Badge, buttonClass, Card, Skeleton } from '../ui/primitives';
import { useWallet } from '../wallet/WalletProvider';
import { ChainSection } from './ChainSection';
import { CopyableAddress } from './CopyableAddress';
import { ExportButtons } from './ExportButtons';
import { type ChainQuery, currentChains, portfolioOf } from './portfolioState';
import { useRevealCount } from './reveal';
import { WatchButton } from './WatchButton';

const noop = () => {};

/** The same array as last render while it holds the same items (so what is memoised on it stays). */
function useSameItems<T>(items: T[]): T[] {
  const last = useRef(items);
  const same = last.current.length === items.length && last.current.every((x, i) => x === items[i]);
  if (!same) last.current = items;
  return last.current;
}

type ChainView = Omit<ChainQuery, 'refetch'>;

/** Each chain's query as plain fields, the same object while they are unchanged (and the same array). */
function useChainViews(queries: readonly ChainQuery[]): ChainView[] {
  const last = useRef<ChainView[]>([]);
  const next = queries.map((q, i): ChainView => {
    const prev = last.current[i];
    const error = q.error ?? null;
    return prev &&
      prev.data === q.data &&
      prev.error === error &&
      prev.isPending === q.isPending &&
      prev.isFetching === q.isFetching
      ? prev
      : { data: q.data, error, isPending: q.isPending, isFetching: q.isFetching };
  });
  if (next.length !== last.current.length || next.some((v, i) => v !== last.current[i])) last.current = next;
  return last.current;
}

/**
 * The dashboard of one address: a summary across chains, then one section per chain. What the queries
 * hold is drawn through `useDeferredValue`: a chain's answer first redraws only what is cheap (the memoised
 * sections are handed the same props), then the whole view, summary and sections together, as one
 * interruptible render, so a big chain never holds the main thread in one long task and the sections
 * still appear in order.
 */
export function AddressDashboard({ address, name }: { address: Address; name?: string }) {
  const { networkName } = useSettings();
  const connection = useWallet();
  const live = usePortfolio(address);
  const queries = useDeferredValue(useChainViews(live));

  // A chain whose last refresh failed, that answers for another chain or lags is left out, and named.
  const loaded = useSameItems(currentChains(queries));
  // Stable per chain, so a memoised section is not redrawn for a new closure.
  const latest = useRef(live);
  latest.current = live;
  const refetchers = useMemo(() => CHAIN_IDS.map((_, i) => () => void latest.current[i]?.refetch()), []);
  const totals = portfolioTotals(
    CHAIN_IDS.map((chainId, i) => ({ chainId, chain: queries[i]?.data, error: queries[i]?.error ?? null })),
  );
  const incomplete = totals.incompleteChains.length;
  const total = totals.total;
  const pending = queries.some((q) => q.isPending);
  const isOwn = connection.address?.toLowerCase() === address.toLowerCase();
  // Chain sections appear in order, so one growing never pushes another already on screen (CLS).
  const revealed = useRevealCount(queries.map((q) => !!q.data || !!q.error));

  return (
    <div className="space-y-4">
      <Card className="p-4">
        {/* Stacked on a phone whatever the content's widths (a wrap decided by them flipped as it arrived). */}
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <p className="text-xs uppercase tracking-wide text-zinc-600 dark:text-zinc-300">
              {isOwn ? 'Your wallet' : 'Watching'} · {networkName ?? '…'}
            </p>
            {name ? (
              <p className="font-semibold" data-testid="dashboard-name">
                {name}
              </p>
            ) : null}
            <h1 className="text-sm sm:text-base" data-testid="dashboard-address">
              <CopyableAddress address={address} />
            </h1>
          </div>
          <div className="text-right">
            <p className="text-xs text-zinc-600 dark:text-zinc-300">Total across chains</p>
            <p className="text-2xl font-semibold tabular-nums" data-testid="portfolio-total">
              {pending && loaded.length === 0 ? (
                <Skeleton className="ml-auto h-7 w-32" />
              ) : (
                formatUsd(total.usdE18)
              )}
            </p>
            <div className="mt-1 flex flex-wrap justify-end gap-1">
              {pending ? (
                <Badge tone="info">loading {queries.filter((q) => q.isPending).length} chain(s)…</Badge>
              ) : null}
              {totals.missingChains.length > 0 ? (
                <span data-testid="missing-chains">
                  <Badge tone="bad" title="These chains are left out of this total">
                    Not included: {totals.missingChains.map(missingChainText).join('; ')}
                  </Badge>
                </span>
              ) : null}
              {incomplete > 0 ? (
                <Badge
                  tone="bad"
                  title="A protocol could not be read on some chain; its positions are not in this total"
                >
                  incomplete
                </Badge>
              ) : null}
              {total.includesUntrusted ? <Badge tone="warn">includes stale prices</Badge> : null}
              {total.unpriced > 0 ? (
                <Badge title="Amounts with no usable on-chain price are not in the total">
                  {total.unpriced} unpriced
                </Badge>
              ) : null}
            </div>
          </div>
        </div>
        <div className="mt-4 flex flex-wrap items-end justify-between gap-3">
          <DashboardFeeSummary />
          <div className="flex flex-wrap gap-2">
            <WatchButton address={address} label={name ?? ''} />
            <ExportButtons
              portfolios={networkName ? [portfolioOf(address, networkName, queries)] : []}
              network={networkName}
              ready={!pending}
            />
            <button
              type="button"
              className={buttonClass}
              onClick={() => {
                for (const q of live) void q.refetch();
              }}
              disabled={live.some((q) => q.isFetching)}
            >
              {live.some((q) => q.isFetching) ? 'Refreshing…' : 'Refresh'}
            </button>
          </div>
        </div>
      </Card>

      <Overview chains={loaded} loading={pending} />

      {CHAIN_IDS.map((chainId, i) => {
        const q = queries[i];
        if (i >= revealed) return null;
        return (
          <ChainSection
            key={chainId}
            chainId={chainId}
            network={networkName}
            owner={address}
            data={q?.data}
            error={q?.error ?? null}
            isPending={q?.isPending ?? true}
            isFetching={q?.isFetching ?? false}
            refetch={refetchers[i] ?? noop}
          />
        );
      })}
    </div>
  );
}

'use client';

import { useDeferredValue, useMemo, useRef } from 'react';
import type { Address } from 'viem';
import { CHAIN_IDS } from '@/lib/chains/registry';
import { formatUsd } from '@/lib/format/index';
import { missingChainText, portfolioTotals } from '@/lib/portfolio/select';
import { DashboardFeeSummary } from '../fees/DashboardFeeSummary';
import { usePortfolio } from '../hooks/usePortfolio';
import { useStableItems } from '../hooks/useStableItems';
import { Overview } from '../overview/Overview';
import { useSettings } from '../settings/SettingsProvider';
import { Badge, buttonClass, Card, Skeleton } from '../ui/primitives';
import { useWallet } from '../wallet/WalletProvider';
import { ChainSection } from './ChainSection';
import { ExportButtons } from './ExportButtons';
import { type ChainQuery, currentChains, portfolioOf } from './portfolioState';
import { useRevealCount } from './reveal';
import { SummaryHeader } from './SummaryHeader';
import { WatchButton } from './WatchButton';

const noop = () => {};

type ChainView = Omit<ChainQuery, 'refetch'>;

const sameView = (a: ChainView, b: ChainView) =>
  a.data === b.data && a.error === b.error && a.isPending === b.isPending && a.isFetching === b.isFetching;

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
  const queries = useDeferredValue(
    useStableItems(
      live.map((q) => ({
        data: q.data,
        error: q.error ?? null,
        isPending: q.isPending,
        isFetching: q.isFetching,
      })),
      sameView,
    ),
  );

  // A chain whose last refresh failed, that answers for another chain or lags is left out, and named.
  const loaded = useStableItems(currentChains(queries));
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
        <SummaryHeader
          live
          label={`${isOwn ? 'Your wallet' : 'Watching'} · ${networkName ?? '…'}`}
          name={name}
          address={address}
          total={
            pending && loaded.length === 0 ? (
              <Skeleton className="ml-auto h-7 w-32" />
            ) : (
              formatUsd(total.usdE18)
            )
          }
          badges={
            <>
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
            </>
          }
        />
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

'use client';

import { useMemo, useRef, useState } from 'react';
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
import { ExportButtons } from './ExportButtons';
import { currentChains, portfolioOf } from './portfolioState';
import { useRevealCount } from './reveal';
import { WatchButton } from './WatchButton';

/** An address with a button that copies it. */
export function CopyableAddress({ address }: { address: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <span className="flex min-w-0 items-center gap-2">
      <span className="break-all font-mono">{address}</span>
      <button
        type="button"
        className="whitespace-nowrap rounded px-1 text-xs text-sky-800 hover:underline focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-300"
        aria-label={`Copy ${address}`}
        onClick={() => {
          void navigator.clipboard?.writeText(address).then(() => setCopied(true));
        }}
      >
        {copied ? 'copied' : 'copy'}
      </button>
    </span>
  );
}

const noop = () => {};

/** The same array as last render while it holds the same items (so what is memoised on it stays). */
function useSameItems<T>(items: T[]): T[] {
  const last = useRef(items);
  const same = last.current.length === items.length && last.current.every((x, i) => x === items[i]);
  if (!same) last.current = items;
  return last.current;
}

/** The dashboard of one address: a summary across chains, then one section per chain. */
export function AddressDashboard({ address, name }: { address: Address; name?: string }) {
  const { networkName } = useSettings();
  const connection = useWallet();
  const queries = usePortfolio(address);

  // A chain whose last refresh failed, that answers for another chain or lags is left out, and named.
  const loaded = useSameItems(currentChains(queries));
  // Stable per chain, so a memoised section is not redrawn for a new closure.
  const latest = useRef(queries);
  latest.current = queries;
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
        <div className="flex flex-wrap items-start justify-between gap-3">
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
                for (const q of queries) void q.refetch();
              }}
              disabled={queries.some((q) => q.isFetching)}
            >
              {queries.some((q) => q.isFetching) ? 'Refreshing…' : 'Refresh'}
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

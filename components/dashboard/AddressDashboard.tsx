'use client';

import { useState } from 'react';
import type { Address } from 'viem';
import { CHAIN_IDS, CHAINS, type ChainId } from '@/lib/chains/registry';
import { formatUsd } from '@/lib/format/index';
import { missingChainText, portfolioTotals, type Share, shares } from '@/lib/portfolio/select';
import { DashboardFeeSummary } from '../fees/DashboardFeeSummary';
import { usePortfolio } from '../hooks/usePortfolio';
import { useSettings } from '../settings/SettingsProvider';
import { Badge, buttonClass, Card, Skeleton } from '../ui/primitives';
import { useWallet } from '../wallet/WalletProvider';
import { ChainSection } from './ChainSection';
import { useRevealCount } from './reveal';

function AllocationBar({ chains }: { chains: Share<ChainId>[] }) {
  if (chains.length === 0) return null;
  const positive = chains;
  return (
    <div>
      <div
        className="flex h-2 w-full overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800"
        aria-hidden="true"
      >
        {positive.map((c) => (
          <span
            key={c.key}
            style={{
              width: `${c.share * 100}%`,
              backgroundColor: CHAINS[c.key].color,
            }}
          />
        ))}
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-300">
        {positive.map((c) => (
          <li key={c.key} className="flex items-center gap-1.5">
            <span
              className="inline-block h-2 w-2 rounded-full"
              style={{ backgroundColor: CHAINS[c.key].color }}
            />
            {CHAINS[c.key].shortName} {formatUsd(c.value.usdE18)} ({(c.share * 100).toFixed(1)}%)
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The dashboard of one address: a summary across chains, then one section per chain. */
export function AddressDashboard({ address }: { address: Address }) {
  const { networkName } = useSettings();
  const connection = useWallet();
  const queries = usePortfolio(address);
  const [copied, setCopied] = useState(false);

  // A chain whose last refresh failed, that answers for another chain or lags is left out, and named.
  const totals = portfolioTotals(
    CHAIN_IDS.map((chainId, i) => ({ chainId, chain: queries[i]?.data, error: queries[i]?.error ?? null })),
  );
  const loaded = totals.byChain;
  const incomplete = totals.incompleteChains.length;
  const values = totals.byChain;
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
            <p className="text-xs uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
              {isOwn ? 'Your wallet' : 'Watching'} · {networkName ?? '…'}
            </p>
            <h1
              className="flex items-center gap-2 break-all font-mono text-sm sm:text-base"
              data-testid="dashboard-address"
            >
              {address}
              <button
                type="button"
                className="whitespace-nowrap rounded px-1 text-xs text-sky-700 hover:underline dark:text-sky-400"
                onClick={() => {
                  void navigator.clipboard?.writeText(address).then(() => setCopied(true));
                }}
              >
                {copied ? 'copied' : 'copy'}
              </button>
            </h1>
          </div>
          <div className="text-right">
            <p className="text-xs text-zinc-500 dark:text-zinc-400">Total across chains</p>
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
          <div className="min-w-60 flex-1">
            <AllocationBar chains={shares(values.map((v) => ({ key: v.chainId, value: v.value })))} />
          </div>
          <DashboardFeeSummary />
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
      </Card>

      {CHAIN_IDS.map((chainId, i) => {
        const q = queries[i];
        if (i >= revealed) return null;
        return (
          <ChainSection
            key={chainId}
            chainId={chainId}
            network={networkName}
            owner={address}
            state={{
              data: q?.data,
              error: q?.error ?? null,
              isPending: q?.isPending ?? true,
              isFetching: q?.isFetching ?? false,
              refetch: () => void q?.refetch(),
            }}
          />
        );
      })}
    </div>
  );
}

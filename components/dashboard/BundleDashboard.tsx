'use client';

import type { Address } from 'viem';
import { bundleTotals } from '@/lib/portfolio/select';
import { saveBundle } from '@/lib/watchlist/watchlist';
import { usePortfolios } from '../hooks/usePortfolio';
import { useWatchlist } from '../hooks/useWatchlist';
import { Overview, Usd, UsdValue } from '../overview/Overview';
import { useSettings } from '../settings/SettingsProvider';
import { IntentLink } from '../ui/IntentLink';
import { Badge, buttonClass, Card } from '../ui/primitives';
import { CopyableAddress } from './CopyableAddress';
import { ExportButtons } from './ExportButtons';
import { currentChains, portfolioOf } from './portfolioState';

/** Several addresses seen together: combined overview, and each member's own figures. */
export function BundleDashboard({ addresses, name }: { addresses: Address[]; name: string }) {
  const { networkName } = useSettings();
  const { watchlist, update } = useWatchlist();
  const perMember = usePortfolios(addresses);
  const members = addresses.map((address, i) => ({ address, chains: currentChains(perMember[i] ?? []) }));
  const totals = bundleTotals(members);
  const pending = perMember.some((qs) => qs.some((q) => q.isPending));
  const missing = perMember.reduce(
    (n, qs) => n + qs.filter((q) => !q.isPending && (q.error || q.data?.error)).length,
    0,
  );
  const saved = watchlist.bundles.some(
    (b) => b.name === name && b.addresses.join(',') === addresses.join(','),
  );
  const labels = new Map(watchlist.entries.map((e) => [e.address, e.label]));

  return (
    <div className="space-y-4">
      <Card className="p-4" data-testid="bundle" data-state={pending ? 'loading' : 'ready'}>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <p className="text-xs uppercase tracking-wide text-zinc-600 dark:text-zinc-300">
              Bundle of {addresses.length} addresses · {networkName ?? '…'}
            </p>
            <h1 className="text-lg font-semibold" data-testid="bundle-name">
              {name}
            </h1>
          </div>
          <div className="text-right">
            <p className="text-xs text-zinc-600 dark:text-zinc-300">Combined total</p>
            <p className="text-2xl font-semibold">
              <UsdValue value={totals.total} testId="bundle-total" />
            </p>
            {missing > 0 ? <Badge tone="bad">{missing} chain read(s) missing</Badge> : null}
          </div>
        </div>
        <table className="mt-4 w-full text-sm">
          <caption className="sr-only">Each address in the bundle</caption>
          <thead>
            <tr className="text-left text-xs text-zinc-600 dark:text-zinc-300">
              <th scope="col" className="font-medium">
                Address
              </th>
              <th scope="col" className="text-right font-medium">
                Value
              </th>
              <th scope="col" className="hidden text-right font-medium sm:table-cell">
                Income / year
              </th>
            </tr>
          </thead>
          <tbody>
            {totals.perAddress.map((a) => (
              <tr
                key={a.address}
                className="border-t border-zinc-100 dark:border-zinc-800"
                data-testid="bundle-member"
              >
                <td className="py-1.5 pr-2">
                  <IntentLink href={`/address/${a.address}`} className="underline-offset-2 hover:underline">
                    {labels.get(a.address as Address) || 'open'}
                  </IntentLink>
                  <CopyableAddress address={a.address} />
                </td>
                <td className="text-right align-top">
                  <UsdValue value={a.total} testId="bundle-member-total" />
                </td>
                <td className="hidden text-right align-top sm:table-cell">
                  <Usd usd={a.income.perYear.baseUsd + a.income.perYear.rewardUsd} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="mt-4 flex flex-wrap justify-end gap-2">
          <button
            type="button"
            className={buttonClass}
            disabled={saved}
            onClick={() => update((w) => saveBundle(w, { name, addresses }))}
          >
            {saved ? 'Saved in watchlist' : 'Save bundle'}
          </button>
          <ExportButtons
            portfolios={
              networkName ? addresses.map((a, i) => portfolioOf(a, networkName, perMember[i] ?? [])) : []
            }
            network={networkName}
            ready={!pending}
          />
        </div>
      </Card>
      <Overview
        chains={members.flatMap((m) => m.chains)}
        loading={pending}
        title="Bundle overview"
        linkSlices={false}
      />
    </div>
  );
}

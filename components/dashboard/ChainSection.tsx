import { memo, useState } from 'react';
import type { Network } from '@/lib/chains/network';
import { readPathLabel } from '@/lib/chains/read-path';
import { CHAINS, type ChainId, explorerAddressUrl } from '@/lib/chains/registry';
import { formatPercent, formatUsd } from '@/lib/format/index';
import { DISPLAY_GROUPS } from '@/lib/portfolio/kinds';
import { protocolInfoIn } from '@/lib/portfolio/protocols';
import {
  chainFailure,
  chainLag,
  chainMissing,
  chainTotal,
  currentChain,
  formatAge,
  groupChain,
  sectionFigures,
  sectionIds,
  visiblePositions,
} from '@/lib/portfolio/select';
import type { ChainPortfolio } from '@/lib/portfolio/types';
import { UsdValue } from '../overview/Overview';
import { chainTime } from '../positions/figures';
import { protocolView } from '../protocols';
import { useSettings } from '../settings/SettingsProvider';
import { DrawInTurn } from '../ui/DrawInTurn';
import { Badge, buttonClass, Card, ChainDot, ErrorPanel } from '../ui/primitives';
import { ChainSkeletonBody } from './ChainSkeleton';
import { CollapsedList, PAGE } from './CollapsedList';

export interface ChainState {
  data: ChainPortfolio | null | undefined;
  error: Error | null;
  isPending: boolean;
  isFetching: boolean;
  refetch: () => void;
}

/**
 * One chain's part of the dashboard: its block, its total, its positions by protocol, or its own error.
 * Memoised on its query's own fields, so another chain's answer does not redraw it. (Its data drawn as a
 * deferred render split the work into short tasks but let a section's content arrive after the next
 * section was revealed below it, pushing it down: layout shift 0.13 in Lighthouse, against 0.08–0.09.)
 */
export const ChainSection = memo(function ChainSection({
  chainId,
  network,
  owner,
  data,
  error,
  isPending,
  isFetching,
  refetch,
}: {
  chainId: ChainId;
  network: Network['name'] | null;
  owner: string;
} & ChainState) {
  const spec = CHAINS[chainId];
  const state: ChainState = { data, error, isPending, isFetching, refetch };
  const failure = chainFailure(state);
  // A failed refresh leaves the last good read in `data`: it must not pass for current, so no total.
  const current = currentChain(state);
  const value = current ? chainTotal(current) : null;
  const incomplete = current ? current.protocolErrors.map((e) => e.protocol) : [];
  const missing = chainMissing(chainId, state);
  const lag = current ? chainLag(current) : null;
  const headingId = `chain-${chainId}-title`;
  const bodyId = `chain-${chainId}-body`;
  const [open, setOpen] = useState(true);
  const { settings } = useSettings();
  const filters = { hideDust: settings.hideDust, hideClosed: settings.hideClosed };
  const shown = data ? { ...data, positions: visiblePositions(data.positions, filters) } : null;
  const hidden = data && shown ? data.positions.length - shown.positions.length : 0;
  const protocolInfo = data ? protocolInfoIn(data) : undefined;

  return (
    <Card
      id={sectionIds.chain(chainId)}
      aria-labelledby={headingId}
      data-testid={`chain-${chainId}`}
      data-state={
        missing?.reason === 'wrong-chain'
          ? 'wrong-chain'
          : failure
            ? 'error'
            : lag
              ? 'lagging'
              : data
                ? 'ready'
                : 'loading'
      }
    >
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-100 px-4 py-3 dark:border-zinc-800">
        <div className="flex items-center gap-2">
          <button
            type="button"
            className="rounded px-1 text-zinc-600 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-zinc-300"
            aria-expanded={open}
            aria-controls={bodyId}
            aria-label={`${open ? 'Collapse' : 'Expand'} ${spec.name}`}
            onClick={() => setOpen((o) => !o)}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </button>
          <ChainDot color={spec.color} />
          <h2 id={headingId} className="font-semibold">
            {spec.name}
          </h2>
          {data?.error === null && network === 'mainnet' ? (
            <a
              className="text-xs text-sky-700 underline-offset-2 hover:underline dark:text-sky-400"
              href={explorerAddressUrl(chainId, owner as `0x${string}`)}
              target="_blank"
              rel="noreferrer noopener"
            >
              explorer ↗
            </a>
          ) : null}
        </div>
        <div className="flex items-center gap-3 text-sm">
          {value ? (
            <span className="font-semibold tabular-nums" data-testid="chain-total">
              {formatUsd(value.usdE18)}
              {lag ? (
                <span className="ml-1 align-middle">
                  <Badge tone="bad" title="This node lags: its figures are not current and not in the total">
                    lagging
                  </Badge>
                </span>
              ) : null}
              {incomplete.length > 0 ? (
                <span className="ml-1 align-middle">
                  <Badge tone="bad" title={`Not in this total: ${incomplete.join(', ')} could not be read`}>
                    incomplete
                  </Badge>
                </span>
              ) : null}
              {value.includesUntrusted ? (
                <span className="ml-1 align-middle">
                  <Badge
                    tone="warn"
                    title="Part of this total uses a price that is stale or otherwise not current"
                  >
                    includes stale prices
                  </Badge>
                </span>
              ) : null}
            </span>
          ) : null}
          {current ? (
            <span className="text-xs text-zinc-600 dark:text-zinc-300" data-testid="chain-yield">
              {yieldText(sectionFigures(current.positions).yieldRate)}
            </span>
          ) : null}
          {state.isFetching && data ? (
            <span className="text-xs text-zinc-600 dark:text-zinc-300">refreshing…</span>
          ) : null}
        </div>
      </header>

      <div className="px-4 py-3" id={bodyId} hidden={!open}>
        {failure ? (
          <ErrorPanel
            title={
              missing?.reason === 'wrong-chain'
                ? `Wrong chain: the RPC for ${spec.name} answers for another chain`
                : `${spec.name} could not be read`
            }
          >
            <p data-testid="chain-error">{failure}</p>
            <p className="mt-2 text-xs">
              The other chains are unaffected. Check the RPC URL in Settings, or try again.
            </p>
            <button type="button" className={`${buttonClass} mt-2`} onClick={() => state.refetch()}>
              Retry
            </button>
          </ErrorPanel>
        ) : !data || !shown ? (
          <ChainSkeletonBody chainId={chainId} />
        ) : (
          <>
            {lag ? (
              <p
                role="alert"
                data-testid="chain-lagging"
                className="mb-2 rounded border border-amber-300 bg-amber-50 px-2 py-1 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
              >
                This node lags: its newest block is {formatAge(lag.ageSeconds)} old (more than{' '}
                {lag.maxSeconds} s). The figures below are as of that block, not current, and are left out of
                the total.{' '}
                <button type="button" className="underline" onClick={() => state.refetch()}>
                  Retry
                </button>
              </p>
            ) : null}
            <p className="mb-2 text-xs text-zinc-600 dark:text-zinc-300" data-testid="chain-block">
              Read at block <span className="font-mono">{data.blockNumber?.toString()}</span>
              {data.blockTimestamp !== null ? ` · ${chainTime(data.blockTimestamp)}` : ''}
              {data.read ? (
                <span title={data.read.note ?? undefined} data-testid="chain-read-path">
                  {` · ${readPathLabel(data.read.path)}`}
                </span>
              ) : null}
              {hidden > 0 ? ` · ${hidden} dust or closed position(s) hidden (Settings)` : ''}
            </p>
            {data.positions.length === 0 &&
            data.protocolErrors.length === 0 &&
            data.summaries.length === 0 ? (
              <p className="py-4 text-center text-sm text-zinc-600 dark:text-zinc-300">
                Nothing held on {spec.name}.
              </p>
            ) : null}
            <div className="space-y-5">
              {groupChain(shown).map(({ group, protocols }) => {
                const figures = sectionFigures(protocols.flatMap((p) => p.positions));
                return (
                  <details
                    key={group}
                    open
                    id={sectionIds.group(chainId, group)}
                    aria-label={`${DISPLAY_GROUPS[group]} on ${spec.name}`}
                    data-group={group}
                  >
                    <summary className="mb-1 flex cursor-pointer flex-wrap items-center justify-between gap-2 rounded text-sm font-semibold text-zinc-700 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-zinc-200">
                      <span>{DISPLAY_GROUPS[group]}</span>
                      <span className="text-xs font-normal text-zinc-600 dark:text-zinc-300">
                        <UsdValue value={figures.value} /> · {yieldText(figures.yieldRate)}
                      </span>
                    </summary>
                    <div className="space-y-3">
                      {protocols.map(({ protocol, name, positions, summary }) => {
                        const View = protocolView(protocol);
                        return (
                          <section
                            key={protocol}
                            id={sectionIds.protocol(chainId, protocol)}
                            aria-label={`${name} on ${spec.name}`}
                            data-protocol={protocol}
                          >
                            <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-300">
                              {name}
                            </h4>
                            {/* A wide table scrolls inside its section, never the page (375 px); focusable so it scrolls by keyboard. */}
                            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
                            <div className="overflow-x-auto" tabIndex={0}>
                              <DrawInTurn estimatePx={rowsEstimatePx(positions.length)}>
                                <CollapsedList items={positions} label={`${name} positions`}>
                                  {(visible) => (
                                    <View
                                      chainId={chainId}
                                      positions={visible}
                                      summary={summary}
                                      {...(protocolInfo ? { protocolInfo } : {})}
                                    />
                                  )}
                                </CollapsedList>
                              </DrawInTurn>
                            </div>
                          </section>
                        );
                      })}
                    </div>
                  </details>
                );
              })}
            </div>
            {data.protocolErrors.map((e) => (
              <p key={e.protocol} role="alert" className="mt-3 text-sm text-red-700 dark:text-red-400">
                {e.protocol} could not be read: {e.error}
              </p>
            ))}
          </>
        )}
      </div>
    </Card>
  );
});

/** About how tall a protocol's drawn list is (a row is 50–80 px; a long list shows its first page). */
function rowsEstimatePx(positions: number): number {
  return 40 + 64 * Math.min(positions, PAGE + 1);
}

function yieldText(rate: number | null): string {
  return rate === null ? 'yield unknown' : `${formatPercent(rate)} a year`;
}

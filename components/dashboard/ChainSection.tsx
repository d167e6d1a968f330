import type { Network } from '@/lib/chains/network';
import { CHAINS, type ChainId, explorerAddressUrl } from '@/lib/chains/registry';
import { formatUsd } from '@/lib/format/index';
import type { ChainPortfolio, Position } from '@/lib/portfolio/types';
import { chainValue } from '@/lib/portfolio/value';
import { chainTime } from '../positions/figures';
import { FALLBACK_VIEW, PROTOCOL_VIEWS } from '../positions/registry';
import { Badge, buttonClass, Card, ChainDot, ErrorPanel, Skeleton } from '../ui/primitives';

export interface ChainState {
  data: ChainPortfolio | null | undefined;
  error: Error | null;
  isPending: boolean;
  isFetching: boolean;
  refetch: () => void;
}

/**
 * Positions by protocol, plus every protocol that reported an account summary without positions (an
 * Aave account whose balances could not be read still has a health factor worth showing).
 */
function groupByProtocol(
  positions: readonly Position[],
  summaryProtocols: readonly string[],
): [string, Position[]][] {
  const groups = new Map<string, Position[]>();
  for (const p of positions) groups.set(p.protocol, [...(groups.get(p.protocol) ?? []), p]);
  for (const protocol of summaryProtocols) if (!groups.has(protocol)) groups.set(protocol, []);
  const order = Object.keys(PROTOCOL_VIEWS);
  return [...groups.entries()].sort(([a], [b]) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib);
  });
}

/** One chain's part of the dashboard: its block, its total, its positions by protocol, or its own error. */
export function ChainSection({
  chainId,
  network,
  owner,
  state,
}: {
  chainId: ChainId;
  network: Network['name'] | null;
  owner: string;
  state: ChainState;
}) {
  const spec = CHAINS[chainId];
  const data = state.data;
  const failure = state.error?.message ?? data?.error ?? null;
  // A failed refresh leaves the last good read in `data`: it must not pass for current, so no total.
  const value = data && !data.error && !state.error ? chainValue(data) : null;
  const incomplete = data && !state.error ? data.protocolErrors.map((e) => e.protocol) : [];
  const headingId = `chain-${chainId}-title`;

  return (
    <Card
      aria-labelledby={headingId}
      data-testid={`chain-${chainId}`}
      data-state={failure ? 'error' : data ? 'ready' : 'loading'}
    >
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-100 px-4 py-3 dark:border-zinc-800">
        <div className="flex items-center gap-2">
          <ChainDot color={spec.color} />
          <h2 id={headingId} className="font-semibold">
            {spec.name}
          </h2>
          {network === 'mainnet' ? (
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
          {state.isFetching && data ? <span className="text-xs text-zinc-500">refreshing…</span> : null}
        </div>
      </header>

      <div className="px-4 py-3">
        {failure ? (
          <ErrorPanel title={`${spec.name} could not be read`}>
            <p data-testid="chain-error">{failure}</p>
            <p className="mt-2 text-xs">
              The other chains are unaffected. Check the RPC URL in Settings, or try again.
            </p>
            <button type="button" className={`${buttonClass} mt-2`} onClick={() => state.refetch()}>
              Retry
            </button>
          </ErrorPanel>
        ) : !data ? (
          <div className="space-y-2" role="status" aria-label={`Loading ${spec.name}`}>
            <Skeleton className="h-4 w-1/3" />
            <Skeleton className="h-4 w-full" />
            <Skeleton className="h-4 w-5/6" />
          </div>
        ) : (
          <>
            <p className="mb-2 text-xs text-zinc-500 dark:text-zinc-400" data-testid="chain-block">
              Read at block <span className="font-mono">{data.blockNumber?.toString()}</span>
              {data.blockTimestamp !== null ? ` · ${chainTime(data.blockTimestamp)}` : ''}
            </p>
            {data.positions.length === 0 &&
            data.protocolErrors.length === 0 &&
            data.summaries.length === 0 ? (
              <p className="py-4 text-center text-sm text-zinc-500">Nothing held on {spec.name}.</p>
            ) : null}
            <div className="space-y-4">
              {groupByProtocol(
                data.positions,
                // A protocol's summary carries its protocol id as `type`.
                data.summaries.map((s) => (s as { type: string }).type),
              ).map(([protocol, positions]) => {
                const view = PROTOCOL_VIEWS[protocol];
                const Component = view?.Component ?? FALLBACK_VIEW;
                const summary = data.summaries.find((s) => (s as { type: string }).type === protocol);
                return (
                  <section key={protocol} aria-label={view?.title ?? protocol} data-protocol={protocol}>
                    <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
                      {view?.title ?? protocol}
                    </h3>
                    <Component
                      chainId={chainId}
                      network={network ?? 'mainnet'}
                      positions={positions}
                      summary={summary}
                    />
                  </section>
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
}

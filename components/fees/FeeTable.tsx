import { CHAINS, type ChainId } from '@/lib/chains/registry';
import { FEE_ACTIONS, feeActionSpec } from '@/lib/fees/catalog';
import type { ActionQuote, FeeActionId } from '@/lib/fees/types';
import { type FeeColumn, feePartText, formatEth, formatGwei } from '@/lib/fees/view';
import { formatUsd } from '@/lib/format/index';
import { chainTime } from '../positions/figures';
import { Badge, ChainDot, Skeleton } from '../ui/primitives';

function ColumnHead({ column }: { column: FeeColumn }) {
  const spec = CHAINS[column.chainId];
  return (
    <th
      scope="col"
      className="min-w-52 px-3 py-2 text-left align-top font-normal"
      data-testid={`fees-head-${column.chainId}`}
    >
      <span className="flex items-center gap-2 font-semibold">
        <ChainDot color={spec.color} />
        {spec.name}
      </span>
      {column.status === 'loading' ? (
        // As tall as the quote's lines (gas, which wraps on a phone, block, ETH price), so nothing below moves
        // when it arrives (layout shift 0.094 in Lighthouse before).
        <span
          role="status"
          aria-label={`Loading ${spec.name} fees`}
          className="mt-1 block min-h-20 space-y-1"
        >
          <Skeleton className="h-3 w-32" />
          <Skeleton className="h-3 w-28" />
          <Skeleton className="h-3 w-24" />
        </span>
      ) : column.status === 'error' ? (
        <span role="alert" className="mt-1 block min-h-20 break-words text-xs text-red-700 dark:text-red-400">
          Could not be quoted: {column.error}
        </span>
      ) : (
        <span className="mt-1 block min-h-20 text-xs text-zinc-600 dark:text-zinc-300">
          <span className="block">
            gas {formatGwei(column.quote.gasPrice.effective)}
            {spec.fees.priorityFeeIgnored
              ? ' (base fee; tips ignored)'
              : ` (base ${formatGwei(column.quote.gasPrice.baseFee)} + tip ${formatGwei(column.quote.gasPrice.priorityFee)})`}
          </span>
          <span className="block">
            block <span className="font-mono">{column.quote.blockNumber.toString()}</span> ·{' '}
            {chainTime(column.quote.blockTimestamp)}
            {column.refreshing ? ' · refreshing…' : ''}
          </span>
          <span className="block">
            ETH {formatUsd(column.quote.ethUsd.usdE18)}
            {column.quote.ethUsd.status !== 'ok' ? (
              <span className="ml-1">
                <Badge tone="warn" title={column.quote.ethUsd.reason ?? undefined}>
                  price {column.quote.ethUsd.status}
                </Badge>
              </span>
            ) : null}
          </span>
        </span>
      )}
    </th>
  );
}

function ActionCell({
  quote,
  cheapest,
  untrustedPrice,
}: {
  quote: ActionQuote;
  cheapest: boolean;
  untrustedPrice: boolean;
}) {
  if (quote.error !== null) {
    return <span className="text-sm text-zinc-600 dark:text-zinc-300">Unavailable: {quote.error}</span>;
  }
  const typical = quote.gasSource?.kind === 'typical' ? quote.gasSource.reason : null;
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-baseline gap-2">
        <span className="text-base font-semibold tabular-nums" data-testid="fee-total-usd">
          {quote.totalWei === null ? 'unknown' : formatUsd(quote.totalUsdE18)}
          {untrustedPrice && quote.totalUsdE18 !== null ? ' *' : ''}
        </span>
        {cheapest ? <Badge tone="good">cheapest</Badge> : null}
        {typical ? (
          <Badge tone="warn" title={typical}>
            typical gas
          </Badge>
        ) : null}
      </div>
      <div className="font-mono text-xs tabular-nums text-zinc-600 dark:text-zinc-300">
        {formatEth(quote.totalWei)}
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs text-zinc-600 dark:text-zinc-300">
        <dt>L2 execution</dt>
        <dd className="tabular-nums" title={quote.execution.note ?? undefined}>
          {feePartText(quote.execution)}
          {quote.gas !== null ? ` (${typical ? '~' : ''}${quote.gas.toLocaleString('en-US')} gas)` : ''}
        </dd>
        <dt>L1 data</dt>
        <dd
          className={`tabular-nums ${quote.l1Data.status === 'unavailable' ? 'text-red-700 dark:text-red-400' : ''}`}
          title={quote.l1Data.note ?? undefined}
        >
          {feePartText(quote.l1Data)}
        </dd>
        {quote.operator && quote.operator.wei !== 0n ? (
          <>
            <dt>Operator</dt>
            <dd className="tabular-nums" title={quote.operator.note ?? undefined}>
              {feePartText(quote.operator)}
            </dd>
          </>
        ) : null}
      </dl>
      {quote.l1Data.status === 'unavailable' && quote.l1Data.note ? (
        <p className="break-words text-xs text-red-700 dark:text-red-400">{quote.l1Data.note}</p>
      ) : null}
    </div>
  );
}

/**
 * A loading cell laid out as a quoted one (same lines, same type, stand-in text of a typical length,
 * unreadable), so a row is as tall before its quotes as after: a small skeleton let rows grow from 77 to
 * 153 px at 412 px wide when the quotes came (layout shift 0.03 on /fees).
 */
function ActionCellSkeleton() {
  const bar = 'animate-pulse rounded bg-zinc-200 text-transparent select-none dark:bg-zinc-800';
  return (
    <div className="space-y-1" aria-hidden="true">
      <div className="text-base font-semibold">
        <span className={bar}>$0.00</span>
      </div>
      <div className="font-mono text-xs">
        <span className={bar}>0.000000000 ETH</span>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
        <dt className={bar}>L2 execution</dt>
        <dd>
          <span className={bar}>0.000000000 ETH (00,000 gas)</span>
        </dd>
        <dt className={bar}>L1 data</dt>
        <dd>
          <span className={bar}>0.000000000 ETH</span>
        </dd>
      </dl>
    </div>
  );
}

/**
 * The fee table: one column per chain, one row per action, each cell split into L2 execution and L1
 * data, in USD and ETH, the cheapest chain per action marked. A chain that failed says why in its
 * column; the others render.
 */
export function FeeTable({
  columns,
  cheapest,
}: {
  columns: readonly FeeColumn[];
  cheapest: Record<FeeActionId, ChainId[]>;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="fee-table">
        <caption className="sr-only">
          Cost of common transactions on each chain right now, split into L2 execution and L1 data
        </caption>
        <thead>
          <tr className="border-b border-zinc-200 dark:border-zinc-800">
            <th
              scope="col"
              className="px-3 py-2 text-left align-bottom text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-300"
            >
              Action
            </th>
            {columns.map((c) => (
              <ColumnHead key={c.chainId} column={c} />
            ))}
          </tr>
        </thead>
        <tbody>
          {FEE_ACTIONS.map((action) => (
            <tr
              key={action}
              className="border-b border-zinc-100 align-top last:border-0 dark:border-zinc-800"
              data-action={action}
            >
              <th scope="row" className="px-3 py-3 text-left font-normal">
                <span className="block font-medium">{feeActionSpec(action).label}</span>
                <span className="block text-xs text-zinc-600 dark:text-zinc-300">
                  {feeActionSpec(action).description}
                </span>
              </th>
              {columns.map((c) => {
                const quote =
                  c.status === 'ready' ? c.quote.actions.find((a) => a.action === action) : undefined;
                return (
                  <td key={c.chainId} className="px-3 py-3" data-chain={c.chainId}>
                    {c.status === 'loading' ? (
                      <ActionCellSkeleton />
                    ) : c.status === 'error' || !quote ? (
                      <span className="text-xs text-zinc-600 dark:text-zinc-300">unavailable</span>
                    ) : (
                      <ActionCell
                        quote={quote}
                        cheapest={(cheapest[action] ?? []).includes(c.chainId)}
                        untrustedPrice={c.quote.ethUsd.status !== 'ok'}
                      />
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

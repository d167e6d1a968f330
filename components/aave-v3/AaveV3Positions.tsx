'use client';

import { useId, useState } from 'react';
import { formatPercent, formatUsd } from '@/lib/format/index';
import type { Position } from '@/lib/portfolio/types';
import { rayToNumber } from '@/lib/protocols/aave-v3/math';
import type { AaveV3PositionDetails, AaveV3Summary } from '@/lib/protocols/aave-v3/types';
import { isAaveV3Details, isAaveV3Summary } from '@/lib/protocols/aave-v3/types';
import { formatHealthFactor } from '@/lib/protocols/aave-v3/view';
import { AssetAmountText, AssetValue, PriceFlag } from '../positions/figures';
import type { ProtocolViewProps } from '../positions/types';
import { Badge, buttonClass } from '../ui/primitives';
import { HealthFactorGauge } from './HealthFactorGauge';

const bps = (value: bigint) => formatPercent(Number(value) / 10_000);

function Figure({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-xs text-zinc-600 dark:text-zinc-300">{label}</dt>
      <dd className="font-medium tabular-nums" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** Account figures: health factor gauge, net APY, collateral, debt, borrowing power, LTV. */
function AccountSummary({ summary }: { summary: AaveV3Summary }) {
  const { account, usd, health } = summary;
  const net = summary.netApy;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-start gap-x-8 gap-y-3">
        <HealthFactorGauge health={health} />
        <dl className="grid w-full grid-cols-2 gap-x-6 gap-y-2 text-sm sm:w-auto sm:flex-1 sm:grid-cols-3">
          <Figure label="Net APY" testId="aave-net-apy">
            {net === null ? (
              <span className="text-zinc-600 dark:text-zinc-300" title={summary.netApyNote ?? undefined}>
                —
              </span>
            ) : (
              <span
                className={
                  net < 0 ? 'text-red-700 dark:text-red-400' : 'text-emerald-700 dark:text-emerald-400'
                }
                title={
                  summary.netApyNote ?? 'supply interest and incentives, less borrow cost, over net worth'
                }
              >
                {net > 0 ? '+' : ''}
                {formatPercent(net)}
              </span>
            )}
          </Figure>
          <Figure label="Collateral">{usd ? formatUsd(usd.collateral) : '—'}</Figure>
          <Figure label="Debt">{usd ? formatUsd(usd.debt) : '—'}</Figure>
          <Figure label="Can still borrow">{usd ? formatUsd(usd.availableBorrows) : '—'}</Figure>
          <Figure label="Loan to value">{account ? bps(account.ltvBps) : '—'}</Figure>
          <Figure label="Liquidation threshold">
            {account ? bps(account.liquidationThresholdBps) : '—'}
          </Figure>
        </dl>
      </div>
      {health.state === 'active' && health.band === 'liquidatable' ? (
        <p
          role="alert"
          className="rounded-lg bg-red-50 p-2 text-sm text-red-900 dark:bg-red-950/50 dark:text-red-200"
        >
          Health factor {formatHealthFactor(health.factorWad)} is under 1: this account can be liquidated now.
        </p>
      ) : health.state === 'active' && health.band === 'at-risk' ? (
        <p
          role="alert"
          className="rounded-lg bg-red-50 p-2 text-sm text-red-900 dark:bg-red-950/50 dark:text-red-200"
        >
          Health factor {formatHealthFactor(health.factorWad)} is under 1.1: a small price move can get this
          account liquidated.
        </p>
      ) : null}
      {health.state === 'unavailable' ? (
        <p
          role="alert"
          className="rounded-lg bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-200"
        >
          Health factor unavailable: {health.reason}
        </p>
      ) : null}
      {summary.notices.length > 0 || summary.warnings.length > 0 ? (
        <ul className="space-y-1 text-xs text-amber-800 dark:text-amber-300" aria-label="Market notices">
          {summary.notices.map((n) => (
            <li key={`${n.asset}-${n.issue}`} className="flex flex-wrap items-center gap-1.5">
              <Badge tone={n.issue === 'frozen' ? 'warn' : 'bad'}>
                {n.symbol} {n.issue.replace('-', ' ')}
              </Badge>
              <span>{n.detail}</span>
            </li>
          ))}
          {summary.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A supply or borrow with its Aave details, narrowed once by the module's guard. */
type LendingRow = Position & { details: AaveV3PositionDetails };

function isLendingRow(p: Position): p is LendingRow {
  return isAaveV3Details(p.details);
}

function Apy({ position }: { position: LendingRow }) {
  const d = position.details;
  const apy = rayToNumber(d.apyRay);
  return (
    <span className="inline-flex flex-col items-end">
      <span
        className="tabular-nums"
        title={`annual rate ${formatPercent(rayToNumber(d.rateRay), 3)}, compounded per second`}
      >
        {d.side === 'borrow' ? '−' : ''}
        {formatPercent(apy)}
      </span>
      {d.incentives.map((i) => (
        <span
          key={i.reward}
          className="text-xs text-emerald-700 dark:text-emerald-400"
          title={i.note ?? `${i.symbol} emitted by the rewards controller`}
        >
          {i.aprRay === null ? `${i.symbol} ?` : `+${formatPercent(rayToNumber(i.aprRay))} ${i.symbol}`}
        </span>
      ))}
    </span>
  );
}

/** Reserve state badges of a position (frozen, paused, inactive, no oracle price). */
function ReserveState({ position }: { position: LendingRow }) {
  const d = position.details;
  return (
    <>
      {!d.reserve.active ? <Badge tone="bad">inactive</Badge> : null}
      {d.reserve.paused ? (
        <Badge tone="bad" title="no withdraw, repay or liquidation until unpaused">
          paused
        </Badge>
      ) : null}
      {d.reserve.frozen ? (
        <Badge tone="warn" title="no new supply or borrow; withdraw and repay work">
          frozen
        </Badge>
      ) : null}
      {d.priceInBase === null ? (
        <Badge tone="bad" title="the Aave oracle's price source for this asset reverts">
          no Aave price
        </Badge>
      ) : null}
    </>
  );
}

function LendingTable({
  title,
  side,
  positions,
  showDetails,
}: {
  title: string;
  side: 'supply' | 'borrow';
  positions: LendingRow[];
  showDetails: boolean;
}) {
  if (positions.length === 0) return null;
  return (
    <table className="w-full text-sm sm:table-fixed" data-testid={`aave-${side}-table`}>
      <caption className="pb-1 text-left text-xs font-medium text-zinc-600 dark:text-zinc-300">
        {title}
      </caption>
      <thead className="text-left text-xs uppercase tracking-wide text-zinc-600 dark:text-zinc-300">
        <tr>
          <th scope="col" className="py-1.5 pr-2 font-medium sm:w-[24%]">
            Asset
          </th>
          <th scope="col" className="py-1.5 pr-2 text-right font-medium sm:w-[30%]">
            {side === 'supply' ? 'Supplied' : 'Debt'}
          </th>
          <th scope="col" className="hidden py-1.5 pr-2 text-right font-medium sm:table-cell sm:w-[18%]">
            Value
          </th>
          <th scope="col" className="py-1.5 pr-2 text-right font-medium sm:w-[14%]">
            APY
          </th>
          <th scope="col" className="hidden py-1.5 text-right font-medium sm:table-cell">
            {side === 'supply' ? 'Collateral' : 'Rate'}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {positions.map((p) => {
          const d = p.details;
          const asset = p.assets[0];
          return (
            <tr key={p.id} data-testid="aave-row" data-asset={d.asset} data-side={side}>
              <th scope="row" className="max-w-40 py-2 pr-2 text-left font-medium">
                <span className="block truncate">{p.label}</span>
                <span className="flex flex-wrap gap-1">
                  <ReserveState position={p} />
                </span>
                {side === 'supply' ? (
                  <span className="block text-xs font-normal text-zinc-600 dark:text-zinc-300 sm:hidden dark:text-zinc-400">
                    {d.usedAsCollateral ? 'collateral' : 'not collateral'}
                  </span>
                ) : null}
                {showDetails ? (
                  <span className="block text-xs font-normal text-zinc-600 dark:text-zinc-300">
                    LTV {bps(d.ltvBps)} · liq. threshold {bps(d.liquidationThresholdBps)}
                    {asset ? ` · price: ${asset.price.label}` : ''}
                  </span>
                ) : null}
              </th>
              <td className="py-2 pr-2 text-right">
                {asset ? (
                  <>
                    <span className="inline-flex flex-wrap items-center justify-end gap-1.5">
                      <AssetAmountText asset={asset} />
                      <PriceFlag price={asset.price} />
                    </span>
                    {/* On narrow screens the value sits under the amount instead of in its own column. */}
                    <span className="block text-xs tabular-nums text-zinc-600 dark:text-zinc-300 sm:hidden dark:text-zinc-400">
                      {side === 'borrow' ? '−' : ''}
                      <AssetValue asset={asset} />
                    </span>
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td className="hidden py-2 pr-2 text-right tabular-nums sm:table-cell">
                {asset ? (
                  <>
                    {side === 'borrow' ? '−' : ''}
                    <AssetValue asset={asset} />
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td className="py-2 pr-2 text-right">
                <Apy position={p} />
              </td>
              <td className="hidden py-2 text-right text-xs sm:table-cell">
                {side === 'supply' ? (
                  d.usedAsCollateral ? (
                    <span className="text-emerald-700 dark:text-emerald-400">yes</span>
                  ) : (
                    <span className="text-zinc-600 dark:text-zinc-300">no</span>
                  )
                ) : (
                  d.rateMode
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * An account's Aave V3 market on one chain: health factor gauge and account figures, then what it
 * supplies and borrows with their APYs (and incentives), then its unclaimed incentives. Read-only:
 * nothing here acts on the account.
 */
export function AaveV3Positions({ positions, summary }: ProtocolViewProps) {
  const [showDetails, setShowDetails] = useState(false);
  const detailsId = useId();
  const aave = isAaveV3Summary(summary) ? summary : undefined;
  const rows = positions.filter(isLendingRow);
  const supplied = rows.filter((p) => p.kind === 'supply');
  const borrowed = rows.filter((p) => p.kind === 'borrow');
  const owed = positions.filter((p) => p.kind === 'farming');
  return (
    <div className="space-y-3" data-testid="aave-v3">
      {aave ? <AccountSummary summary={aave} /> : null}
      <div id={detailsId} className="space-y-3">
        <LendingTable title="Supplied" side="supply" positions={supplied} showDetails={showDetails} />
        <LendingTable title="Borrowed" side="borrow" positions={borrowed} showDetails={showDetails} />
      </div>
      {owed.map((p) => (
        <p key={p.id} className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-xs text-zinc-600 dark:text-zinc-300">Unclaimed incentives</span>
          {p.rewards.map((r) => (
            <span key={r.token} className="inline-flex items-center gap-1.5">
              <AssetAmountText asset={r} /> <AssetValue asset={r} /> <PriceFlag price={r.price} />
            </span>
          ))}
        </p>
      ))}
      {supplied.length + borrowed.length > 0 ? (
        <button
          type="button"
          className={`${buttonClass} text-xs`}
          aria-expanded={showDetails}
          aria-controls={detailsId}
          onClick={() => setShowDetails((v) => !v)}
        >
          {showDetails ? 'Hide reserve parameters' : 'Show reserve parameters'}
        </button>
      ) : null}
    </div>
  );
}

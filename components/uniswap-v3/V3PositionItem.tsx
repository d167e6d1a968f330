'use client';

import { useState } from 'react';
import { formatUsd } from '@/lib/format/index';
import type { Position } from '@/lib/portfolio/types';
import { positionValue } from '@/lib/portfolio/value';
import { type RangeSide, rangeView, sideText } from '@/lib/protocols/uniswap-v3/format';
import type { UniswapV3PositionDetails } from '@/lib/protocols/uniswap-v3/types';
import { isV3Details } from '@/lib/protocols/uniswap-v3/types';
import { AssetAmountText, PriceFlag, YieldText } from '../positions/figures';
import { Badge, type Tone } from '../ui/primitives';
import { RangeBar } from './RangeBar';

const SIDE_BADGE: Record<RangeSide, { tone: Tone; text: string }> = {
  'in-range': { tone: 'good', text: 'In range' },
  'price-below': { tone: 'warn', text: 'Out of range' },
  'price-above': { tone: 'warn', text: 'Out of range' },
  closed: { tone: 'neutral', text: 'Closed' },
  unknown: { tone: 'bad', text: 'Pool unreadable' },
};

/** A position the reader could not make sense of: what it is, and what went wrong. */
function BrokenPosition({ position }: { position: Position }) {
  return (
    <li className="py-3" data-testid="v3-position" data-state="broken">
      <p className="font-medium">{position.label}</p>
      <p role="note" className="text-xs text-amber-700 dark:text-amber-400">
        {position.warning ?? 'this position could not be read'}
      </p>
    </li>
  );
}

/**
 * One concentrated-liquidity position: pair and fee tier, range bar with the current price, status,
 * amounts, uncollected fees, value, fee APR with its window, and (mainnet) a link to the NFT.
 */
export function V3PositionItem({ position }: { position: Position }) {
  const details: UniswapV3PositionDetails | null = isV3Details(position.details) ? position.details : null;
  const [flipped, setFlipped] = useState<boolean | null>(null);
  if (!details) return <BrokenPosition position={position} />;
  const view = rangeView(details, flipped ?? undefined);
  const badge = SIDE_BADGE[view.side];
  const value = positionValue(position);
  const fees = position.rewards.filter((a) => a.amount > 0n);
  const pairId = `v3-${position.id.replaceAll(':', '-')}`;
  return (
    <li
      className="py-3"
      data-testid="v3-position"
      data-state={view.side}
      data-token-id={details.tokenId.toString()}
      aria-labelledby={`${pairId}-title`}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p id={`${pairId}-title`} className="flex flex-wrap items-center gap-1.5 font-medium">
            <span className="truncate">
              {details.token0.symbol}/{details.token1.symbol}
            </span>
            <Badge>{details.feeLabel}</Badge>
            <Badge tone={badge.tone} title={sideText(view.side)}>
              {badge.text}
            </Badge>
            <span className="text-xs font-normal text-zinc-600 dark:text-zinc-300">
              #{details.tokenId.toString()}
            </span>
          </p>
        </div>
        <div className="text-right">
          <p className="tabular-nums" data-testid="v3-value">
            {value.unpriced > 0 && value.usdE18 === 0n ? '—' : formatUsd(value.usdE18)}
            {value.includesUntrusted ? ' *' : ''}
            {value.unpriced > 0 && value.usdE18 !== 0n ? (
              <span
                className="text-xs text-zinc-600 dark:text-zinc-300"
                title="Part of this position has no usable price and is not counted"
              >
                {' '}
                + unpriced
              </span>
            ) : null}
          </p>
          <p className="text-xs" data-testid="v3-apr">
            <YieldText value={position.yield} />
          </p>
        </div>
      </div>

      <div className="mt-2 space-y-1">
        <RangeBar view={view} />
        <p className="flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-300">
          <span>
            {view.fullRange ? 'Full range' : `${view.lower} – ${view.upper}`} {view.quote.symbol} per{' '}
            {view.base.symbol}
            {view.inBaseUnits ? ' (base units)' : ''}
            {view.current !== null ? ` · now ${view.current}` : ''}
          </span>
          <button
            type="button"
            className="rounded border border-zinc-300 px-1.5 py-0.5 text-[11px] hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:hover:bg-zinc-800"
            aria-label={`Show prices in ${view.base.symbol} per ${view.quote.symbol}`}
            onClick={() => setFlipped(view.base.address !== details.token1.address)}
          >
            ⇄ {view.base.symbol} per {view.quote.symbol}
          </button>
        </p>
      </div>

      <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-2">
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
        <div className="min-w-0 overflow-x-auto" tabIndex={0}>
          <dt className="text-xs text-zinc-600 dark:text-zinc-300">Holds</dt>
          <dd>
            <ul>
              {position.assets.map((a) => (
                <li key={`asset-${a.token}`} className="flex items-center gap-1.5">
                  <AssetAmountText asset={a} /> <PriceFlag price={a.price} />
                </li>
              ))}
            </ul>
          </dd>
        </div>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
        <div className="min-w-0 overflow-x-auto" tabIndex={0}>
          <dt className="text-xs text-zinc-600 dark:text-zinc-300">Uncollected fees</dt>
          <dd data-testid="v3-fees">
            {fees.length === 0 ? (
              <span className="text-zinc-600 dark:text-zinc-300">none</span>
            ) : (
              <ul>
                {fees.map((a) => (
                  <li key={`fee-${a.token}`} className="flex items-center gap-1.5">
                    <AssetAmountText asset={a} /> <PriceFlag price={a.price} />
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>

      {details.feeApr.note ? (
        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-300" data-testid="v3-apr-note">
          Fee APR: {details.feeApr.note}
        </p>
      ) : null}
      {position.warning ? (
        <p role="note" className="mt-1 text-xs text-amber-700 dark:text-amber-400">
          {position.warning}
        </p>
      ) : null}
      {details.explorerUrl ? (
        <a
          className="mt-1 inline-block text-xs text-sky-700 underline-offset-2 hover:underline dark:text-sky-400"
          href={details.explorerUrl}
          target="_blank"
          rel="noreferrer noopener"
        >
          Position #{details.tokenId.toString()} on the explorer ↗
        </a>
      ) : null}
    </li>
  );
}

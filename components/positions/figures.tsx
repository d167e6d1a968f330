import { formatAmount, formatPercent, formatPrice, formatUsd } from '@/lib/format/index';
import type { AssetAmount, Position, YieldEstimate } from '@/lib/portfolio/types';
import { positionValue } from '@/lib/portfolio/value';
import { formatAge } from '@/lib/prices/reading';
import type { PriceReading } from '@/lib/prices/types';
import { Badge } from '../ui/primitives';

const PRICE_STATUS_TEXT: Record<PriceReading['status'], string> = {
  ok: 'ok',
  stale: 'stale price',
  invalid: 'bad price',
  failed: 'price unavailable',
  'sequencer-down': 'sequencer down',
  'no-feed': 'no price feed',
};

/** A price's trust state: nothing when fine, a labelled badge with the reason when not. */
export function PriceFlag({ price }: { price: PriceReading }) {
  if (price.status === 'ok') return null;
  const tone = price.status === 'no-feed' ? 'neutral' : price.status === 'stale' ? 'warn' : 'bad';
  return (
    <Badge tone={tone} title={price.reason ?? undefined}>
      {PRICE_STATUS_TEXT[price.status]}
    </Badge>
  );
}

export function AssetValue({ asset }: { asset: AssetAmount }) {
  const untrusted = asset.usdE18 !== null && asset.price.status !== 'ok';
  return (
    <span
      className={untrusted ? 'text-amber-700 dark:text-amber-400' : undefined}
      title={untrusted ? (asset.price.reason ?? undefined) : undefined}
    >
      {formatUsd(asset.usdE18)}
      {untrusted ? ' *' : ''}
    </span>
  );
}

export function AssetAmountText({ asset }: { asset: AssetAmount }) {
  return (
    <span
      className="whitespace-nowrap font-mono tabular-nums"
      title={`${asset.amount.toString()} base units`}
    >
      {formatAmount(asset.amount, asset.decimals)} <span className="font-sans">{asset.symbol}</span>
    </span>
  );
}

export function UnitPrice({ price }: { price: PriceReading }) {
  if (price.usdE18 === null) return <span className="text-zinc-600 dark:text-zinc-300">—</span>;
  const age = price.updatedAt;
  const title = `${price.label}${price.note ? ` (${price.note})` : ''}${age !== null ? `, updated ${chainTime(age)}` : ''}`;
  return <span title={title}>{formatPrice(price.usdE18)}</span>;
}

/**
 * An estimated yield, split by where it comes from, with the window it was measured over. Unknown is said
 * in words (never 0 %), and so is a known zero ("earns nothing").
 */
export function YieldText({
  value,
  unknownReason,
}: {
  value: YieldEstimate | null;
  unknownReason?: string | null;
}) {
  if (!value) {
    return (
      <span
        className="text-zinc-600 dark:text-zinc-300"
        title={unknownReason ?? 'the yield could not be estimated'}
      >
        yield unknown
      </span>
    );
  }
  if (value.baseApr === 0 && value.rewardApr === 0) {
    return (
      <span className="text-zinc-600 dark:text-zinc-300" title={`${value.window} · ${value.source}`}>
        earns nothing
      </span>
    );
  }
  const total = value.baseApr + value.rewardApr;
  const parts = [`fees/interest ${formatPercent(value.baseApr)}`];
  if (value.rewardApr !== 0) parts.push(`emissions ${formatPercent(value.rewardApr)}`);
  const rewardTokens = value.rewards?.map((r) => `${r.symbol} (priced by ${r.priceSource})`).join(', ');
  return (
    <span
      title={`${parts.join(' + ')} · ${value.window} · ${value.source}${rewardTokens ? ` · paid in ${rewardTokens}` : ''}${value.apy !== null && value.apy !== total ? ` · APY ${formatPercent(value.apy)}` : ''}`}
    >
      <span className="font-medium tabular-nums">{formatPercent(total)}</span>{' '}
      <span className="text-xs text-zinc-600 dark:text-zinc-300">
        {value.rewardApr !== 0 ? `(${formatPercent(value.rewardApr)} emissions) ` : ''}
        {value.window}
      </span>
    </span>
  );
}

/** A position's value (debts negative; "—" when nothing in it could be valued) and its yield. */
export function PositionValueAndYield({ position }: { position: Position }) {
  const value = positionValue(position);
  return (
    <div className="text-right">
      <p className="tabular-nums">
        {value.unpriced > 0 && value.usdE18 === 0n ? '—' : formatUsd(value.usdE18)}
        {value.unpriced > 0 && value.usdE18 !== 0n ? (
          <span className="text-xs text-zinc-600 dark:text-zinc-400"> + unpriced</span>
        ) : null}
      </p>
      <p className="text-xs">
        <YieldText value={position.yield} unknownReason={position.warning} />
      </p>
    </div>
  );
}

export function chainTime(timestamp: bigint): string {
  return `${new Date(Number(timestamp) * 1000).toISOString().replace('T', ' ').slice(0, 19)} UTC`;
}

export { formatAge };

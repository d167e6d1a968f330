import { formatAmount, formatPercent } from '@/lib/format/index';
import type { Position } from '@/lib/portfolio/types';
import { isVaultDetails } from '@/lib/protocols/vaults/types';
import { sharePriceText } from '@/lib/protocols/vaults/view';
import { AssetAmountText, AssetValue, PriceFlag } from '../positions/figures';
import type { ProtocolViewProps } from '../positions/types';
import { Badge } from '../ui/primitives';

/** The share price's growth in words: what it did, over which window, from which blocks. */
function VaultYield({ p }: { p: Position }) {
  const d = isVaultDetails(p.details) ? p.details : null;
  if (!p.yield) {
    return (
      <span className="text-xs text-zinc-600 dark:text-zinc-300" data-testid="vault-yield-unknown">
        yield unknown{d?.yieldNote ? `: ${d.yieldNote}` : ''}
      </span>
    );
  }
  const apr = p.yield.baseApr + p.yield.rewardApr;
  return (
    <span title={p.yield.source} data-testid="vault-yield">
      <span className={`font-medium tabular-nums ${apr < 0 ? 'text-red-700 dark:text-red-400' : ''}`}>
        {formatPercent(apr)}
      </span>{' '}
      <span className="text-xs text-zinc-600 dark:text-zinc-300">
        a year · share price {apr < 0 ? 'fell' : 'grew'} over {p.yield.window}
      </span>
    </span>
  );
}

/** ERC-4626 vault positions: shares, what they convert to, the share price and its growth. */
export function VaultPositions({ positions }: ProtocolViewProps) {
  return (
    <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
      {positions.map((p) => {
        const d = isVaultDetails(p.details) ? p.details : null;
        const asset = p.assets[0];
        const price = d && asset ? sharePriceText(d, asset.decimals, asset.symbol) : null;
        return (
          <li
            key={p.id}
            className="flex flex-wrap items-start justify-between gap-2 py-2"
            data-testid="vault-row"
            data-vault={d?.vault ?? p.id.split(':')[2]}
          >
            <div className="min-w-0">
              <p className="font-medium">
                <span className="break-all">{p.label}</span>{' '}
                {d?.userAdded ? <Badge tone="neutral">added by you</Badge> : null}
              </p>
              {d ? (
                <p className="text-xs text-zinc-600 dark:text-zinc-300">
                  {formatAmount(d.shares, d.shareDecimals)} shares{price ? ` · ${price}` : ''}
                </p>
              ) : null}
              {asset ? (
                <p className="flex items-center gap-1.5 text-zinc-600 dark:text-zinc-300">
                  <AssetAmountText asset={asset} /> <PriceFlag price={asset.price} />
                </p>
              ) : null}
              {p.warning ? (
                <p
                  className="text-xs text-amber-700 dark:text-amber-400"
                  role="note"
                  data-testid="vault-warning"
                >
                  {p.warning}
                </p>
              ) : null}
            </div>
            <div className="text-right">
              <p className="tabular-nums">{asset ? <AssetValue asset={asset} /> : '—'}</p>
              <p className="text-xs">{asset ? <VaultYield p={p} /> : null}</p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

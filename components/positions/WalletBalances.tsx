import { formatPercent } from '@/lib/format/index';
import type { Position } from '@/lib/portfolio/types';
import { AssetAmountText, AssetValue, PriceFlag, UnitPrice } from './figures';
import type { ProtocolViewProps } from './types';

function sortKey(p: Position): bigint {
  return p.assets[0]?.usdE18 ?? -1n;
}

/** Token balances: amount, unit price (with its trust state) and value, most valuable first. */
export function WalletBalances({ positions, protocolInfo }: ProtocolViewProps) {
  const rows = [...positions].sort((a, b) =>
    sortKey(b) > sortKey(a) ? 1 : sortKey(b) < sortKey(a) ? -1 : 0,
  );
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Token balances</caption>
      <thead className="text-left text-xs uppercase tracking-wide text-zinc-600 dark:text-zinc-300">
        <tr>
          <th scope="col" className="py-1.5 pr-2 font-medium">
            Token
          </th>
          <th scope="col" className="py-1.5 pr-2 text-right font-medium">
            Amount
          </th>
          <th scope="col" className="hidden py-1.5 pr-2 text-right font-medium sm:table-cell">
            Price
          </th>
          <th scope="col" className="py-1.5 text-right font-medium">
            Value
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {rows.map((p) => {
          const asset = p.assets[0];
          return (
            <tr key={p.id} data-testid="balance-row" data-token={asset?.token ?? ''}>
              <th scope="row" className="max-w-40 py-2 pr-2 text-left font-medium">
                <span className="block truncate" title={p.warning ?? undefined}>
                  {p.label}
                </span>
                {p.warning ? (
                  <span className="block text-xs font-normal text-amber-700 dark:text-amber-400">
                    {p.warning}
                  </span>
                ) : null}
                {p.yield && (p.yield.baseApr !== 0 || p.yield.rewardApr !== 0) ? (
                  <span
                    className="block text-xs font-normal text-emerald-700 dark:text-emerald-400"
                    title={`${p.yield.window} · ${p.yield.source}`}
                    data-testid="balance-yield"
                  >
                    earns {formatPercent(p.yield.baseApr + p.yield.rewardApr)} a year by being held (
                    {(p.yield.components ?? []).map((c) => c.label).join(', ') || p.yield.source},{' '}
                    {p.yield.window})
                  </span>
                ) : null}
                {p.countedIn ? (
                  <span
                    className="block text-xs font-normal text-zinc-600 dark:text-zinc-300"
                    data-testid="balance-counted-in"
                  >
                    receipt: counted in {countedInName(p.countedIn, protocolInfo)}, not again here
                  </span>
                ) : null}
              </th>
              <td className="py-2 pr-2 text-right">{asset ? <AssetAmountText asset={asset} /> : '—'}</td>
              <td className="hidden py-2 pr-2 text-right sm:table-cell">
                {asset ? (
                  <span className="inline-flex items-center justify-end gap-1.5">
                    <UnitPrice price={asset.price} />
                    <PriceFlag price={asset.price} />
                  </span>
                ) : null}
              </td>
              <td className="py-2 text-right tabular-nums">{asset ? <AssetValue asset={asset} /> : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The protocol a receipt's position belongs to (`chainId:protocol:…`), by its name where the data has it. */
function countedInName(countedIn: string, info: ProtocolViewProps['protocolInfo']): string {
  const id = countedIn.split(':')[1] ?? '';
  return info ? info(id).name : id;
}

import { AssetAmountText, PositionValueAndYield, PriceFlag } from './figures';
import type { ProtocolViewProps } from './types';

/** Any protocol without a view of its own: what each position holds, its value and yield. */
export function GenericPositions({ positions }: ProtocolViewProps) {
  return (
    <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
      {positions.map((p) => {
        return (
          <li
            key={p.id}
            className="flex flex-wrap items-start justify-between gap-2 py-2"
            data-testid="position"
          >
            <div className="min-w-0">
              <p className="font-medium">
                {p.label}{' '}
                <span className="text-xs font-normal text-zinc-600 dark:text-zinc-300">{p.kind}</span>
              </p>
              <ul className="text-zinc-600 dark:text-zinc-300">
                {p.assets.map((a) => (
                  <li key={`asset-${a.token}`} className="flex items-center gap-1.5">
                    <AssetAmountText asset={a} /> <PriceFlag price={a.price} />
                  </li>
                ))}
                {p.rewards.map((a) => (
                  <li key={`reward-${a.token}`} className="flex items-center gap-1.5">
                    <span className="text-xs text-zinc-600 dark:text-zinc-300">claimable</span>{' '}
                    <AssetAmountText asset={a} /> <PriceFlag price={a.price} />
                  </li>
                ))}
              </ul>
              {p.warning ? <p className="text-xs text-amber-700 dark:text-amber-400">{p.warning}</p> : null}
            </div>
            <PositionValueAndYield position={p} />
          </li>
        );
      })}
    </ul>
  );
}

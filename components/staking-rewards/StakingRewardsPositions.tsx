import { formatAmount, formatPercent, formatUsd } from '@/lib/format/index';
import { positionValue } from '@/lib/portfolio/value';
import type { FarmInfo } from '@/lib/protocols/staking-rewards/types';
import { isStakingRewardsDetails, isStakingRewardsSummary } from '@/lib/protocols/staking-rewards/types';
import { AssetAmountText, chainTime, PriceFlag, YieldText } from '../positions/figures';
import type { ProtocolViewProps } from '../positions/types';
import { Badge } from '../ui/primitives';

function FarmRow({ farm }: { farm: FarmInfo }) {
  const who = farm.name ?? (farm.origin === 'user' ? 'added by you' : 'known');
  if (farm.error) {
    return (
      <tr data-testid="farm" data-state="error">
        <td className="py-1 pr-3 font-mono text-xs break-all">{farm.address}</td>
        <td className="py-1 text-amber-700 dark:text-amber-400" colSpan={4}>
          {farm.error}
        </td>
      </tr>
    );
  }
  const rate =
    farm.rewardRate !== null
      ? `${formatAmount(farm.rewardRate * 86_400n, farm.rewardDecimals)} ${farm.rewardSymbol}/day`
      : '—';
  return (
    <tr data-testid="farm" data-state={farm.rewardApr !== null ? 'apr' : 'no-apr'}>
      <td className="py-1 pr-3">
        {farm.stakingSymbol} → {farm.rewardSymbol}{' '}
        <span className="text-xs text-zinc-600 dark:text-zinc-300">({who})</span>
        {farm.warning ? <p className="text-xs text-amber-700 dark:text-amber-400">{farm.warning}</p> : null}
      </td>
      <td className="py-1 pr-3 tabular-nums">{rate}</td>
      <td className="py-1 pr-3 tabular-nums">
        {farm.periodFinish ? chainTime(farm.periodFinish).slice(0, 10) : 'never started'}
        {farm.active === false ? <Badge tone="neutral">ended</Badge> : null}
      </td>
      <td className="py-1 pr-3 tabular-nums">
        {farm.totalStakedUsdE18 !== null ? formatUsd(farm.totalStakedUsdE18) : 'unpriced'}
      </td>
      <td className="py-1 tabular-nums" data-testid="farm-apr">
        {farm.rewardApr !== null ? (
          formatPercent(farm.rewardApr)
        ) : (
          <span className="text-zinc-600 dark:text-zinc-300">{farm.aprNote}</span>
        )}
      </td>
    </tr>
  );
}

/** Farm positions (staked, earned, yield or why none) and every farm's rate, period end and stake. */
export function StakingRewardsPositions({ positions, summary }: ProtocolViewProps) {
  const farms = isStakingRewardsSummary(summary) ? summary.farms : [];
  return (
    <div className="space-y-3 text-sm">
      <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {positions.map((p) => {
          const d = isStakingRewardsDetails(p.details) ? p.details : null;
          const value = positionValue(p);
          return (
            <li
              key={p.id}
              className="flex flex-wrap items-start justify-between gap-2 py-2"
              data-testid="farm-position"
            >
              <div className="min-w-0">
                <p className="font-medium">{p.label}</p>
                <ul className="text-zinc-600 dark:text-zinc-300">
                  {p.assets.map((a) => (
                    <li key={`a-${a.token}`} className="flex items-center gap-1.5">
                      <span className="text-xs text-zinc-600 dark:text-zinc-300">staked</span>{' '}
                      <AssetAmountText asset={a} /> <PriceFlag price={a.price} />
                    </li>
                  ))}
                  {p.rewards.map((a) => (
                    <li key={`r-${a.token}`} className="flex items-center gap-1.5" data-testid="farm-earned">
                      <span className="text-xs text-zinc-600 dark:text-zinc-300">earned</span>{' '}
                      <AssetAmountText asset={a} /> <PriceFlag price={a.price} />
                    </li>
                  ))}
                </ul>
                {p.warning ? <p className="text-xs text-amber-700 dark:text-amber-400">{p.warning}</p> : null}
              </div>
              <div className="text-right">
                <p className="tabular-nums">
                  {value.unpriced > 0 && value.usdE18 === 0n ? '—' : formatUsd(value.usdE18)}
                </p>
                <p className="text-xs" data-testid="farm-yield">
                  {p.yield ? (
                    <YieldText value={p.yield} />
                  ) : (
                    <span className="text-zinc-600 dark:text-zinc-300">
                      {d?.farm.aprNote ?? 'yield unknown'}
                    </span>
                  )}
                </p>
              </div>
            </li>
          );
        })}
      </ul>
      {farms.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-xs" data-testid="farm-table">
            <caption className="pb-1 text-left text-xs font-medium text-zinc-600 dark:text-zinc-300">
              Farms on this chain
            </caption>
            <thead className="text-zinc-600 dark:text-zinc-300">
              <tr>
                <th className="pr-3 font-normal">farm</th>
                <th className="pr-3 font-normal">reward rate</th>
                <th className="pr-3 font-normal">period end</th>
                <th className="pr-3 font-normal">staked in total</th>
                <th className="font-normal">reward APR</th>
              </tr>
            </thead>
            <tbody>
              {farms.map((f) => (
                <FarmRow key={`${f.origin}-${f.address}`} farm={f} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

'use client';

import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { type ChartPoint, type ChartSeries, chartDomain } from '@/lib/fees/view';

function clock(t: number): string {
  return new Date(t * 1000).toISOString().slice(11, 19);
}

/** Log scale: zero base fees (none on these chains) cannot be drawn, so they are left out. */
const plottable = (points: readonly ChartPoint[]) => points.filter((p) => p.gwei > 0);

/**
 * Base fee per chain over recent blocks (lines, from eth_feeHistory) and the readings taken since the
 * page opened (dots). Log scale: the chains' fees differ by orders of magnitude. Times are chain times.
 */
export function BaseFeeChart({ series }: { series: readonly ChartSeries[] }) {
  const latest = series.map((s) => {
    const last = s.session.at(-1) ?? s.history.at(-1);
    return `${s.name}: ${last ? `${last.gwei.toPrecision(4)} gwei at block ${last.block}` : 'no reading'}`;
  });
  const domain = chartDomain(series);
  return (
    <figure>
      <div
        className="h-72 w-full"
        role="img"
        aria-label={`Base fee per chain over recent blocks. Latest: ${latest.join('; ')}`}
      >
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
            <XAxis
              dataKey="t"
              type="number"
              domain={['dataMin', 'dataMax']}
              tickFormatter={clock}
              fontSize={11}
              allowDuplicatedCategory={false}
            />
            <YAxis
              dataKey="gwei"
              type="number"
              scale="log"
              domain={domain ?? ['auto', 'auto']}
              allowDataOverflow
              fontSize={11}
              width={72}
              tickFormatter={(v: number) => v.toPrecision(2)}
              label={{ value: 'gwei', angle: -90, position: 'insideLeft', fontSize: 11 }}
            />
            <Tooltip
              formatter={(value) => [`${Number(value).toPrecision(4)} gwei`, 'base fee']}
              labelFormatter={(t) => `${clock(Number(t))} (chain time)`}
            />
            <Legend />
            {series.map((s) => (
              <Line
                key={`h-${s.chainId}`}
                data={plottable(s.history)}
                dataKey="gwei"
                name={s.name}
                stroke={s.color}
                dot={false}
                isAnimationActive={false}
              />
            ))}
            {series.map((s) => (
              <Scatter
                key={`s-${s.chainId}`}
                data={plottable(s.session)}
                dataKey="gwei"
                name={`${s.name} since page opened`}
                legendType="none"
                fill={s.color}
                isAnimationActive={false}
              />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-2 space-y-1 text-xs text-zinc-600 dark:text-zinc-300">
        <span className="block">
          Lines: each chain’s recent blocks from <code>eth_feeHistory</code> (times between the first and last
          block interpolated). Dots: readings taken since this page opened.
        </span>
        {series
          .filter((s) => s.error)
          .map((s) => (
            <span key={s.chainId} role="alert" className="block text-red-700 dark:text-red-400">
              {s.name}: {s.error}
            </span>
          ))}
      </figcaption>
    </figure>
  );
}

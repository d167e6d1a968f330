'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatUsdFigure } from '@/lib/format/index';
import type { ProjectionPoint } from '@/lib/portfolio/select';

/** Cumulative projected income month by month, simple and compounded (figures from the selector). */
export function ProjectionChart({ points }: { points: readonly ProjectionPoint[] }) {
  const last = points.at(-1);
  return (
    <div
      className="h-48 w-full"
      role="img"
      aria-label={`Projected income over 12 months: ${formatUsdFigure(last?.simpleUsd ?? null).text} simple, ${formatUsdFigure(last?.compoundedUsd ?? null).text} compounded monthly`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={[...points]} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          <XAxis dataKey="month" fontSize={11} tickFormatter={(m: number) => `${m}m`} />
          <YAxis fontSize={11} width={56} tickFormatter={(v: number) => formatUsdFigure(v).text} />
          <Tooltip formatter={(v) => formatUsdFigure(Number(v)).exact} labelFormatter={(m) => `month ${m}`} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <Line dataKey="simpleUsd" name="simple" stroke="#0284c7" dot={false} isAnimationActive={false} />
          <Line
            dataKey="compoundedUsd"
            name="compounded monthly"
            stroke="#d97706"
            strokeDasharray="4 2"
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

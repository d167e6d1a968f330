'use client';

import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import { formatUsdFigure } from '@/lib/format/index';
import type { ChartSlice } from './charts';

/** A donut of one breakdown; a slice is a link to its section (the list beside it is the keyboard path). */
export function BreakdownChart({ slices, label }: { slices: readonly ChartSlice[]; label: string }) {
  const positive = slices.filter((s) => s.usd > 0);
  return (
    <div className="h-28 w-28 shrink-0" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <PieChart>
          <Pie
            data={positive}
            dataKey="usd"
            nameKey="label"
            innerRadius="55%"
            outerRadius="100%"
            isAnimationActive={false}
            onClick={(d: { payload?: ChartSlice }) => {
              if (d.payload) window.location.hash = d.payload.anchor;
            }}
            cursor="pointer"
          >
            {positive.map((s) => (
              <Cell key={s.key} fill={s.color} stroke="none" />
            ))}
          </Pie>
          <Tooltip formatter={(v) => formatUsdFigure(Number(v)).text} />
        </PieChart>
      </ResponsiveContainer>
    </div>
  );
}

import { formatUsdFigure } from '@/lib/format/index';
import { type ChartSlice, donutSegments } from './charts';

// The ring's geometry in its 112-unit box: as the old chart drew it, inner radius 55% of the outer.
const OUTER = 56;
const INNER = OUTER * 0.55;
const RADIUS = (OUTER + INNER) / 2;
const WIDTH = OUTER - INNER;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/**
 * A donut of one breakdown, drawn as plain SVG (one stroked circle per slice, no chart library on the
 * first paint); a slice is a link to its section, its title says its value on hover, and the list
 * beside it is the keyboard path.
 */
export function BreakdownChart({ slices, label }: { slices: readonly ChartSlice[]; label: string }) {
  const segments = donutSegments(slices);
  return (
    <svg viewBox="0 0 112 112" className="h-28 w-28 shrink-0 -rotate-90" role="img" aria-label={label}>
      <circle
        cx={OUTER}
        cy={OUTER}
        r={RADIUS}
        fill="none"
        strokeWidth={WIDTH}
        className="stroke-zinc-100 dark:stroke-zinc-800"
      />
      {segments.map((s) => (
        // biome-ignore lint/a11y/noStaticElementInteractions: the list beside the chart is the keyboard path to the same sections
        <circle
          key={s.key}
          cx={OUTER}
          cy={OUTER}
          r={RADIUS}
          fill="none"
          stroke={s.color}
          strokeWidth={WIDTH}
          strokeDasharray={`${s.length * CIRCUMFERENCE} ${CIRCUMFERENCE}`}
          strokeDashoffset={-s.start * CIRCUMFERENCE}
          className="cursor-pointer"
          onClick={() => {
            window.location.hash = s.anchor;
          }}
        >
          <title>{`${s.label}: ${formatUsdFigure(s.usd).text}`}</title>
        </circle>
      ))}
    </svg>
  );
}

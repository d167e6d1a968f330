import type { AaveV3Health } from '@/lib/protocols/aave-v3/types';
import { healthGauge } from '@/lib/protocols/aave-v3/view';

const TEXT_TONE: Record<ReturnType<typeof healthGauge>['band'], string> = {
  liquidatable: 'text-red-700 dark:text-red-400',
  'at-risk': 'text-red-700 dark:text-red-400',
  moderate: 'text-amber-700 dark:text-amber-400',
  safe: 'text-emerald-700 dark:text-emerald-400',
  'no-debt': 'text-emerald-700 dark:text-emerald-400',
  unavailable: 'text-zinc-600 dark:text-zinc-300',
};

const pct = (fraction: number) => `${(fraction * 100).toFixed(2)}%`;

/**
 * The account's health factor on a gauge with its risk bands (red under 1.1, amber under 3, green
 * from 3; see `gaugePosition` for the scale). No debt reads "∞"; a factor that could not be read
 * says why. The band is written out, not only coloured.
 */
export function HealthFactorGauge({ health }: { health: AaveV3Health }) {
  const gauge = healthGauge(health);
  const factor = health.state === 'active' ? Number(health.factorWad) / 1e18 : null;
  return (
    <div className="min-w-52" data-testid="aave-health">
      <p className="flex items-baseline gap-2">
        <span className="text-xs text-zinc-600 dark:text-zinc-300">Health factor</span>
        <span
          className={`text-lg font-semibold tabular-nums ${TEXT_TONE[gauge.band]}`}
          data-testid="aave-health-value"
        >
          {gauge.text}
        </span>
        <span className={`text-xs font-medium ${TEXT_TONE[gauge.band]}`}>{gauge.label}</span>
      </p>
      {gauge.position === null ? null : (
        <>
          {/* The native meter carries the value for assistive technology; the bar below draws it. */}
          <meter
            className="sr-only"
            aria-label="Health factor"
            aria-valuetext={`${gauge.text}, ${gauge.label}`}
            min={0}
            max={4}
            low={1.1}
            high={3}
            optimum={4}
            value={factor === null ? 4 : Math.min(factor, 4)}
          >
            {gauge.text}
          </meter>
          <div className="relative mt-1 h-2.5" aria-hidden="true">
            <div className="flex h-full overflow-hidden rounded-full">
              <span
                className="h-full bg-red-500 dark:bg-red-600"
                style={{ width: pct(gauge.marks.warning) }}
              />
              <span
                className="h-full bg-amber-400 dark:bg-amber-500"
                style={{ width: pct(gauge.marks.safe - gauge.marks.warning) }}
              />
              <span className="h-full flex-1 bg-emerald-500 dark:bg-emerald-600" />
            </div>
            <span
              className="absolute -top-1 h-4.5 w-1 -translate-x-1/2 rounded-sm bg-zinc-900 ring-2 ring-white dark:bg-white dark:ring-zinc-900"
              style={{ left: pct(gauge.position) }}
            />
          </div>
        </>
      )}
      {gauge.position === null ? null : (
        <div
          className="relative mt-0.5 h-3 text-[10px] tabular-nums text-zinc-600 dark:text-zinc-300"
          aria-hidden="true"
        >
          <span className="absolute left-0">1.0</span>
          <span className="absolute -translate-x-1/2" style={{ left: pct(gauge.marks.warning) }}>
            1.1
          </span>
          <span className="absolute -translate-x-1/2" style={{ left: pct(gauge.marks.safe) }}>
            3.0
          </span>
          <span className="absolute right-0">4+</span>
        </div>
      )}
    </div>
  );
}

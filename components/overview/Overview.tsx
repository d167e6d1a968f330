'use client';

import dynamic from 'next/dynamic';
import { memo } from 'react';
import { formatUnits } from 'viem';
import { CHAINS } from '@/lib/chains/registry';
import { formatPercent, formatUsdFigure } from '@/lib/format/index';
import { type Overview as OverviewFigures, overview, type Slice } from '@/lib/portfolio/select';
import type { ChainPortfolio } from '@/lib/portfolio/types';
import type { ValueSummary } from '@/lib/portfolio/value';
import { Card, Skeleton } from '../ui/primitives';
import { WhenNear } from '../ui/WhenNear';
import { BreakdownChart } from './BreakdownChart';
import { type ChartSlice, SLICE_COLORS } from './charts';

// recharts (the projection's line chart) is loaded only once the chart is about to be on screen; the
// placeholder keeps the layout's size. The donuts are plain SVG, drawn with the first figures.
const ProjectionChart = dynamic(() => import('./ProjectionChart').then((m) => m.ProjectionChart), {
  ssr: false,
  loading: () => <Skeleton className="h-48 w-full" />,
});

/** A USD figure: compact where large, the exact value on hover. */
export function Usd({ usd, testId }: { usd: number | null; testId?: string }) {
  const f = formatUsdFigure(usd);
  return (
    <span className="tabular-nums" title={f.exact} data-testid={testId} data-usd={usd ?? undefined}>
      {f.text}
    </span>
  );
}

export function UsdValue({ value, testId }: { value: ValueSummary; testId?: string }) {
  return <Usd usd={Number(formatUnits(value.usdE18, 18))} testId={testId} />;
}

function Stat({
  label,
  children,
  note,
}: {
  label: string;
  children: React.ReactNode;
  note?: React.ReactNode;
}) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-zinc-600 dark:text-zinc-300">{label}</dt>
      <dd className="text-lg font-semibold">{children}</dd>
      {note ? <dd className="text-xs text-zinc-600 dark:text-zinc-300">{note}</dd> : null}
    </div>
  );
}

function Breakdown({ title, slices, link }: { title: string; slices: readonly Slice[]; link: boolean }) {
  const colored: ChartSlice[] = slices.map((s, i) => ({
    key: s.key,
    label: s.label,
    usd: s.usd,
    anchor: s.anchor,
    color: SLICE_COLORS[i % SLICE_COLORS.length] ?? '#0284c7',
  }));
  return (
    <section aria-label={`Value by ${title}`} className="min-w-0" data-testid={`breakdown-${title}`}>
      <h3 className="mb-2 text-sm font-semibold">By {title}</h3>
      <div className="flex items-start gap-3">
        <BreakdownChart
          slices={colored}
          label={`Value by ${title}: ${colored.map((s) => `${s.label} ${formatUsdFigure(s.usd).text}`).join(', ')}`}
        />
        <ul className="min-w-0 flex-1 space-y-1 text-sm">
          {colored.map((s) => (
            <li key={s.key} className="flex items-center justify-between gap-2">
              <a
                href={link ? `#${s.anchor}` : undefined}
                className="flex min-w-0 items-center gap-1.5 underline-offset-2 hover:underline"
              >
                <span
                  className="inline-block h-2 w-2 shrink-0 rounded-full"
                  style={{ backgroundColor: s.color }}
                  aria-hidden="true"
                />
                <span className="truncate">{s.label}</span>
              </a>
              <Usd usd={s.usd} />
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

/** What the figures assume, in words, beside the projection. */
function Assumptions({ o }: { o: OverviewFigures }) {
  return (
    <ul className="list-disc space-y-1 pl-4 text-xs text-zinc-600 dark:text-zinc-300">
      <li>Rates and reward-token prices held where they are now; values held at today’s prices.</li>
      <li>
        Simple: income is not reinvested. Compounded: every month’s income is added to the position (a debt’s
        cost compounds too).
      </li>
      <li>
        <Usd usd={o.compounding.selfUsd} /> earns into itself (interest-bearing tokens, vault shares);{' '}
        <Usd usd={o.compounding.claimUsd} /> earns fees or rewards that would have to be claimed and
        reinvested.
      </li>
      {o.blended.unknownYieldUsd > 0 ? (
        <li>
          <Usd usd={o.blended.unknownYieldUsd} /> whose yield is unknown is left out (not counted as 0 %).
        </li>
      ) : null}
    </ul>
  );
}

/** The top of every dashboard: what it is worth, how it splits, what it earns. */
/** Memoised on its chains (the dashboard hands the same array while no chain changed). */
export const Overview = memo(function Overview({
  chains,
  loading,
  title = 'Overview',
  linkSlices = true,
}: {
  /** Slices link to their sections on the page (a bundle's page has none). */
  linkSlices?: boolean;
  /** The chains with current figures (the selectors name the rest apart). */
  chains: readonly ChainPortfolio[];
  loading: boolean;
  title?: string;
}) {
  if (loading && chains.length === 0) return <OverviewSkeleton />;
  const o = overview(chains, (id) => CHAINS[id].name);
  const perYear = o.income.perYear.baseUsd + o.income.perYear.rewardUsd;
  const health = o.lowestHealth;
  return (
    <Card className="space-y-4 p-4" aria-labelledby="overview-title" data-testid="overview">
      <h2 id="overview-title" className="text-base font-semibold">
        {title}
      </h2>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <Stat label="Total value">
          <UsdValue value={o.total} testId="overview-total" />
        </Stat>
        <Stat label="Claimable now" note="rewards and uncollected fees">
          <UsdValue value={o.claimable} testId="overview-claimable" />
        </Stat>
        <Stat label="Liquid / locked" note="locked or vesting apart">
          <UsdValue value={o.liquid} testId="overview-liquid" />
          <span className="text-sm font-normal text-zinc-600 dark:text-zinc-300">
            {' '}
            / <UsdValue value={o.locked} testId="overview-locked" />
          </span>
        </Stat>
        <Stat
          label="Lowest health factor"
          note={health ? `${CHAINS[health.chainId].name}, Aave V3` : 'no borrowing'}
        >
          <span
            data-testid="overview-health"
            className={
              health && health.factorWad < 11n * 10n ** 17n ? 'text-red-700 dark:text-red-400' : undefined
            }
          >
            {health ? Number(formatUnits(health.factorWad, 18)).toFixed(2) : '—'}
          </span>
        </Stat>
      </dl>

      <div className="grid gap-4 md:grid-cols-3">
        <Breakdown link={linkSlices} title="chain" slices={o.byChain} />
        <Breakdown link={linkSlices} title="protocol" slices={o.byProtocol} />
        <Breakdown link={linkSlices} title="kind" slices={o.byGroup} />
      </div>

      <div className="grid gap-4 border-t border-zinc-100 pt-4 md:grid-cols-2 dark:border-zinc-800">
        <section aria-label="Yield and income" className="space-y-3">
          <h3 className="text-sm font-semibold">What it earns</h3>
          <dl className="grid grid-cols-3 gap-3">
            <Stat label="per day">
              <Usd usd={o.income.perDayUsd} testId="income-day" />
            </Stat>
            <Stat label="per month">
              <Usd usd={perYear / 12} testId="income-month" />
            </Stat>
            <Stat label="per year">
              <Usd usd={perYear} testId="income-year" />
            </Stat>
          </dl>
          <dl className="grid grid-cols-2 gap-3 text-sm">
            <Stat label="Blended yield" note="income ÷ value with a known yield">
              <span data-testid="blended-yield">
                {o.blended.rate === null ? '—' : formatPercent(o.blended.rate)}
              </span>
            </Stat>
            <Stat
              label="Sustainable share"
              note={
                o.blended.baseRate === null || o.blended.rewardRate === null
                  ? 'no yield known'
                  : `base ${formatPercent(o.blended.baseRate)} + rewards ${formatPercent(o.blended.rewardRate)}`
              }
            >
              <span data-testid="sustainable-share">
                {o.income.sustainableShare === null ? '—' : formatPercent(o.income.sustainableShare, 0)}
              </span>
            </Stat>
            <Stat label="Yield unknown on" note="not counted as 0 %">
              <Usd usd={o.income.unknownYieldUsd} testId="unknown-yield" />
            </Stat>
            <Stat label="Unpriced positions">
              <span data-testid="unpriced-positions">{o.income.unpricedPositions}</span>
            </Stat>
          </dl>
        </section>
        <section aria-label="Projected income over 12 months" className="min-w-0 space-y-2">
          <h3 className="text-sm font-semibold">Next 12 months</h3>
          <WhenNear className="min-h-48" placeholder={<Skeleton className="h-48 w-full" />}>
            <ProjectionChart points={o.projection} />
          </WhenNear>
          <Assumptions o={o} />
        </section>
      </div>
    </Card>
  );
});

/** Same size as the overview, so nothing moves when the figures arrive. */
export function OverviewSkeleton() {
  return (
    <Card className="space-y-4 p-4" aria-label="Loading the overview" data-testid="overview-skeleton">
      <Skeleton className="h-5 w-24" />
      <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-12 w-full" />
        ))}
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-32 w-full" />
        ))}
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <Skeleton className="h-40 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    </Card>
  );
}

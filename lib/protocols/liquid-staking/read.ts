import type { Address } from 'viem';
import { Batch, call, type Result } from '../../chains/multicall';
import { CHAINS } from '../../chains/registry';
import type { ChainReadContext, ProtocolReadResult, TokenYield } from '../../portfolio/types';
import { aggregatorV3Abi } from '../../prices/chainlink';
import { exchangeRateFeeds } from '../../prices/rate';
import { formatAge } from '../../prices/reading';
import type { FeedSpec } from '../../prices/types';
import { DEFAULT_WINDOW_SECONDS, formatWindow, type PastOutcome, readPastWindow } from '../past-window';
import { rateGrowthApr } from './math';
import {
  LIQUID_STAKING_ID,
  type LiquidStakingDeployment,
  type LiquidStakingRate,
  type LiquidStakingSummary,
  type RateRound,
} from './types';

type RoundTuple = readonly [bigint, bigint, bigint, bigint, bigint];

export interface Lst {
  symbol: string;
  token: Address;
  rate: FeedSpec;
  underlying: string;
}

const iso = (t: bigint) => new Date(Number(t) * 1000).toISOString().slice(0, 16).replace('T', ' ');

/** The liquid staking tokens of a chain: every token priced as exchange rate × underlying. */
export function chainLsts(ctx: Pick<ChainReadContext, 'deployment'>): Lst[] {
  return ctx.deployment.tokens.flatMap((t) => {
    const f = exchangeRateFeeds(t.price);
    return f ? [{ symbol: t.symbol, token: t.address, rate: f.rate, underlying: f.underlying }] : [];
  });
}

/** The current-block level, known before any block (round 1 hands the same calls in: `lens.ts`). */
export function addRateReads(batch: Batch, lsts: readonly Lst[]) {
  return lsts.map((l) => ({
    round: batch.add(call(l.rate.address, aggregatorV3Abi, 'latestRoundData')),
    decimals: batch.add(call(l.rate.address, aggregatorV3Abi, 'decimals')),
  }));
}

/**
 * Each LST's exchange rate at the pinned block and at a block about 7 days back (a past-block read of
 * the feed's own `latestRoundData`), and the staking rate the growth implies. Round trips: one
 * multicall now, concurrently the past-block search and one multicall there. The result is a summary
 * (the rates, or why there are none) and `tokenYields`: the fan-out adds each rate to every position
 * holding the token (its wallet balance, an Aave supply, a pool).
 */
export async function readLiquidStaking(
  ctx: ChainReadContext,
  deployment: LiquidStakingDeployment,
  options: { windowSeconds?: number } = {},
): Promise<ProtocolReadResult> {
  const windowSeconds = options.windowSeconds ?? DEFAULT_WINDOW_SECONDS;
  const lsts = chainLsts(ctx);
  const summary: LiquidStakingSummary = {
    type: LIQUID_STAKING_ID,
    rates: [],
    unavailable: [...deployment.unavailable],
    windowSeconds,
  };
  if (lsts.length === 0) return { positions: [], summary };
  const { client, chainId, blockNumber, blockTimestamp } = ctx;
  const multicall3 = CHAINS[chainId].multicall3;

  const batch = new Batch();
  const reads = addRateReads(batch, lsts);
  const [, past] = await Promise.all([
    batch.execute(client, { multicall3, blockNumber }),
    readPastWindow({
      client,
      chainId,
      head: { number: blockNumber, timestamp: blockTimestamp },
      windowSeconds,
      read: async (block): Promise<Result<RoundTuple>[]> => {
        const b = new Batch();
        const rounds = lsts.map((l) => b.add(call(l.rate.address, aggregatorV3Abi, 'latestRoundData')));
        await b.execute(client, { multicall3, blockNumber: block });
        return rounds.map((r) => r());
      },
    }),
  ]);

  const tokenYields: TokenYield[] = [];
  lsts.forEach((l, i) => {
    const r = reads[i];
    if (!r) return;
    const rate = buildRate(ctx, l, r.round(), r.decimals(), past, i);
    summary.rates.push(rate);
    tokenYields.push({
      token: l.token,
      component:
        rate.apr === null || rate.window === null
          ? null
          : {
              side: 'base',
              apr: rate.apr,
              label: `${l.symbol} staking`,
              window: rate.window,
              source: rate.source,
            },
    });
  });
  return { positions: [], summary, tokenYields };
}

function buildRate(
  ctx: ChainReadContext,
  l: Lst,
  round: Result<RoundTuple>,
  decimals: Result<number>,
  past: PastOutcome<Result<RoundTuple>[]>,
  index: number,
): LiquidStakingRate {
  const base = {
    symbol: l.symbol,
    token: l.token,
    pair: l.rate.pair,
    underlying: l.underlying,
    feed: l.rate.address,
    decimals: decimals.ok ? decimals.value : null,
  };
  const none = { now: null, past: null, apr: null, window: null };
  if (!round.ok || !decimals.ok) {
    const error = round.ok ? (decimals.ok ? '' : decimals.error) : round.error;
    return {
      ...base,
      ...none,
      status: 'unreadable',
      source: `${l.rate.pair} exchange-rate feed ${l.rate.address}`,
      note: `the ${l.rate.pair} rate feed is unreadable (${error}): ${l.symbol} cannot be valued and its staking yield is unknown`,
    };
  }
  const [roundId, answer, , updatedAt] = round.value;
  const now: RateRound = { block: ctx.blockNumber, roundId, answer, updatedAt };
  if (answer <= 0n || updatedAt === 0n) {
    return {
      ...base,
      ...none,
      now,
      status: 'invalid',
      source: `${l.rate.pair} exchange-rate feed ${l.rate.address}`,
      note: `the ${l.rate.pair} rate feed answered ${answer} (updated at ${updatedAt}): not a rate, so the staking yield is unknown`,
    };
  }
  const age = ctx.blockTimestamp - updatedAt;
  const stale = age > BigInt(l.rate.maxAgeSeconds);
  const staleNote = stale
    ? `the ${l.rate.pair} rate feed last updated ${formatAge(age)} before this block (limit ${formatAge(BigInt(l.rate.maxAgeSeconds))}): the rate and the value are stale`
    : null;
  const status = stale ? 'stale' : 'ok';
  const unknown = (why: string): LiquidStakingRate => ({
    ...base,
    now,
    past: null,
    apr: null,
    window: null,
    status,
    source: `${l.rate.pair} exchange-rate feed ${l.rate.address}, round ${roundId} at block ${ctx.blockNumber}`,
    note: [staleNote, why].filter(Boolean).join('; '),
  });
  if (!past.ok) return unknown(`no staking yield can be estimated: ${past.note}`);
  const then = past.value[index];
  if (!then?.ok)
    return unknown(
      `the feed answered nothing at block ${past.block} (${then?.error ?? 'not read'}): it is younger than the window, so no staking yield can be estimated`,
    );
  const [pastRoundId, pastAnswer, , pastUpdatedAt] = then.value;
  const pastRound = {
    block: past.block,
    blockTimestamp: past.timestamp,
    roundId: pastRoundId,
    answer: pastAnswer,
    updatedAt: pastUpdatedAt,
  };
  const seconds = updatedAt - pastUpdatedAt;
  if (seconds <= 0n)
    return {
      ...unknown(
        `the feed did not update between blocks ${past.block} and ${ctx.blockNumber}, so no growth can be measured`,
      ),
      past: pastRound,
    };
  const apr = rateGrowthApr(pastAnswer, answer, seconds);
  return {
    ...base,
    now,
    past: pastRound,
    apr,
    window: formatWindow(seconds),
    status,
    source: `${l.rate.pair} exchange-rate growth, rounds updated ${iso(pastUpdatedAt)} → ${iso(updatedAt)} UTC (past-block read of latestRoundData, blocks ${past.block}–${ctx.blockNumber})`,
    note: [staleNote, past.note].filter(Boolean).join('; ') || null,
  };
}

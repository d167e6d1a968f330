import type { Address } from 'viem';
import { Batch, call, type Result } from '../../chains/multicall';
import { CHAINS } from '../../chains/registry';
import type {
  AssetAmount,
  ChainReadContext,
  Position,
  ProtocolReadResult,
  YieldComponent,
} from '../../portfolio/types';
import { assetAmount } from '../../portfolio/value';
import { knownZeroYield, yieldFromComponents } from '../../portfolio/yield';
import { priceKey } from '../../prices/book';
import { noFeedReading } from '../../prices/reading';
import type { PriceReading } from '../../prices/types';
import { addMetadataReads } from '../../tokens/metadata';
import { erc20SupplyAbi, glpManagerAbi, rewardTrackerAbi, vesterAbi } from './abi';
import type { GmxDeployment } from './addresses';
import { trackerApr } from './math';
import {
  GMX_ID,
  type GmxGlpDetails,
  type GmxStakingDetails,
  type GmxTrackerReading,
  type GmxVestingDetails,
  gmxPositionId,
} from './types';

const same = (a: string, b: string | null | undefined) =>
  b !== null && b !== undefined && a.toLowerCase() === b.toLowerCase();

interface TrackerSpec {
  name: string;
  address: Address;
  side: GmxTrackerReading['side'];
}

interface TrackerRaw {
  spec: TrackerSpec;
  rewardToken: () => Result<Address>;
  tokensPerInterval: () => Result<bigint>;
  totalSupply: () => Result<bigint>;
  claimable: () => Result<bigint>;
  stake: () => Result<bigint>;
}

function addTrackerReads(batch: Batch, spec: TrackerSpec, owner: Address): TrackerRaw {
  const t = spec.address;
  return {
    spec,
    rewardToken: batch.add(call(t, rewardTrackerAbi, 'rewardToken')),
    tokensPerInterval: batch.add(call(t, rewardTrackerAbi, 'tokensPerInterval')),
    totalSupply: batch.add(call(t, rewardTrackerAbi, 'totalSupply')),
    claimable: batch.add(call(t, rewardTrackerAbi, 'claimable', [owner])),
    stake: batch.add(call(t, rewardTrackerAbi, 'stakedAmounts', [owner])),
  };
}

/** Unwraps a read, or records why it failed and gives null. */
function value<T>(r: Result<T>, what: string, problems: string[]): T | null {
  if (r.ok) return r.value;
  problems.push(`${what} failed: ${r.error}`);
  return null;
}

/**
 * The first level, known before any block (round 1 hands the same calls in: `lens.ts`): every tracker,
 * the staked balances, the vester and GLP's price inputs.
 */
export function addGmxFirstLevel(batch: Batch, d: GmxDeployment, owner: Address) {
  const gmxTrackers: TrackerSpec[] = [
    { name: 'StakedGmxTracker', address: d.stakedGmxTracker, side: 'reward' },
    { name: 'BonusGmxTracker', address: d.bonusGmxTracker, side: 'points' },
    ...(d.extendedGmxTracker
      ? [{ name: 'ExtendedGmxTracker', address: d.extendedGmxTracker, side: 'reward' as const }]
      : []),
    { name: 'FeeGmxTracker', address: d.feeGmxTracker, side: 'base' },
  ];
  const gmxRaw = gmxTrackers.map((s) => addTrackerReads(batch, s, owner));
  const stakedGmx = batch.add(call(d.stakedGmxTracker, rewardTrackerAbi, 'depositBalances', [owner, d.gmx]));
  const stakedEsGmx = batch.add(
    call(d.stakedGmxTracker, rewardTrackerAbi, 'depositBalances', [owner, d.esGmx]),
  );
  const mpTracker = d.extendedGmxTracker ?? d.feeGmxTracker;
  const stakedMp = batch.add(call(mpTracker, rewardTrackerAbi, 'depositBalances', [owner, d.bnGmx]));

  const vester = d.gmxVester
    ? {
        address: d.gmxVester,
        balance: batch.add(call(d.gmxVester, vesterAbi, 'balanceOf', [owner])),
        claimable: batch.add(call(d.gmxVester, vesterAbi, 'claimable', [owner])),
        deposited: batch.add(call(d.gmxVester, vesterAbi, 'getVestedAmount', [owner])),
        claimed: batch.add(call(d.gmxVester, vesterAbi, 'claimedAmounts', [owner])),
        pair: batch.add(call(d.gmxVester, vesterAbi, 'pairAmounts', [owner])),
        duration: batch.add(call(d.gmxVester, vesterAbi, 'vestingDuration')),
      }
    : null;

  const glp = d.glp
    ? {
        d: d.glp,
        trackers: [
          addTrackerReads(batch, { name: 'FeeGlpTracker', address: d.glp.feeTracker, side: 'base' }, owner),
          addTrackerReads(
            batch,
            { name: 'StakedGlpTracker', address: d.glp.stakedTracker, side: 'reward' },
            owner,
          ),
        ],
        staked: batch.add(call(d.glp.feeTracker, rewardTrackerAbi, 'depositBalances', [owner, d.glp.token])),
        aumMin: batch.add(call(d.glp.manager, glpManagerAbi, 'getAum', [false])),
        supply: batch.add(call(d.glp.token, erc20SupplyAbi, 'totalSupply')),
      }
    : null;

  return { gmxRaw, stakedGmx, stakedEsGmx, stakedMp, vester, glp };
}

/**
 * Reads an account's GMX staking on one chain, pinned to the read block, in two levels: one multicall for
 * every tracker (reward token, rate, supply, the account's stake and claimable), the vester, the staked
 * balances and GLP's price inputs; then one for the metadata of reward tokens the deployment does not
 * name (the fee tracker's reward token is read, never assumed to be WETH). A tracker that cannot be read,
 * has zero supply or pays an unpriced token is named in the position's warning and its rate is unknown;
 * the rest renders.
 */
export async function readGmx(ctx: ChainReadContext, d: GmxDeployment): Promise<ProtocolReadResult> {
  const { owner, blockNumber, client } = ctx;
  const multicall3 = CHAINS[ctx.chainId].multicall3;
  const batch = new Batch();
  const { gmxRaw, stakedGmx, stakedEsGmx, stakedMp, vester, glp } = addGmxFirstLevel(batch, d, owner);

  await batch.execute(client, { multicall3, blockNumber });

  // Level 2: what the reward tokens are, where the deployment does not already say.
  const known = new Map<string, { symbol: string; decimals: number | null }>([
    [d.gmx.toLowerCase(), { symbol: 'GMX', decimals: 18 }],
    [d.esGmx.toLowerCase(), { symbol: 'esGMX', decimals: 18 }],
    [d.bnGmx.toLowerCase(), { symbol: 'bnGMX', decimals: 18 }],
  ]);
  const meta = new Batch();
  const metaReads = new Map<string, ReturnType<typeof addMetadataReads>>();
  for (const raw of [...gmxRaw, ...(glp?.trackers ?? [])]) {
    const r = raw.rewardToken();
    if (!r.ok) continue;
    const key = r.value.toLowerCase();
    if (!known.has(key) && !metaReads.has(key)) metaReads.set(key, addMetadataReads(meta, r.value));
  }
  if (meta.size > 0) await meta.execute(client, { multicall3, blockNumber });
  for (const [key, read] of metaReads) {
    const m = read();
    known.set(key, { symbol: m.symbol, decimals: m.decimals });
  }

  const gmxPrice = ctx.prices.get(priceKey(d.gmx)) ?? noFeedReading('GMX');
  const esGmxPrice: PriceReading = {
    ...gmxPrice,
    label: `${gmxPrice.label} (esGMX at the GMX price)`,
    note: 'esGMX is valued at the GMX price: it vests 1:1 into GMX',
  };
  const priceOf = (token: Address): PriceReading | undefined => {
    if (same(token, d.gmx)) return gmxPrice;
    if (same(token, d.esGmx)) return esGmxPrice;
    return ctx.prices.get(priceKey(token));
  };

  const positions: Position[] = [];
  const stakingProblems: string[] = [];
  const sGmx = value(stakedGmx(), 'StakedGmxTracker.depositBalances(GMX)', stakingProblems) ?? 0n;
  const sEsGmx = value(stakedEsGmx(), 'StakedGmxTracker.depositBalances(esGMX)', stakingProblems) ?? 0n;
  const stakedAssets = [
    assetAmount(d.gmx, 'GMX', 18, sGmx, gmxPrice),
    assetAmount(d.esGmx, 'esGMX', 18, sEsGmx, esGmxPrice),
  ];
  const staking = buildTrackers(gmxRaw, stakedAssets, known, priceOf, stakingProblems);
  const mp = value(
    stakedMp(),
    `${d.extendedGmxTracker ? 'Extended' : 'Fee'}GmxTracker.depositBalances(bnGMX)`,
    stakingProblems,
  );
  const bonus = staking.readings.find((t) => t.name === 'BonusGmxTracker');
  if (sGmx > 0n || sEsGmx > 0n || staking.readings.some((t) => t.claimable > 0n)) {
    const details: GmxStakingDetails = {
      type: GMX_ID,
      position: 'staking',
      stakedGmx: sGmx,
      stakedEsGmx: sEsGmx,
      multiplierPoints: mp,
      claimableMultiplierPoints: bonus ? bonus.claimable : null,
      trackers: staking.readings,
      blockNumber,
    };
    positions.push({
      protocol: GMX_ID,
      kind: 'staking',
      id: gmxPositionId(ctx.chainId, 'staked'),
      label: 'Staked GMX + esGMX',
      assets: stakedAssets,
      rewards: staking.rewards,
      yield: staking.yield(blockNumber, 'GMX'),
      warning: stakingProblems.length > 0 ? stakingProblems.join('; ') : null,
      details,
    });
  }

  if (vester) {
    const problems: string[] = [];
    const v = (r: Result<bigint>, what: string) => value(r, `GmxVester.${what}`, problems);
    const balance = v(vester.balance(), 'balanceOf');
    const claimable = v(vester.claimable(), 'claimable');
    const deposited = v(vester.deposited(), 'getVestedAmount');
    const claimed = v(vester.claimed(), 'claimedAmounts');
    const pair = v(vester.pair(), 'pairAmounts') ?? 0n;
    const duration = v(vester.duration(), 'vestingDuration') ?? 0n;
    if ((balance ?? 0n) > 0n || (claimable ?? 0n) > 0n || problems.length > 0) {
      const vested = (claimable ?? 0n) + (claimed ?? 0n);
      const remaining = deposited !== null && deposited > vested ? deposited - vested : 0n;
      const details: GmxVestingDetails = {
        type: GMX_ID,
        position: 'vesting',
        vester: vester.address,
        deposited: deposited ?? 0n,
        vested,
        remaining,
        claimed: claimed ?? 0n,
        claimable: claimable ?? 0n,
        reservedPair: pair,
        vestingDuration: duration,
        blockNumber,
      };
      positions.push({
        protocol: GMX_ID,
        kind: 'vesting',
        id: gmxPositionId(ctx.chainId, 'vesting'),
        label: 'Vesting esGMX → GMX',
        assets: [assetAmount(d.esGmx, 'esGMX', 18, remaining, esGmxPrice)],
        rewards: [assetAmount(d.gmx, 'GMX', 18, claimable ?? 0n, gmxPrice)],
        // Vesting turns esGMX (already valued at the GMX price) into GMX: it adds nothing of its own.
        yield: knownZeroYield('vesting converts esGMX into GMX 1:1; it pays nothing more'),
        warning: problems.length > 0 ? problems.join('; ') : null,
        details,
      });
    }
  }

  if (glp) {
    const problems: string[] = [];
    const staked = value(glp.staked(), 'FeeGlpTracker.depositBalances(GLP)', problems) ?? 0n;
    if (staked > 0n) {
      const aumMin = value(glp.aumMin(), 'GlpManager.getAum', problems);
      const supply = value(glp.supply(), 'GLP.totalSupply', problems);
      const glpPrice: PriceReading =
        aumMin !== null && supply !== null && supply > 0n
          ? {
              label: 'GlpManager.getAum(min) ÷ GLP supply',
              // AUM is USD with 30 decimals; GLP has 18: USD per GLP with 18 decimals.
              usdE18: (aumMin * 10n ** 18n) / supply / 10n ** 12n,
              status: 'ok',
              updatedAt: ctx.blockTimestamp,
              reason: null,
              note: 'GLP is legacy (GMX V1, wound down in 2025)',
            }
          : { ...noFeedReading('GLP'), reason: 'GLP price unreadable (no AUM or supply)' };
      const assets = [assetAmount(d.glp?.token ?? glp.d.token, 'GLP', 18, staked, glpPrice)];
      const built = buildTrackers(glp.trackers, assets, known, priceOf, problems);
      const details: GmxGlpDetails = {
        type: GMX_ID,
        position: 'glp',
        legacy: true,
        staked,
        aumMin,
        glpSupply: supply,
        trackers: built.readings,
        blockNumber,
      };
      positions.push({
        protocol: GMX_ID,
        kind: 'staking',
        id: gmxPositionId(ctx.chainId, 'glp'),
        label: 'GLP (legacy)',
        assets,
        rewards: built.rewards,
        yield: built.yield(blockNumber, 'GLP'),
        warning: problems.length > 0 ? problems.join('; ') : null,
        details,
      });
    }
  }

  return { positions };
}

/** Readings, claimable rewards and the yield of a set of trackers over one position's assets. */
function buildTrackers(
  raws: readonly TrackerRaw[],
  assets: readonly AssetAmount[],
  known: ReadonlyMap<string, { symbol: string; decimals: number | null }>,
  priceOf: (token: Address) => PriceReading | undefined,
  problems: string[],
) {
  let positionUsdE18: bigint | null = 0n;
  for (const a of assets)
    positionUsdE18 = positionUsdE18 === null || a.usdE18 === null ? null : positionUsdE18 + a.usdE18;
  const readings: GmxTrackerReading[] = [];
  const rewards: AssetAmount[] = [];
  const components: YieldComponent[] = [];
  let unknown = false;
  for (const raw of raws) {
    const { name, address, side } = raw.spec;
    const rewardToken = value(raw.rewardToken(), `${name}.rewardToken`, problems);
    const tpi = value(raw.tokensPerInterval(), `${name}.tokensPerInterval`, problems);
    const supply = value(raw.totalSupply(), `${name}.totalSupply`, problems);
    const claimable = value(raw.claimable(), `${name}.claimable`, problems);
    const stake = value(raw.stake(), `${name}.stakedAmounts`, problems);
    if (rewardToken === null || tpi === null || supply === null || claimable === null || stake === null) {
      if (side !== 'points') unknown = true;
      continue;
    }
    const meta = known.get(rewardToken.toLowerCase()) ?? { symbol: '?', decimals: null };
    const price = side === 'points' ? undefined : priceOf(rewardToken);
    let apr: number | null = null;
    let note: string | null = null;
    if (side === 'points') {
      note = 'multiplier points: they raise the fee share and have no value of their own';
    } else if (tpi === 0n) {
      apr = 0;
      note = 'pays nothing at this block (tokensPerInterval 0)';
    } else if (supply === 0n) {
      note = `${name} has zero total supply: no rate per staked token exists, so its APR is unknown`;
    } else if (!price || price.usdE18 === null || meta.decimals === null) {
      note = `${meta.symbol} (${name}'s reward token) has no usable price: its APR is unknown`;
    } else if (positionUsdE18 === null || positionUsdE18 === 0n) {
      note = 'the position has no usable value: the APR is unknown';
    } else {
      apr = trackerApr({
        tokensPerInterval: tpi,
        totalSupply: supply,
        stake,
        rewardDecimals: meta.decimals,
        rewardPriceE18: price.usdE18,
        positionUsdE18,
      });
    }
    if (side !== 'points') {
      if (apr === null) {
        unknown = true;
        if (note) problems.push(note);
      } else if (tpi > 0n) {
        components.push({
          side,
          apr,
          label:
            side === 'base' ? `fees paid in ${meta.symbol} (${name})` : `${meta.symbol} emissions (${name})`,
          window: 'current rate',
          source: `${name}.tokensPerInterval × your share of its supply`,
          reward: { token: rewardToken, symbol: meta.symbol, priceSource: price?.label ?? 'no price' },
        });
      }
      if (claimable > 0n)
        rewards.push(assetAmount(rewardToken, meta.symbol, meta.decimals, claimable, price));
    }
    readings.push({
      name,
      address,
      rewardToken,
      rewardSymbol: meta.symbol,
      rewardDecimals: meta.decimals,
      tokensPerInterval: tpi,
      totalSupply: supply,
      stake,
      claimable,
      side,
      apr,
      note,
    });
  }
  return {
    readings,
    rewards,
    yield: (blockNumber: bigint, what: string) =>
      unknown
        ? null
        : yieldFromComponents(components, {
            compounds: false,
            window: 'current rate',
            source: `${what} reward trackers' tokensPerInterval at block ${blockNumber}, on the position's value`,
          }),
  };
}

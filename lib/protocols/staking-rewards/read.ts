import { type Address, getAddress } from 'viem';
import { Batch, call, errorMessage, type Result } from '../../chains/multicall';
import { CHAINS } from '../../chains/registry';
import type {
  AssetAmount,
  ChainReadContext,
  Position,
  ProtocolReadResult,
  YieldEstimate,
} from '../../portfolio/types';
import { assetAmount } from '../../portfolio/value';
import { knownZeroYield, yieldFromComponents } from '../../portfolio/yield';
import { priceKey } from '../../prices/book';
import { noFeedReading } from '../../prices/reading';
import type { PriceReading } from '../../prices/types';
import { addMetadataReads } from '../../tokens/metadata';
import type { TokenMetadata } from '../../tokens/types';
import { pairAbi } from '../v2-pairs/abi';
import { addPairSnapshotReads, lpAssets, type PairState, poolUsdE18 } from '../v2-pairs/read';
import { stakingRewardsAbi } from './abi';
import { farmRewardApr } from './math';
import {
  type FarmInfo,
  type FarmOrigin,
  STAKING_REWARDS_ID,
  type StakingRewardsDetails,
  type StakingRewardsSummary,
} from './types';

/** Farms the network profile knows on one chain (the devnet manifest's `StakingRewards.<name>`). */
export interface StakingRewardsDeployment {
  farms: readonly { name: string; address: Address }[];
}

/** User-added farms read per chain at most (Settings caps the list too). */
export const MAX_USER_FARMS_READ = 20;

export interface FarmRequest {
  address: Address;
  origin: FarmOrigin;
  name: string | null;
}

/** Known farms first, then user-added ones not already known; addresses that are not addresses are dropped by the callers. */
export function farmRequests(deployment: StakingRewardsDeployment, user: readonly Address[]): FarmRequest[] {
  const seen = new Set<string>();
  const out: FarmRequest[] = [];
  for (const f of deployment.farms) {
    if (seen.has(f.address.toLowerCase())) continue;
    seen.add(f.address.toLowerCase());
    out.push({ address: f.address, origin: 'known', name: f.name });
  }
  for (const a of user.slice(0, MAX_USER_FARMS_READ)) {
    if (seen.has(a.toLowerCase())) continue;
    seen.add(a.toLowerCase());
    out.push({ address: getAddress(a), origin: 'user', name: null });
  }
  return out;
}

/** Level 1, known before any block (round 1 hands the same calls in: `lens.ts`): each farm's own views. */
export function addFarmViews(batch: Batch, requests: readonly FarmRequest[], owner: Address) {
  return requests.map((r) => ({
    stakingToken: batch.add(call(r.address, stakingRewardsAbi, 'stakingToken')),
    rewardsToken: batch.add(call(r.address, stakingRewardsAbi, 'rewardsToken')),
    rewardRate: batch.add(call(r.address, stakingRewardsAbi, 'rewardRate')),
    periodFinish: batch.add(call(r.address, stakingRewardsAbi, 'periodFinish')),
    totalSupply: batch.add(call(r.address, stakingRewardsAbi, 'totalSupply')),
    balance: batch.add(call(r.address, stakingRewardsAbi, 'balanceOf', [owner])),
    earned: batch.add(call(r.address, stakingRewardsAbi, 'earned', [owner])),
  }));
}

/** Level 2 on a staked token without a price of its own: whether it is a two-token pool (tokens, reserves). */
export function addStakedPairReads(batch: Batch, token: Address) {
  return {
    t0: batch.add(call(token, pairAbi, 'token0')),
    t1: batch.add(call(token, pairAbi, 'token1')),
    snap: addPairSnapshotReads(batch, token),
  };
}

const YEAR_SOURCE = 'rewardRate × seconds per year × reward price ÷ value staked in the whole farm';

/**
 * Every farm's rate, period and stake, and the owner's position in each. Levels (each one multicall):
 *   1. the farm's own views (staking/reward token, rate, period end, total and own stake, earned)
 *   2. token metadata, and whether the staked token is a two-token pool (its reserves), plus the code
 *      of any address whose farm views failed (to tell "no contract here" from "not a farm")
 *   3. metadata of the pool's tokens, when the staked token is one
 */
export async function readStakingRewards(
  ctx: ChainReadContext,
  deployment: StakingRewardsDeployment,
): Promise<ProtocolReadResult> {
  const { client, chainId, owner, blockNumber, blockTimestamp, prices } = ctx;
  const multicall3 = CHAINS[chainId].multicall3;
  const at = { multicall3, blockNumber };
  const requests = farmRequests(deployment, ctx.userEntries?.[STAKING_REWARDS_ID] ?? []);
  if (requests.length === 0) return { positions: [] };

  const l1 = new Batch();
  const views = addFarmViews(l1, requests, owner);
  await l1.execute(client, at);

  type Raw = {
    stakingToken: Address;
    rewardsToken: Address;
    rewardRate: bigint;
    periodFinish: bigint;
    totalSupply: bigint;
    balance: bigint;
    earned: bigint;
  };
  const raw: Result<Raw>[] = views.map((v) => {
    const entries = Object.entries(v).map(([k, get]) => [k, get()] as const);
    const failed = entries.find(([, r]) => !r.ok);
    if (failed)
      return {
        ok: false,
        error: `${failed[0]}() ${failed[1].ok ? '' : failed[1].error.includes('reverted') ? 'reverted' : 'returned no usable value'}`,
      };
    return {
      ok: true,
      value: Object.fromEntries(entries.map(([k, r]) => [k, r.ok ? r.value : null])) as Raw,
    };
  });

  // Level 2.
  const l2 = new Batch();
  const meta = new Map<string, () => TokenMetadata>();
  const pairs = new Map<
    string,
    { t0: () => Result<Address>; t1: () => Result<Address>; snap: ReturnType<typeof addPairSnapshotReads> }
  >();
  for (const r of raw) {
    if (!r.ok) continue;
    for (const t of [r.value.stakingToken, r.value.rewardsToken]) {
      if (!meta.has(priceKey(t))) meta.set(priceKey(t), addMetadataReads(l2, t));
    }
    const st = r.value.stakingToken;
    if (!pairs.has(priceKey(st)) && prices.get(priceKey(st))?.status !== 'ok') {
      pairs.set(priceKey(st), addStakedPairReads(l2, st));
    }
  }
  const codes = new Map<number, Promise<string>>();
  raw.forEach((r, i) => {
    const req = requests[i];
    if (r.ok || !req) return;
    codes.set(
      i,
      client.getCode({ address: req.address, blockNumber }).then(
        (code) =>
          code === undefined || code === '0x'
            ? `no contract at ${req.address} on ${CHAINS[chainId].name}: a farm on another chain, or a mistyped address?`
            : `${req.address} is not a StakingRewards farm on ${CHAINS[chainId].name} (${r.error})`,
        (error: unknown) => `could not read ${req.address}: ${errorMessage(error)}`,
      ),
    );
  });
  await l2.execute(client, at);

  const metadata = new Map<string, TokenMetadata>();
  for (const [k, get] of meta) metadata.set(k, get());
  const pairStates = new Map<string, PairState>();
  for (const [k, p] of pairs) {
    const t0 = p.t0();
    const t1 = p.t1();
    const s = p.snap();
    if (!t0.ok || !t1.ok || !s.ok) continue;
    pairStates.set(k, {
      pair: getAddress(k),
      token0: t0.value,
      token1: t1.value,
      ...s.value,
      stableSwap: null,
      poolType: null,
      multipliers: null,
    });
  }
  // Level 3: the pool tokens' metadata.
  const l3 = new Batch();
  const meta3 = new Map<string, () => TokenMetadata>();
  for (const s of pairStates.values()) {
    for (const t of [s.token0, s.token1]) {
      if (!metadata.has(priceKey(t)) && !meta3.has(priceKey(t)))
        meta3.set(priceKey(t), addMetadataReads(l3, t));
    }
  }
  if (l3.size > 0) await l3.execute(client, at);
  for (const [k, get] of meta3) metadata.set(k, get());
  const noImplied = new Map();

  /** USD per whole staked token: its feed, or (a pool's LP token) the pool's value ÷ its supply. */
  const stakePrice = (token: Address): { usdPerToken: (amount: bigint) => bigint | null; source: string } => {
    const feed = prices.get(priceKey(token));
    const m = metadata.get(priceKey(token));
    if (feed?.status === 'ok' && feed.usdE18 !== null && m?.decimals != null) {
      const d = m.decimals;
      const usd = feed.usdE18;
      return { usdPerToken: (a) => (a * usd) / 10n ** BigInt(d), source: feed.label };
    }
    const pair = pairStates.get(priceKey(token));
    if (pair && pair.totalSupply > 0n) {
      const poolUsd = poolUsdE18(pair, metadata, prices, noImplied);
      if (poolUsd !== null)
        return {
          usdPerToken: (a) => (a * poolUsd) / pair.totalSupply,
          source: 'pool reserves × feed prices',
        };
    }
    return { usdPerToken: () => null, source: 'no price' };
  };

  const farms: FarmInfo[] = [];
  const positions: Position[] = [];
  for (const [i, req] of requests.entries()) {
    const r = raw[i];
    const base: FarmInfo = {
      address: req.address,
      origin: req.origin,
      name: req.name,
      error: null,
      stakingToken: null,
      stakingSymbol: null,
      rewardsToken: null,
      rewardSymbol: null,
      rewardDecimals: null,
      rewardRate: null,
      periodFinish: null,
      totalStaked: null,
      totalStakedUsdE18: null,
      rewardApr: null,
      aprNote: null,
      active: null,
      warning: null,
    };
    if (!r?.ok) {
      farms.push({ ...base, error: (await codes.get(i)) ?? 'not readable' });
      continue;
    }
    const v = r.value;
    const sm = metadata.get(priceKey(v.stakingToken));
    const rm = metadata.get(priceKey(v.rewardsToken));
    const pair = pairStates.get(priceKey(v.stakingToken));
    const pairMeta = pair ? [metadata.get(priceKey(pair.token0)), metadata.get(priceKey(pair.token1))] : [];
    const stakingSymbol =
      pair && pairMeta[0] && pairMeta[1]
        ? `${pairMeta[0].symbol}/${pairMeta[1].symbol} LP`
        : (sm?.symbol ?? v.stakingToken);
    const rewardSymbol = rm?.symbol ?? v.rewardsToken;
    const { usdPerToken } = stakePrice(v.stakingToken);
    const totalStakedUsdE18 = usdPerToken(v.totalSupply);
    const rewardPrice: PriceReading = prices.get(priceKey(v.rewardsToken)) ?? noFeedReading(rewardSymbol);
    const verdict = farmRewardApr({
      rewardRate: v.rewardRate,
      periodFinish: v.periodFinish,
      blockTimestamp,
      totalStaked: v.totalSupply,
      totalStakedUsdE18,
      rewardUsdE18: rewardPrice.status === 'ok' ? rewardPrice.usdE18 : null,
      rewardDecimals: rm?.decimals ?? null,
      rewardSymbol,
    });
    const warnings = [
      sm?.warning ? `staked token: ${sm.warning}` : null,
      rm?.warning ? `reward token: ${rm.warning}` : null,
    ].filter((w): w is string => w !== null);
    const info: FarmInfo = {
      ...base,
      stakingToken: v.stakingToken,
      stakingSymbol,
      rewardsToken: v.rewardsToken,
      rewardSymbol,
      rewardDecimals: rm?.decimals ?? null,
      rewardRate: v.rewardRate,
      periodFinish: v.periodFinish,
      totalStaked: v.totalSupply,
      totalStakedUsdE18,
      rewardApr: verdict.ok ? verdict.apr : null,
      aprNote: verdict.ok ? null : verdict.reason,
      active: v.periodFinish > blockTimestamp,
      warning: warnings.length > 0 ? warnings.join('; ') : null,
    };
    farms.push(info);
    if (v.balance === 0n && v.earned === 0n) continue;

    const assets: AssetAmount[] = (pair ? lpAssets(pair, v.balance, metadata, prices, noImplied) : null) ?? [
      assetAmount(
        v.stakingToken,
        stakingSymbol,
        sm?.decimals ?? null,
        v.balance,
        prices.get(priceKey(v.stakingToken)),
      ),
    ];
    const rewards = [assetAmount(v.rewardsToken, rewardSymbol, rm?.decimals ?? null, v.earned, rewardPrice)];
    let y: YieldEstimate | null = null;
    if (verdict.ok) {
      y = yieldFromComponents(
        [
          {
            side: 'reward',
            apr: verdict.apr,
            label: `${rewardSymbol} emissions`,
            window: 'current rate',
            source: YEAR_SOURCE,
            reward: { token: v.rewardsToken, symbol: rewardSymbol, priceSource: rewardPrice.label },
          },
        ],
        { compounds: false, window: 'current rate', source: `${YEAR_SOURCE}, at block ${blockNumber}` },
      );
    } else if (!info.active) {
      y = knownZeroYield(verdict.reason);
    }
    const details: StakingRewardsDetails = {
      type: STAKING_REWARDS_ID,
      farm: info,
      staked: v.balance,
      earned: v.earned,
    };
    positions.push({
      protocol: STAKING_REWARDS_ID,
      kind: 'farming',
      id: `${chainId}:${STAKING_REWARDS_ID}:${req.address.toLowerCase()}`,
      label: `${stakingSymbol} farm → ${rewardSymbol}${req.name ? ` (${req.name})` : ''}`,
      assets,
      rewards,
      yield: y,
      warning: info.warning,
      details,
    });
  }
  const summary: StakingRewardsSummary = { type: STAKING_REWARDS_ID, farms };
  return { positions, summary };
}

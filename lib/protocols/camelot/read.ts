import type { Address } from 'viem';
import { Batch, call, type Result } from '../../chains/multicall';
import type { ChainDeployment } from '../../chains/network';
import { CHAINS } from '../../chains/registry';
import type {
  AssetAmount,
  ChainReadContext,
  Position,
  ProtocolReadResult,
  ReceiptToken,
  YieldComponent,
} from '../../portfolio/types';
import { assetAmount } from '../../portfolio/value';
import { SECONDS_PER_YEAR, yieldFromComponents } from '../../portfolio/yield';
import { priceKey } from '../../prices/book';
import { noFeedReading } from '../../prices/reading';
import { USD_UNIT } from '../../prices/types';
import { addMetadataReads } from '../../tokens/metadata';
import type { TokenMetadata } from '../../tokens/types';
import { pairAbi } from '../v2-pairs/abi';
import { readPast } from '../v2-pairs/past';
import {
  addPairSnapshotReads,
  addPairStateReads,
  invariantBaseComponent,
  lpAssets,
  type PairSnapshot,
  type PairState,
  pairCurve,
  poolImpliedPrices,
  poolUsdE18,
  pricedAmount,
} from '../v2-pairs/read';
import { factoryAbi, masterAbi, nftPoolAbi } from './abi';
import { CAMELOT_ID, type CamelotDetails, type CamelotSpNft } from './types';

export interface CamelotDeployment {
  factory: Address;
  master: Address;
  grail: Address;
  xGrail: Address;
}

/** Pairs and NFT pools enumerated at most; beyond, the read says how many were left out. */
export const MAX_PAIRS = 3000;
export const MAX_NFT_POOLS = 300;
export const MAX_SPNFTS = 100;
const TINY_STAKE_USD_E18 = 1_000n * USD_UNIT;
const BPS = 10_000n;

/** The priced tokens GRAIL's pairs are looked up against (`getPair(GRAIL, token)`), to price GRAIL. */
export function grailQuotes(chain: ChainDeployment, d: CamelotDeployment): Address[] {
  return chain.tokens
    .filter((t) => t.price !== null && t.address.toLowerCase() !== d.grail.toLowerCase())
    .map((t) => t.address);
}

const range = (n: bigint, max: number) =>
  Array.from({ length: Number(n < BigInt(max) ? n : BigInt(max)) }, (_, i) => BigInt(i));
const need = <T>(r: Result<T>, what: string): T => {
  if (!r.ok) throw new Error(`${what}: ${r.error}`);
  return r.value;
};

/**
 * The owner's Camelot V2 LP (wallet) and spNFT positions (LP staked in NFT pools). Discovery is the
 * factory's pair list and the Master's NFT pool list, never a shipped pool list. Levels:
 *   1. counts, emission rate, GRAIL's pairs against priced tokens   2. every pair and NFT pool address
 *   3. the owner's LP balance in each pair, spNFT count and pool info of each NFT pool
 *   4. state of the pairs that matter (held, staked, GRAIL's), spNFT ids; the same pairs at the past block
 *   5. token metadata, staking positions and pending rewards
 */
export async function readCamelot(ctx: ChainReadContext, d: CamelotDeployment): Promise<ProtocolReadResult> {
  const { client, chainId, owner, blockNumber, blockTimestamp, prices } = ctx;
  const at = { multicall3: CHAINS[chainId].multicall3, blockNumber };
  const notes: string[] = [];

  const l1 = new Batch();
  const pairCount = l1.add(call(d.factory, factoryAbi, 'allPairsLength'));
  const poolCount = l1.add(call(d.master, masterAbi, 'poolsLength'));
  const emissionRate = l1.add(call(d.master, masterAbi, 'emissionRate'));
  const totalAlloc = l1.add(call(d.master, masterAbi, 'totalAllocPoint'));
  const grailPairs = grailQuotes(ctx.deployment, d).map((t) =>
    l1.add(call(d.factory, factoryAbi, 'getPair', [d.grail, t])),
  );
  await l1.execute(client, at);
  const nPairs = need(pairCount(), `CamelotFactory ${d.factory} allPairsLength()`);
  const nPools = poolCount();
  if (nPairs > BigInt(MAX_PAIRS)) notes.push(`${nPairs} pairs; only the first ${MAX_PAIRS} were read`);

  const l2 = new Batch();
  const pairAt = range(nPairs, MAX_PAIRS).map((i) => l2.add(call(d.factory, factoryAbi, 'allPairs', [i])));
  const poolAt = nPools.ok
    ? range(nPools.value, MAX_NFT_POOLS).map((i) =>
        l2.add(call(d.master, masterAbi, 'getPoolAddressByIndex', [i])),
      )
    : [];
  await l2.execute(client, at);
  const pairs = pairAt.map((g) => g()).flatMap((r) => (r.ok ? [r.value] : []));
  const nftPools = poolAt.map((g) => g()).flatMap((r) => (r.ok ? [r.value] : []));

  const l3 = new Batch();
  const lpBalance = pairs.map((p) => l3.add(call(p, pairAbi, 'balanceOf', [owner])));
  const poolReads = nftPools.map((pool) => ({
    pool,
    count: l3.add(call(pool, nftPoolAbi, 'balanceOf', [owner])),
    info: l3.add(call(pool, nftPoolAbi, 'getPoolInfo')),
    share: l3.add(call(pool, nftPoolAbi, 'xGrailRewardsShare')),
  }));
  await l3.execute(client, at);
  const held = pairs.flatMap((p, i) => {
    const b = lpBalance[i]?.();
    return b?.ok && b.value > 0n ? [{ pair: p, balance: b.value }] : [];
  });
  const staked = poolReads.flatMap((r) => {
    const c = r.count();
    const info = r.info();
    const share = r.share();
    return c.ok && c.value > 0n && info.ok
      ? [{ pool: r.pool, count: c.value, info: info.value, share: share.ok ? share.value : null }]
      : [];
  });

  const relevant = new Set<string>();
  for (const h of held) relevant.add(h.pair.toLowerCase());
  for (const s of staked) relevant.add(s.info[0].toLowerCase());
  for (const g of grailPairs) {
    const r = g();
    if (r.ok && r.value !== '0x0000000000000000000000000000000000000000') relevant.add(r.value.toLowerCase());
  }
  const relevantPairs = pairs.filter((p) => relevant.has(p.toLowerCase()));
  for (const s of staked)
    if (!relevantPairs.some((p) => p.toLowerCase() === s.info[0].toLowerCase()))
      relevantPairs.push(s.info[0]);

  const l4 = new Batch();
  const states = relevantPairs.map((p) => ({ pair: p, state: addPairStateReads(l4, p, 'camelot') }));
  const ids = staked.map((s) => ({
    ...s,
    ids: range(s.count, MAX_SPNFTS).map((i) =>
      l4.add(call(s.pool, nftPoolAbi, 'tokenOfOwnerByIndex', [owner, i])),
    ),
  }));
  const pastRead = readPast(ctx, (batch) => {
    const snaps = relevantPairs.map((p) => ({ pair: p, snap: addPairSnapshotReads(batch, p) }));
    return () => new Map(snaps.map((s) => [s.pair.toLowerCase(), s.snap()] as const));
  });
  await l4.execute(client, at);
  const stateOf = new Map<string, Result<PairState>>(states.map((s) => [s.pair.toLowerCase(), s.state()]));

  const l5 = new Batch();
  const meta = new Map<string, () => TokenMetadata>();
  const addMeta = (t: Address) => {
    if (!meta.has(priceKey(t))) meta.set(priceKey(t), addMetadataReads(l5, t));
  };
  addMeta(d.grail);
  addMeta(d.xGrail);
  for (const s of stateOf.values()) if (s.ok) [s.value.token0, s.value.token1].forEach(addMeta);
  const positionsRead = ids.flatMap((s) =>
    s.ids.flatMap((get) => {
      const id = get();
      if (!id.ok) return [];
      return [
        {
          pool: s.pool,
          info: s.info,
          share: s.share,
          tokenId: id.value,
          position: l5.add(call(s.pool, nftPoolAbi, 'getStakingPosition', [id.value])),
          pending: l5.add(call(s.pool, nftPoolAbi, 'pendingRewards', [id.value])),
        },
      ];
    }),
  );
  const [past] = await Promise.all([pastRead, l5.execute(client, at)]);
  const metadata = new Map<string, TokenMetadata>([...meta].map(([k, g]) => [k, g()]));

  const now = { block: blockNumber, timestamp: blockTimestamp };
  const pastStamp = past.ok ? { block: past.block, timestamp: past.timestamp } : null;
  const pastOf = (pair: Address): PairSnapshot | null => {
    if (!past.ok) return null;
    const r = past.value.get(pair.toLowerCase());
    return r?.ok ? r.value : null;
  };
  const okStates = [...stateOf.values()].flatMap((s) => (s.ok ? [s.value] : []));
  const implied = poolImpliedPrices(
    okStates.map((s) => ({ now: s, past: pastOf(s.pair) })),
    metadata,
    prices,
    now,
    pastStamp,
  );

  const positions: Position[] = [];
  const receipts: ReceiptToken[] = [];
  const label = (s: PairState) =>
    `${metadata.get(priceKey(s.token0))?.symbol ?? s.token0}/${metadata.get(priceKey(s.token1))?.symbol ?? s.token1}`;
  const baseFor = (s: PairState, yieldNotes: string[]): YieldComponent | null => {
    const curve = pairCurve(s, metadata.get(priceKey(s.token0)), metadata.get(priceKey(s.token1)));
    if (!curve) {
      yieldNotes.push('fee yield unknown: the stable curve needs both tokens’ decimals');
      return null;
    }
    const r = invariantBaseComponent(
      curve,
      s,
      now,
      pastOf(s.pair),
      pastStamp,
      past.ok ? past.note : past.note,
    );
    if (!r.ok) {
      yieldNotes.push(`fee yield unknown: ${r.reason}`);
      return null;
    }
    return r.component;
  };
  const impliedNotes = (assets: AssetAmount[]) =>
    assets
      .filter((a) => a.price.label.startsWith('pool-implied'))
      .map((a) => `${a.symbol}: ${a.price.label}`);
  const metaWarnings = (s: PairState) =>
    [s.token0, s.token1].map((t) => metadata.get(priceKey(t))?.warning).filter((w): w is string => !!w);

  for (const h of held) {
    const id = `${chainId}:${CAMELOT_ID}:lp:${h.pair.toLowerCase()}`;
    const st = stateOf.get(h.pair.toLowerCase());
    if (!st?.ok) {
      positions.push({
        protocol: CAMELOT_ID,
        kind: 'liquidity',
        id,
        label: `LP ${h.pair}`,
        assets: [],
        rewards: [],
        yield: null,
        warning: `pair unreadable: ${st?.ok === false ? st.error : 'not read'}`,
      });
      continue;
    }
    const s = st.value;
    const assets = lpAssets(s, h.balance, metadata, prices, implied);
    const yieldNotes: string[] = [];
    const base = assets ? baseFor(s, yieldNotes) : null;
    const details: CamelotDetails = {
      type: CAMELOT_ID,
      pair: s.pair,
      pairLabel: label(s),
      lp: h.balance,
      totalSupply: s.totalSupply,
      share: s.totalSupply > 0n ? Number((h.balance * 10n ** 12n) / s.totalSupply) / 1e12 : 0,
      spNft: null,
      yieldNotes,
      poolImplied: assets ? impliedNotes(assets) : [],
    };
    const warnings = [
      ...metaWarnings(s),
      ...(assets ? [] : ['the pool has no LP supply: its reserves cannot be shared']),
    ];
    positions.push({
      protocol: CAMELOT_ID,
      kind: 'liquidity',
      id,
      label: `${label(s)} LP`,
      assets: assets ?? [],
      rewards: [],
      yield: base
        ? yieldFromComponents([base], { compounds: true, window: base.window, source: base.source })
        : null,
      warning: warnings.length > 0 ? warnings.join('; ') : null,
      details,
    });
    receipts.push({ token: s.pair, countedIn: id });
  }

  const emission = emissionRate();
  const alloc = totalAlloc();
  const grailMeta = metadata.get(priceKey(d.grail));
  for (const p of positionsRead) {
    const [lpToken, , , , , lpSupply, lpSupplyWithMultiplier, allocPoint] = p.info;
    const id = `${chainId}:${CAMELOT_ID}:spnft:${p.pool.toLowerCase()}:${p.tokenId}`;
    const pos = p.position();
    const pending = p.pending();
    const st = stateOf.get(lpToken.toLowerCase());
    if (!pos.ok || !st?.ok) {
      positions.push({
        protocol: CAMELOT_ID,
        kind: 'farming',
        id,
        label: `spNFT #${p.tokenId}`,
        assets: [],
        rewards: [],
        yield: null,
        warning: `spNFT unreadable: ${!pos.ok ? pos.error : st?.ok === false ? st.error : 'pair not read'}`,
      });
      continue;
    }
    const s = st.value;
    const [amount, amountWithMultiplier, startLockTime, lockDuration] = pos.value;
    const assets = lpAssets(s, amount, metadata, prices, implied);
    const yieldNotes: string[] = [];
    const total = pending.ok ? pending.value : 0n;
    if (!pending.ok) yieldNotes.push(`pending rewards unreadable: ${pending.error}`);
    const shareBps = p.share ?? 0n;
    if (p.share === null)
      yieldNotes.push('xGrailRewardsShare() unreadable: all pending rewards shown as GRAIL');
    const pendingXGrail = (total * shareBps) / BPS;
    const pendingGrail = total - pendingXGrail;
    const grailReward = pricedAmount(d.grail, pendingGrail, metadata, prices, implied);
    const xGrailReward = assetAmount(
      d.xGrail,
      metadata.get(priceKey(d.xGrail))?.symbol ?? 'xGRAIL',
      metadata.get(priceKey(d.xGrail))?.decimals ?? null,
      pendingXGrail,
      {
        ...noFeedReading('xGRAIL'),
        reason: 'xGRAIL is non-transferable escrowed GRAIL: not valued',
      },
    );
    const components: YieldComponent[] = [];
    const base = assets ? baseFor(s, yieldNotes) : null;
    if (base) components.push(base);
    // Reward: the pool's GRAIL emissions (the liquid share only; xGRAIL is not valued), on the whole stake.
    const poolUsd = poolUsdE18(s, metadata, prices, implied);
    const grailPrice = pricedAmount(
      d.grail,
      10n ** BigInt(grailMeta?.decimals ?? 18),
      metadata,
      prices,
      implied,
    ).price;
    if (!emission.ok || !alloc.ok || alloc.value === 0n)
      yieldNotes.push('reward yield unknown: the Master’s emission rate is unreadable');
    else if (lpSupply === 0n || lpSupplyWithMultiplier === 0n || amount === 0n)
      yieldNotes.push('reward yield unknown: nothing staked in this NFT pool');
    else if (poolUsd === null || s.totalSupply === 0n)
      yieldNotes.push('reward yield unknown: the LP token cannot be valued');
    else if (grailPrice.usdE18 === null || grailMeta?.decimals == null)
      yieldNotes.push(`reward yield unknown: GRAIL has no price (${grailPrice.reason ?? 'no feed'})`);
    else {
      const stakeUsd = (lpSupply * poolUsd) / s.totalSupply;
      if (stakeUsd < TINY_STAKE_USD_E18)
        yieldNotes.push('reward yield unreliable (tiny stake): under $1,000 staked in the whole NFT pool');
      else {
        const grailPerSecond = (emission.value * allocPoint * (BPS - shareBps)) / (alloc.value * BPS);
        const yearlyUsd =
          (grailPerSecond * BigInt(SECONDS_PER_YEAR) * grailPrice.usdE18) / 10n ** BigInt(grailMeta.decimals);
        // Whole-stake rate, times this position's boost: (its weighted share ÷ its plain share).
        const SCALE = 10n ** 12n;
        const apr =
          Number(
            (yearlyUsd * SCALE * amountWithMultiplier * lpSupply) /
              (stakeUsd * lpSupplyWithMultiplier * amount),
          ) / 1e12;
        components.push({
          side: 'reward',
          apr,
          label: 'GRAIL emissions (liquid share)',
          window: 'current rate',
          source: `Master emissionRate × allocPoint ÷ totalAllocPoint × (1 − xGRAIL share) × GRAIL price ÷ value staked in the NFT pool × this spNFT's multiplier; xGRAIL (${Number(shareBps) / 100}%) not valued`,
          reward: { token: d.grail, symbol: grailReward.symbol, priceSource: grailPrice.label },
        });
      }
    }
    const spNft: CamelotSpNft = {
      nftPool: p.pool,
      tokenId: p.tokenId,
      amount,
      amountWithMultiplier,
      multiplier: amount > 0n ? Number((amountWithMultiplier * 10_000n) / amount) / 10_000 : 0,
      lockDuration,
      lockEnd: lockDuration > 0n ? startLockTime + lockDuration : null,
      pending: total,
      pendingGrail,
      pendingXGrail,
      xGrailShareBps: shareBps,
    };
    const details: CamelotDetails = {
      type: CAMELOT_ID,
      pair: s.pair,
      pairLabel: label(s),
      lp: amount,
      totalSupply: s.totalSupply,
      share: s.totalSupply > 0n ? Number((amount * 10n ** 12n) / s.totalSupply) / 1e12 : 0,
      spNft,
      yieldNotes,
      poolImplied: [...(assets ? impliedNotes(assets) : []), ...impliedNotes([grailReward])],
    };
    const warnings = [
      ...metaWarnings(s),
      ...(assets ? [] : ['the pool has no LP supply: its reserves cannot be shared']),
    ];
    positions.push({
      protocol: CAMELOT_ID,
      kind: 'farming',
      id,
      label: `${label(s)} spNFT #${p.tokenId}`,
      assets: assets ?? [],
      rewards: [grailReward, xGrailReward],
      yield:
        components.length > 0
          ? yieldFromComponents(components, {
              compounds: false,
              window: components.map((c) => c.window).join(' + '),
              source: components.map((c) => c.label).join(' + '),
            })
          : null,
      warning: warnings.length > 0 ? warnings.join('; ') : null,
      details,
    });
  }
  if (notes.length > 0 && positions[0])
    positions[0].warning = [positions[0].warning, ...notes].filter(Boolean).join('; ');
  return { positions, receipts };
}

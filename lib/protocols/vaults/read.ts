import { type Address, getAddress } from 'viem';
import { Batch, call, type Result } from '../../chains/multicall';
import { CHAINS } from '../../chains/registry';
import type {
  ChainReadContext,
  Position,
  ProtocolReadResult,
  ReceiptToken,
  TokenYield,
  YieldEstimate,
} from '../../portfolio/types';
import { assetAmount } from '../../portfolio/value';
import { annualisedGrowth, yieldFromComponents } from '../../portfolio/yield';
import { priceKey } from '../../prices/book';
import { addMetadataReads } from '../../tokens/metadata';
import type { TokenMetadata } from '../../tokens/types';
import { DEFAULT_WINDOW_SECONDS, formatWindow, type PastOutcome, readPastWindow } from '../past-window';
import { erc4626Abi } from './abi';
import { VAULTS_ID, type VaultDetails, type VaultsDeployment } from './types';

/**
 * Shares probed for the share price: large enough that rounding is negligible for any share decimals
 * (10⁶ whole shares at 18 decimals), small enough that `convertToAssets` cannot overflow.
 */
export const PROBE_SHARES = 10n ** 24n;

export interface Target {
  vault: Address;
  userAdded: boolean;
}

/** The vaults to read: the curated list, then the user's own (deduplicated, checksummed). */
export function vaultTargets(deployment: VaultsDeployment, userEntries: readonly Address[] = []): Target[] {
  const seen = new Set<string>();
  const out: Target[] = [];
  for (const [vault, userAdded] of [
    ...deployment.curated.map((c) => [c.address, false] as const),
    ...userEntries.map((a) => [a, true] as const),
  ]) {
    const v = getAddress(vault);
    if (seen.has(v.toLowerCase())) continue;
    seen.add(v.toLowerCase());
    out.push({ vault: v, userAdded });
  }
  return out;
}

/** The first level, known before any block (round 1 hands the same calls in: `lens.ts`). */
export function addVaultFirstLevel(batch: Batch, targets: readonly Target[], owner: Address) {
  return targets.map((t) => ({
    asset: batch.add(call(t.vault, erc4626Abi, 'asset')),
    balance: batch.add(call(t.vault, erc4626Abi, 'balanceOf', [owner])),
    totalSupply: batch.add(call(t.vault, erc4626Abi, 'totalSupply')),
    totalAssets: batch.add(call(t.vault, erc4626Abi, 'totalAssets')),
    price: batch.add(call(t.vault, erc4626Abi, 'convertToAssets', [PROBE_SHARES])),
    meta: addMetadataReads(batch, t.vault),
  }));
}

/**
 * Every ERC-4626 vault position the owner holds on one chain, at `ctx.blockNumber`: curated vaults the
 * owner has shares in, and every vault the user added (shown even when empty, or when it is not a vault,
 * with why). Round trips: one multicall (asset, shares, supply, share metadata, share price), then one
 * more (the owner's `convertToAssets(balanceOf)`, the asset's metadata), while the past block is located
 * and read concurrently (the share price about 7 days back).
 */
export async function readVaults(
  ctx: ChainReadContext,
  deployment: VaultsDeployment,
  options: { windowSeconds?: number } = {},
): Promise<ProtocolReadResult> {
  const windowSeconds = options.windowSeconds ?? DEFAULT_WINDOW_SECONDS;
  const targets = vaultTargets(deployment, ctx.userEntries?.[VAULTS_ID]);
  if (targets.length === 0) return { positions: [] };
  const { client, chainId, owner, blockNumber, blockTimestamp } = ctx;
  const multicall3 = CHAINS[chainId].multicall3;
  const at = { multicall3, blockNumber };

  const pastPromise = readPastWindow({
    client,
    chainId,
    head: { number: blockNumber, timestamp: blockTimestamp },
    windowSeconds,
    read: async (block): Promise<Result<bigint>[]> => {
      const b = new Batch();
      const prices = targets.map((t) => b.add(call(t.vault, erc4626Abi, 'convertToAssets', [PROBE_SHARES])));
      await b.execute(client, { multicall3, blockNumber: block });
      return prices.map((p) => p());
    },
  });

  const l1 = new Batch();
  const first = addVaultFirstLevel(l1, targets, owner);
  try {
    await l1.execute(client, at);
  } catch (error) {
    await pastPromise.catch(() => null);
    throw error;
  }

  const l2 = new Batch();
  const assetMeta = new Map<string, () => TokenMetadata>();
  const second = targets.map((t, i) => {
    const f = first[i];
    const asset = f?.asset();
    const balance = f?.balance();
    if (asset?.ok && !assetMeta.has(asset.value.toLowerCase()))
      assetMeta.set(asset.value.toLowerCase(), addMetadataReads(l2, asset.value));
    return balance?.ok && balance.value > 0n
      ? l2.add(call(t.vault, erc4626Abi, 'convertToAssets', [balance.value]))
      : null;
  });
  const [, past] = await Promise.all([l2.execute(client, at), pastPromise]);

  const positions: Position[] = [];
  const receipts: ReceiptToken[] = [];
  const tokenYields: TokenYield[] = [];
  targets.forEach((t, i) => {
    const f = first[i];
    if (!f) return;
    const position = buildVault(ctx, t, {
      asset: f.asset(),
      balance: f.balance(),
      totalSupply: f.totalSupply(),
      totalAssets: f.totalAssets(),
      price: f.price(),
      meta: f.meta(),
      assets: second[i]?.() ?? null,
      assetMeta: (a) => assetMeta.get(a.toLowerCase())?.() ?? null,
      past,
      index: i,
      windowSeconds,
    });
    if (!position) return;
    positions.push(position);
    receipts.push({ token: t.vault, countedIn: position.id });
    const c = position.yield?.components?.[0];
    if (c) tokenYields.push({ token: t.vault, component: { ...c, label: `${position.label} share price` } });
  });
  return { positions, receipts, tokenYields };
}

interface VaultReads {
  asset: Result<Address>;
  balance: Result<bigint>;
  totalSupply: Result<bigint>;
  totalAssets: Result<bigint>;
  price: Result<bigint>;
  meta: TokenMetadata;
  assets: Result<bigint> | null;
  assetMeta: (asset: Address) => TokenMetadata | null;
  past: PastOutcome<Result<bigint>[]>;
  index: number;
  windowSeconds: number;
}

function buildVault(ctx: ChainReadContext, t: Target, r: VaultReads): Position | null {
  const id = `${ctx.chainId}:${VAULTS_ID}:${t.vault}`;
  const broken = (warning: string): Position => ({
    protocol: VAULTS_ID,
    kind: 'vault',
    id,
    label: r.meta.symbol || t.vault,
    assets: [],
    rewards: [],
    yield: null,
    warning,
  });
  // Not a vault: no contract, or a contract without ERC-4626's `asset()`.
  if (!r.asset.ok || !r.balance.ok) {
    if (!t.userAdded) return null; // a curated vault not deployed at this block: nothing held
    const error = !r.asset.ok ? r.asset.error : r.balance.ok ? '' : r.balance.error;
    const what = /zero data|returned no data/.test(error)
      ? 'asset() returned nothing (no contract at this address, or not a vault)'
      : `asset() failed (${error})`;
    return {
      ...broken(`${t.vault} is not an ERC-4626 vault: ${what}`),
      label: `not a vault (${t.vault.slice(0, 10)}…)`,
    };
  }
  const shares = r.balance.value;
  if (shares === 0n && !t.userAdded) return null;
  const asset = r.asset.value;
  const meta = r.assetMeta(asset);
  const symbol = meta?.symbol ?? '?';
  const details: VaultDetails = {
    type: VAULTS_ID,
    vault: t.vault,
    userAdded: t.userAdded,
    shares,
    shareDecimals: r.meta.decimals,
    shareSymbol: r.meta.symbol,
    asset,
    totalAssets: r.totalAssets.ok ? r.totalAssets.value : null,
    totalSupply: r.totalSupply.ok ? r.totalSupply.value : null,
    probeShares: PROBE_SHARES,
    priceNow: r.price.ok ? r.price.value : null,
    pricePast: null,
    yieldNote: null,
  };
  // The owner's assets are the vault's own `convertToAssets(balanceOf)`.
  const assets = shares === 0n ? ({ ok: true, value: 0n } as const) : r.assets;
  if (!assets?.ok || !r.price.ok) {
    const error = !r.price.ok ? r.price.error : assets && !assets.ok ? assets.error : 'not read';
    details.yieldNote = 'convertToAssets reverts, so neither value nor yield can be read';
    return {
      ...broken(`convertToAssets reverted (${error}): the value of ${r.meta.symbol} shares cannot be read`),
      label: r.meta.symbol,
      details,
    };
  }
  const { estimate, note, pricePast } = shareYield(ctx, r, r.price.value);
  details.pricePast = pricePast;
  details.yieldNote = note;
  const warnings = [r.meta.warning, meta?.warning ? `asset: ${meta.warning}` : null].filter(Boolean);
  return {
    protocol: VAULTS_ID,
    kind: 'vault',
    id,
    label: r.meta.symbol,
    assets: [
      assetAmount(asset, symbol, meta?.decimals ?? null, assets.value, ctx.prices.get(priceKey(asset))),
    ],
    rewards: [],
    yield: estimate,
    warning: warnings.length > 0 ? warnings.join('; ') : null,
    details,
  };
}

function shareYield(
  ctx: ChainReadContext,
  r: VaultReads,
  priceNow: bigint,
): { estimate: YieldEstimate | null; note: string | null; pricePast: VaultDetails['pricePast'] } {
  const wanted = formatWindow(BigInt(r.windowSeconds));
  if (!r.past.ok)
    return { estimate: null, note: `share price growth unknown: ${r.past.note}`, pricePast: null };
  const then = r.past.value[r.index];
  if (!then?.ok || then.value === 0n) {
    return {
      estimate: null,
      note: `the vault did not answer convertToAssets at block ${r.past.block}, ${formatWindow(r.past.seconds)} back: it is younger than the ${wanted} window, so its yield cannot be estimated yet`,
      pricePast: null,
    };
  }
  const pricePast = { block: r.past.block, timestamp: r.past.timestamp, assets: then.value };
  const ratio = Number((priceNow * 10n ** 18n) / then.value) / 1e18;
  const apr = annualisedGrowth(ratio, Number(r.past.seconds));
  if (apr === null) return { estimate: null, note: 'no time passed between the two blocks', pricePast };
  const window = formatWindow(r.past.seconds);
  const source = `share price (convertToAssets) growth, blocks ${r.past.block}–${ctx.blockNumber}${r.past.note ? `; ${r.past.note}` : ''}`;
  return {
    estimate: yieldFromComponents([{ side: 'base', apr, label: 'share price', window, source }], {
      compounds: true,
      window,
      source,
    }),
    note: r.past.note,
    pricePast,
  };
}

import { formatAmount, formatPercent } from '../../format/index';
import type { Position } from '../../portfolio/types';
import { isVaultDetails, type VaultDetails } from './types';

/** Assets per whole share, as a decimal string, or null when unknown. */
export function sharePriceText(
  d: VaultDetails,
  assetDecimals: number | null,
  assetSymbol: string,
): string | null {
  if (d.priceNow === null || d.shareDecimals === null || assetDecimals === null) return null;
  // priceNow is the assets for PROBE shares; scale to one whole share.
  const perShare = (d.priceNow * 10n ** BigInt(d.shareDecimals)) / d.probeShares;
  return `1 ${d.shareSymbol} = ${formatAmount(perShare, assetDecimals, 6)} ${assetSymbol}`;
}

export function vaultPositionLines(p: Position): string[] {
  const d = p.details;
  if (!isVaultDetails(d)) return [];
  const asset = p.assets[0];
  const lines = [
    `shares ${formatAmount(d.shares, d.shareDecimals)} ${d.shareSymbol}${d.userAdded ? ' (added by you)' : ''}`,
  ];
  const price = asset ? sharePriceText(d, asset.decimals, asset.symbol) : null;
  if (price) lines.push(price);
  if (p.yield) {
    lines.push(
      `share price ${p.yield.baseApr >= 0 ? 'grew' : 'fell'}: ${formatPercent(p.yield.baseApr)} a year (${p.yield.window}; ${p.yield.source})`,
    );
  } else if (d.yieldNote) lines.push(`yield unknown: ${d.yieldNote}`);
  return lines;
}

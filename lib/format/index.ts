import { formatUnits } from 'viem';
import { USD_DECIMALS } from '../prices/types';

/**
 * Display formatting. Amounts stay bigint until here; these functions are the only place they become
 * text, and they round only for the eye.
 */
export function formatAmount(amount: bigint, decimals: number | null, maxFraction = 6): string {
  if (decimals === null) return `${amount.toString()} (base units)`;
  const text = formatUnits(amount, decimals);
  const [whole = '0', fraction = ''] = text.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  // Keep at least two significant digits for tiny amounts.
  let keep = maxFraction;
  if (digits === '0') {
    const firstNonZero = fraction.search(/[1-9]/);
    if (firstNonZero >= 0) keep = Math.max(maxFraction, firstNonZero + 2);
  }
  const cut = fraction.slice(0, keep).replace(/0+$/, '');
  if (amount !== 0n && digits === '0' && cut === '') return `${sign}<0.${'0'.repeat(keep - 1)}1`;
  return `${sign}${grouped}${cut ? `.${cut}` : ''}`;
}

const usdFormatter = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

export function formatUsd(usdE18: bigint | null): string {
  if (usdE18 === null) return '—';
  const value = Number(formatUnits(usdE18, USD_DECIMALS));
  if (value !== 0 && Math.abs(value) < 0.01) return value < 0 ? '-<$0.01' : '<$0.01';
  return usdFormatter.format(value);
}

/** A unit price: four significant digits below $10 (stablecoins off peg show), cents above. */
export function formatPrice(usdE18: bigint | null): string {
  if (usdE18 === null) return '—';
  const value = Number(formatUnits(usdE18, USD_DECIMALS));
  if (value >= 10 || value === 0) return usdFormatter.format(value);
  const [whole = '0', fraction = ''] = value.toPrecision(4).split('.');
  const trimmed = fraction.replace(/0+$/, '').padEnd(2, '0');
  return `$${whole}.${trimmed}`;
}

export function formatPercent(fraction: number, digits = 2): string {
  if (!Number.isFinite(fraction)) return '—';
  return `${(fraction * 100).toFixed(digits)}%`;
}

export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

const compactUsd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 1,
});
const exactUsd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 6,
});

/** A USD float for the eye: compact from $100k (`$1.2M`), cents below; `exact` for the hover title. */
export function formatUsdFigure(usd: number | null): { text: string; exact: string } {
  if (usd === null || !Number.isFinite(usd)) return { text: '—', exact: 'not known' };
  const exact = exactUsd.format(usd);
  if (Math.abs(usd) >= 100_000) return { text: compactUsd.format(usd), exact };
  if (usd !== 0 && Math.abs(usd) < 0.01) return { text: usd < 0 ? '-<$0.01' : '<$0.01', exact };
  return { text: usdFormatter.format(usd), exact };
}

import { describe, expect, it } from 'vitest';
import { formatAmount, formatPrice, formatUsd, formatUsdFigure } from './index';

describe('formatAmount', () => {
  it('groups thousands and trims trailing zeros', () => {
    expect(formatAmount(1_500_500_000n, 6)).toBe('1,500.5');
    expect(formatAmount(10n ** 24n, 18)).toBe('1,000,000');
  });
  it('keeps two significant digits of tiny amounts, and marks dust', () => {
    expect(formatAmount(1234n, 18)).toBe('0.0000000000000012');
    expect(formatAmount(1n, 2, 1)).toBe('0.01');
  });
  it('shows base units when decimals are unknown', () => {
    expect(formatAmount(123n, null)).toBe('123 (base units)');
  });
  it('handles negatives', () => {
    expect(formatAmount(-2_500000n, 6)).toBe('-2.5');
  });
});

describe('formatUsd / formatPrice', () => {
  it('formats 18-decimal USD', () => {
    expect(formatUsd(1234_567n * 10n ** 15n)).toBe('$1,234.57');
    expect(formatUsd(null)).toBe('—');
    expect(formatUsd(10n ** 15n)).toBe('<$0.01');
  });
  it('shows off-peg stablecoin prices', () => {
    expect(formatPrice(9995n * 10n ** 14n)).toBe('$0.9995');
    expect(formatPrice(3000n * 10n ** 18n)).toBe('$3,000.00');
    expect(formatPrice(185n * 10n ** 16n)).toBe('$1.85');
    expect(formatPrice(10n ** 18n)).toBe('$1.00');
    expect(formatPrice(115n * 10n ** 15n)).toBe('$0.115');
  });
});

describe('formatUsdFigure', () => {
  it('is compact where large, exact on hover, and never prints NaN', () => {
    expect(formatUsdFigure(1_234_567.891)).toEqual({ text: '$1.2M', exact: '$1,234,567.891' });
    expect(formatUsdFigure(99_999.5).text).toBe('$99,999.50');
    expect(formatUsdFigure(0.004)).toEqual({ text: '<$0.01', exact: '$0.004' });
    expect(formatUsdFigure(Number.NaN).text).toBe('—');
    expect(formatUsdFigure(null).text).toBe('—');
  });
});

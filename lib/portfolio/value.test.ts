import { describe, expect, it } from 'vitest';
import { noFeedReading } from '../prices/reading';
import type { PriceReading } from '../prices/types';
import type { Position } from './types';
import { assetAmount, positionValue, sumValues, usdValue } from './value';

const price = (usd: bigint, status: PriceReading['status'] = 'ok'): PriceReading => ({
  label: 'X/USD',
  usdE18: usd * 10n ** 18n,
  status,
  updatedAt: 1n,
  reason: status === 'ok' ? null : 'why',
  note: null,
});

const position = (
  kind: Position['kind'],
  assets: Position['assets'],
  rewards: Position['rewards'] = [],
): Position => ({
  protocol: 'p',
  kind,
  id: `10:p:${kind}`,
  label: kind,
  assets,
  rewards,
  yield: null,
  warning: null,
});

describe('value', () => {
  it('values base units exactly, whatever the decimals', () => {
    expect(usdValue(1_500_500_000n, 6, 10n ** 18n)).toBe(1500_500000000000000000n);
    expect(usdValue(1n, 18, 3000n * 10n ** 18n)).toBe(3000n);
  });

  it('leaves an amount unpriced (null), never zero, when there is no feed or no decimals', () => {
    expect(assetAmount('native', 'ETH', 18, 5n, undefined)).toMatchObject({
      usdE18: null,
      price: noFeedReading('ETH'),
    });
    expect(assetAmount('native', 'ETH', null, 5n, price(3000n)).usdE18).toBeNull();
  });

  it('counts debts against the total and rewards towards it', () => {
    const supply = position(
      'supply',
      [assetAmount('native', 'ETH', 18, 10n ** 18n, price(3000n))],
      [assetAmount('native', 'ETH', 18, 10n ** 17n, price(3000n))],
    );
    const borrow = position('borrow', [assetAmount('native', 'USDC', 6, 1000_000000n, price(1n))]);
    expect(positionValue(supply).usdE18).toBe(3300n * 10n ** 18n);
    expect(positionValue(borrow).usdE18).toBe(-1000n * 10n ** 18n);
    expect(sumValues([positionValue(supply), positionValue(borrow)]).usdE18).toBe(2300n * 10n ** 18n);
  });

  it('says when a total rests on an untrusted price, and counts what it could not price', () => {
    const stale = position('balance', [assetAmount('native', 'DAI', 18, 10n ** 18n, price(1n, 'stale'))]);
    const unpriced = position('balance', [assetAmount('native', 'X', 18, 10n ** 18n, undefined)]);
    const total = sumValues([positionValue(stale), positionValue(unpriced)]);
    expect(total).toEqual({ usdE18: 10n ** 18n, includesUntrusted: true, unpriced: 1 });
  });

  it('counts a position whose contents could not be read as unpriced, not as zero', () => {
    const unreadable = { ...position('liquidity', []), warning: 'pool slot0() reverted' };
    expect(positionValue(unreadable)).toEqual({ usdE18: 0n, includesUntrusted: false, unpriced: 1 });
    expect(positionValue(position('balance', [])).unpriced).toBe(0);
  });
});

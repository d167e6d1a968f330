import { noFeedReading } from '../prices/reading';
import type { PriceReading } from '../prices/types';
import type { AssetAmount, Position } from './types';

/** USD value (18 decimals) of `amount` base units at `usdE18` per whole token. */
export function usdValue(amount: bigint, decimals: number, usdE18: bigint): bigint {
  return (amount * usdE18) / 10n ** BigInt(decimals);
}

export function assetAmount(
  token: AssetAmount['token'],
  symbol: string,
  decimals: number | null,
  amount: bigint,
  price: PriceReading | undefined,
): AssetAmount {
  const reading = price ?? noFeedReading(symbol);
  const usdE18 =
    reading.usdE18 !== null && decimals !== null ? usdValue(amount, decimals, reading.usdE18) : null;
  return { token, symbol, decimals, amount, price: reading, usdE18 };
}

/** Debts count against the total. */
export function positionSign(position: Position): 1n | -1n {
  return position.kind === 'borrow' ? -1n : 1n;
}

export interface ValueSummary {
  /** Sum of every priced amount (debts subtracted), 18 decimals. */
  usdE18: bigint;
  /** Some of that sum rests on a price that is stale or otherwise not `ok`. */
  includesUntrusted: boolean;
  /** Amounts that could not be valued at all (no feed, failed feed, unknown decimals). */
  unpriced: number;
}

export function positionValue(position: Position): ValueSummary {
  let usdE18 = 0n;
  let includesUntrusted = false;
  // A position whose contents could not be read at all (it says why in `warning`) is not worth zero:
  // it is unknown, and counts as unpriced.
  let unpriced = position.assets.length === 0 && position.warning !== null ? 1 : 0;
  for (const a of [...position.assets, ...position.rewards]) {
    if (a.usdE18 === null) {
      if (a.amount !== 0n) unpriced += 1;
      continue;
    }
    usdE18 += a.usdE18;
    if (a.price.status !== 'ok' && a.amount !== 0n) includesUntrusted = true;
  }
  return { usdE18: usdE18 * positionSign(position), includesUntrusted, unpriced };
}

export function sumValues(values: readonly ValueSummary[]): ValueSummary {
  return values.reduce<ValueSummary>(
    (acc, v) => ({
      usdE18: acc.usdE18 + v.usdE18,
      includesUntrusted: acc.includesUntrusted || v.includesUntrusted,
      unpriced: acc.unpriced + v.unpriced,
    }),
    { usdE18: 0n, includesUntrusted: false, unpriced: 0 },
  );
}

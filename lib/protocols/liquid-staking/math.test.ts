import { ChainlinkArbitrum, ChainlinkOptimism, ChainlinkZkSync } from '@aave-dao/aave-address-book';
import { describe, expect, it } from 'vitest';
import { exchangeRateFeeds } from '../../prices/rate';
import { MAINNET_TOKENS } from '../../tokens/mainnet';
import { rateGrowthApr } from './math';

describe('rateGrowthApr', () => {
  it('annualises the growth between two rounds as a simple rate', () => {
    // 1.2 → 1.2006672 over 7 days is 0.0556 % a week, 2.9 % a year.
    expect(rateGrowthApr(1_200_000_000_000_000_000n, 1_200_667_397_260_273_972n, 604_800n)).toBeCloseTo(
      0.029,
      9,
    );
    expect(rateGrowthApr(2n, 1n, 86_400n)).toBeCloseTo(-0.5 * 365, 9);
  });

  it('is unknown, never 0 or ∞, for empty windows or non-positive answers', () => {
    expect(rateGrowthApr(1n, 2n, 0n)).toBeNull();
    expect(rateGrowthApr(0n, 2n, 10n)).toBeNull();
    expect(rateGrowthApr(1n, -2n, 10n)).toBeNull();
  });
});

describe('mainnet LSTs', () => {
  it('are priced from the exchange-rate feeds Aave’s address book lists, × ETH/USD', () => {
    const book = { 10: ChainlinkOptimism, 42161: ChainlinkArbitrum, 324: ChainlinkZkSync } as const;
    const expected: Record<string, keyof typeof ChainlinkArbitrum> = {
      wstETH: 'wstETH_stETH_Exchange_Rate',
      rETH: 'rETH_ETH_Exchange_Rate',
      weETH: 'weETH__eETH_Exchange_Rate',
    };
    for (const id of [10, 42161, 324] as const) {
      const found = MAINNET_TOKENS[id].flatMap((t) => {
        const f = exchangeRateFeeds(t.price);
        return f ? [[t.symbol, f] as const] : [];
      });
      expect(found.map(([s]) => s).sort()).toEqual(
        id === 324 ? ['weETH', 'wstETH'] : ['rETH', 'weETH', 'wstETH'],
      );
      for (const [symbol, f] of found) {
        const key = expected[symbol] as string;
        expect(f.rate.address, `${id} ${symbol}`).toBe((book[id] as unknown as Record<string, string>)[key]);
        expect(f.underlyingUsd.address).toBe(book[id].ETH__USD);
      }
    }
  });
});

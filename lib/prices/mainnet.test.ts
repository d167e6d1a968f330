import { ChainlinkArbitrum, ChainlinkOptimism, ChainlinkZkSync } from '@aave-dao/aave-address-book';
import { type Address, isAddressEqual } from 'viem';
import { describe, expect, it } from 'vitest';
import { CHAIN_IDS, type ChainId } from '../chains/registry';
import { MAINNET_PRICES, MAINNET_SEQUENCER_FEEDS } from './mainnet';
import type { PriceSourceSpec } from './types';

/** Chainlink's feeds as the Aave address book lists them for each chain (a test oracle only). */
const BOOK = { 10: ChainlinkOptimism, 42161: ChainlinkArbitrum, 324: ChainlinkZkSync } as const;
type BookKey<C extends ChainId> = keyof (typeof BOOK)[C];

/**
 * The book's name for each pair the app prices with. Where the book has two feeds of one pair (OP's
 * `RETH__ETH` market rate beside `rETH_ETH_Exchange_Rate`), this says which one the table means: the
 * exchange rate, which is what Aave prices rETH with too.
 */
const BOOK_NAME: { [C in ChainId]: Record<string, BookKey<C>> } = {
  10: {
    'ETH/USD': 'ETH__USD',
    'USDC/USD': 'USDC__USD',
    'USDT/USD': 'USDT__USD',
    'DAI/USD': 'DAI__USD',
    'OP/USD': 'OP__USD',
    'VELODROME/USD': 'VELODROME__USD',
    'wstETH/USD': 'WSTETH__USD',
    'wstETH/stETH': 'wstETH_stETH_Exchange_Rate',
    'weETH/eETH': 'weETH__eETH_Exchange_Rate',
    'rETH/ETH': 'rETH_ETH_Exchange_Rate',
    'sequencer uptime': 'L2_Sequencer_Uptime_Status_Feed',
  },
  42161: {
    'ETH/USD': 'ETH__USD',
    'USDC/USD': 'USDC__USD',
    'USDT/USD': 'USDT__USD',
    'DAI/USD': 'DAI__USD',
    'ARB/USD': 'ARB__USD',
    'GMX/USD': 'GMX__USD',
    'wstETH/ETH': 'WSTETH__ETH',
    'wstETH/stETH': 'wstETH_stETH_Exchange_Rate',
    'weETH/eETH': 'weETH__eETH_Exchange_Rate',
    'rETH/ETH': 'rETH_ETH_Exchange_Rate',
    'sequencer uptime': 'L2_Sequencer_Uptime_Status_Feed',
  },
  324: {
    'ETH/USD': 'ETH__USD',
    'USDC/USD': 'USDC__USD',
    'USDT/USD': 'USDT__USD',
    'ZK/USD': 'ZK__USD',
    'wstETH/stETH': 'wstETH_stETH_Exchange_Rate',
    'weETH/eETH': 'weETH__eETH_Exchange_Rate',
    'sequencer uptime': 'L2_Sequencer_Uptime_Status_Feed',
  },
};

/** The pair a book name stands for: `WSTETH__ETH` → wsteth/eth, `rETH_ETH_Exchange_Rate` → reth/eth. */
function bookPair(name: string): string {
  const base = name.replace(/_Exchange_Rate$/, '');
  return (base.includes('__') ? base.replace('__', '/') : base.replace('_', '/')).toLowerCase();
}

/** Every distinct feed the app reads on a chain: each price source's feeds and the sequencer feed. */
function feedsUsed(chainId: ChainId): { pair: string; address: Address }[] {
  const sources: Record<string, PriceSourceSpec> = MAINNET_PRICES[chainId];
  const byAddress = new Map<string, { pair: string; address: Address }>();
  for (const source of Object.values(sources)) {
    for (const f of source.feeds)
      byAddress.set(f.address.toLowerCase(), { pair: f.pair, address: f.address });
  }
  const sequencer = MAINNET_SEQUENCER_FEEDS[chainId];
  byAddress.set(sequencer.toLowerCase(), { pair: 'sequencer uptime', address: sequencer });
  return [...byAddress.values()];
}

describe('mainnet Chainlink feeds against @aave-dao/aave-address-book', () => {
  it('takes each chain’s feeds from the book’s module for that chain', () => {
    for (const id of CHAIN_IDS) expect(BOOK[id].CHAIN_ID).toBe(id);
  });

  it('names each pair by the book entry of that pair', () => {
    for (const id of CHAIN_IDS) {
      for (const [pair, name] of Object.entries(BOOK_NAME[id])) {
        if (pair === 'sequencer uptime') continue;
        expect(bookPair(String(name)), `${id} ${pair}`).toBe(pair.toLowerCase());
      }
    }
  });

  it('has every feed the app reads equal to the book’s feed of the same pair', () => {
    const mismatches: string[] = [];
    let compared = 0;
    let sequencers = 0;
    for (const id of CHAIN_IDS) {
      const book: Record<string, unknown> = BOOK[id];
      const names: Record<string, string> = BOOK_NAME[id];
      for (const f of feedsUsed(id)) {
        const name = names[f.pair];
        const theirs = name === undefined ? undefined : book[name];
        if (typeof theirs !== 'string') {
          mismatches.push(`${id} ${f.pair} ${f.address}: no book entry named for this pair`);
          continue;
        }
        if (f.pair === 'sequencer uptime') sequencers += 1;
        else compared += 1;
        if (!isAddressEqual(f.address, theirs as Address))
          mismatches.push(`${id} ${f.pair}: ${f.address} ≠ book ${name} ${theirs}`);
      }
    }
    expect(mismatches).toEqual([]);
    // 17 price feeds before USDT/USD and DAI/USD (on 10 and 42161) and USDT/USD (on 324) were added; and
    // the three sequencer uptime feeds; then VELODROME/USD (10) and GMX/USD (42161) with their modules
    // (wstETH's exchange-rate feeds took the place of its market feeds, one for one).
    expect(compared).toBe(17 + 5 + 2);
    expect(sequencers).toBe(3);
  });

  it('prices USDT on every chain and DAI where the token list has it, with the book’s feeds', () => {
    for (const id of CHAIN_IDS) {
      const sources: Record<string, PriceSourceSpec | undefined> = MAINNET_PRICES[id];
      const book: Record<string, unknown> = BOOK[id];
      expect(sources.USDT?.feeds.map((f) => f.address)).toEqual([book.USDT__USD]);
      // The book lists DAI/USD on zkSync Era too, but DAI's zkSync address is unverified (lib/tokens/mainnet.ts).
      if (id === 324) expect(sources.DAI).toBeUndefined();
      else expect(sources.DAI?.feeds.map((f) => f.address)).toEqual([book.DAI__USD]);
    }
  });
});

import { AaveV3Arbitrum, AaveV3Optimism, AaveV3ZkSync } from '@aave-dao/aave-address-book';
import { isAddressEqual } from 'viem';
import { describe, expect, it } from 'vitest';
import { CHAIN_IDS, type ChainId } from '../chains/registry';
import { MAINNET_TOKENS } from './mainnet';

describe('mainnet token lists', () => {
  it('give every token a price source, or say why it is left unpriced', () => {
    const missing: string[] = [];
    for (const id of CHAIN_IDS) {
      for (const t of MAINNET_TOKENS[id]) {
        const priced = t.price !== null && t.price.feeds.length > 0;
        const reason = t.unpriced?.trim() ?? '';
        if (priced && reason !== '') missing.push(`${id} ${t.symbol}: priced and also marked unpriced`);
        if (!priced && reason === '') missing.push(`${id} ${t.symbol}: no price source and no reason`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('list each token once per chain', () => {
    for (const id of CHAIN_IDS) {
      const addresses = MAINNET_TOKENS[id].map((t) => t.address.toLowerCase());
      expect(new Set(addresses).size).toBe(addresses.length);
    }
  });

  /** The Aave market's reserves (`ASSETS.<symbol>.UNDERLYING`) in the address book, a test oracle only. */
  const BOOK = { 10: AaveV3Optimism, 42161: AaveV3Arbitrum, 324: AaveV3ZkSync } as const;
  /** Our symbol → the book's asset symbol, where they differ (the book calls native USDC `USDCn`). */
  const BOOK_SYMBOL: Record<ChainId, Record<string, string>> = {
    10: { USDC: 'USDCn', 'USDC.e': 'USDC' },
    42161: { USDC: 'USDCn', 'USDC.e': 'USDC' },
    324: {},
  };

  it('have every token that is an Aave V3 reserve at the address the book gives its underlying', () => {
    const mismatches: string[] = [];
    let compared = 0;
    for (const id of CHAIN_IDS) {
      const assets: Record<string, { UNDERLYING: string } | undefined> = BOOK[id].ASSETS;
      for (const t of MAINNET_TOKENS[id]) {
        const asset = assets[BOOK_SYMBOL[id][t.symbol] ?? t.symbol];
        if (!asset) continue; // Not a reserve of the market (e.g. USDC.e on zkSync Era).
        compared += 1;
        if (!isAddressEqual(t.address, asset.UNDERLYING as `0x${string}`))
          mismatches.push(`${id} ${t.symbol}: ${t.address} ≠ book ${asset.UNDERLYING}`);
      }
    }
    expect(mismatches).toEqual([]);
    // Optimism 8 of 9 (weETH is no reserve there), Arbitrum 9 of 9, zkSync Era 6 of 7 (nor is USDC.e).
    expect(compared).toBe(23);
  });
});

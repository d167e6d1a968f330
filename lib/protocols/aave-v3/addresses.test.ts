import { AaveV3Arbitrum, AaveV3Optimism, AaveV3ZkSync } from '@aave-dao/aave-address-book';
import { type Address, isAddressEqual } from 'viem';
import { describe, expect, it } from 'vitest';
import { CHAIN_IDS, type ChainId } from '../../chains/registry';
import { AAVE_V3_MAINNET, type AaveV3Market } from './addresses';

/** The address book's market on each chain (the package its maintainers publish), a test oracle only. */
const BOOK = { 10: AaveV3Optimism, 42161: AaveV3Arbitrum, 324: AaveV3ZkSync } as const satisfies Record<
  ChainId,
  unknown
>;

/** Which entry of the book each field of the table is. */
const BOOK_KEY = {
  addressesProvider: 'POOL_ADDRESSES_PROVIDER',
  pool: 'POOL',
  dataProvider: 'AAVE_PROTOCOL_DATA_PROVIDER',
  oracle: 'ORACLE',
  uiPoolDataProvider: 'UI_POOL_DATA_PROVIDER',
  rewardsController: 'DEFAULT_INCENTIVES_CONTROLLER',
} as const satisfies Record<keyof AaveV3Market, string>;

describe('Aave V3 mainnet table against @aave-dao/aave-address-book', () => {
  it('takes each chain’s market from the book’s module for that chain', () => {
    for (const id of CHAIN_IDS) expect(BOOK[id].CHAIN_ID).toBe(id);
  });

  it('has every core address equal to the book’s (and each optional one where the table lists it)', () => {
    const compared: string[] = [];
    const mismatches: string[] = [];
    for (const id of CHAIN_IDS) {
      const market = AAVE_V3_MAINNET[id];
      for (const field of Object.keys(BOOK_KEY) as (keyof AaveV3Market)[]) {
        const ours: Address | null = market[field];
        // The table may leave the UI lens out on purpose (its struct layout, see addresses.ts): null is
        // "not used", never a different address.
        if (ours === null) continue;
        const theirs: Address = BOOK[id][BOOK_KEY[field]];
        compared.push(`${id}.${field}`);
        if (!isAddressEqual(ours, theirs)) mismatches.push(`${id}.${field}: ${ours} ≠ book ${theirs}`);
      }
    }
    expect(mismatches).toEqual([]);
    // Pool, addresses provider, data provider, oracle and rewards controller on each of the three chains.
    expect(compared).toHaveLength(15);
  });

  it('leaves out only what the book lists but the reader cannot decode (the v3.2+ UI lens)', () => {
    for (const id of CHAIN_IDS) {
      expect(BOOK[id].UI_POOL_DATA_PROVIDER).toMatch(/^0x[0-9a-fA-F]{40}$/);
      expect(AAVE_V3_MAINNET[id].uiPoolDataProvider).toBeNull();
      expect(AAVE_V3_MAINNET[id].rewardsController).not.toBeNull();
    }
  });
});

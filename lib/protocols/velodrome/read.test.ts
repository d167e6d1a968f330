import { type Address, createPublicClient, http } from 'viem';
import { describe, expect, it } from 'vitest';
import { mainnetNetwork } from '../../chains/network';
import type { ChainReadContext } from '../../portfolio/types';
import { assetAmount } from '../../portfolio/value';
import type { TokenMetadata } from '../../tokens/types';
import { buildPoolPosition, type PoolInput, type PoolState } from './read';
import { isVelodromePool } from './types';

const T0 = '0x0000000000000000000000000000000000000010' as Address;
const T1 = '0x0000000000000000000000000000000000000011' as Address;
const POOL = '0x0000000000000000000000000000000000000020' as Address;

const ctx: ChainReadContext = {
  chainId: 10,
  client: createPublicClient({ transport: http('http://127.0.0.1:1') }),
  deployment: mainnetNetwork().chains[10],
  owner: '0x0000000000000000000000000000000000000001',
  blockNumber: 100n,
  blockTimestamp: 1_000_000n,
  prices: new Map(),
};
const meta = (t: Address): TokenMetadata => ({
  address: t,
  symbol: t === T0 ? 'AAA' : 'BBB',
  name: 'x',
  decimals: 18,
  warning: null,
});

function input(state: Partial<PoolState>, balance: bigint): PoolInput {
  return {
    ctx,
    pid: `10:velodrome:${POOL}:unstaked`,
    pool: POOL,
    side: 'unstaked',
    balance,
    state: {
      token0: T0,
      token1: T1,
      decimals0: 10n ** 18n,
      decimals1: 10n ** 18n,
      reserve0: 0n,
      reserve1: 0n,
      stable: false,
      totalSupply: 0n,
      index0: 0n,
      index1: 0n,
      supplyIndex0: 0n,
      supplyIndex1: 0n,
      claimable0: 0n,
      claimable1: 0n,
      ...state,
    },
    label: 'vAMM-AAA/BBB',
    gauge: null,
    gaugeRaw: null,
    gaugeError: null,
    meta,
    asset: (t, amount) => assetAmount(t, meta(t).symbol, 18, amount, undefined),
    past: { ok: false, note: 'no past state in a unit test' },
    windowSeconds: 604_800,
  };
}

describe('velodrome pool positions (bad input)', () => {
  it('a pool with zero supply: a clear message, no amounts, unknown yield', () => {
    const p = buildPoolPosition(input({ totalSupply: 0n, reserve0: 5n, reserve1: 5n }, 10n));
    expect(p.assets).toEqual([]);
    expect(p.yield).toBeNull();
    expect(p.warning).toMatch(/reports zero total supply/);
    expect(isVelodromePool(p.details) && p.details.yieldNote).toMatch(/zero total supply/);
  });

  it('a healthy pool without a past window: amounts and fees, yield unknown with the reason', () => {
    const p = buildPoolPosition(
      input(
        { totalSupply: 100n, reserve0: 1_000n, reserve1: 2_000n, index0: 10n ** 18n, claimable1: 3n },
        10n,
      ),
    );
    expect(p.assets.map((a) => a.amount)).toEqual([100n, 200n]);
    expect(p.rewards.map((a) => a.amount)).toEqual([10n, 3n]);
    expect(p.yield).toBeNull();
    expect(isVelodromePool(p.details) && p.details.yieldNote).toMatch(/no past state/);
  });
});

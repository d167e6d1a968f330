import { describe, expect, it } from 'vitest';
import type { PriceReading } from '../prices/types';
import { applyReceipts, applyTokenYields } from './enrich';
import type { Position, YieldComponent } from './types';
import { assetAmount } from './value';
import { knownZeroYield } from './yield';

const ok = (usd: bigint): PriceReading => ({
  label: 'X/USD',
  usdE18: usd * 10n ** 18n,
  status: 'ok',
  updatedAt: 1n,
  reason: null,
  note: null,
});
const WST = '0x00000000000000000000000000000000000000a1';
const USDC = '0x00000000000000000000000000000000000000b2';
const staking: YieldComponent = {
  side: 'base',
  apr: 0.03,
  label: 'wstETH staking',
  window: '7d',
  source: 'rate feed',
};

const p = (
  id: string,
  kind: Position['kind'],
  assets: Position['assets'],
  y: Position['yield'],
): Position => ({
  protocol: kind === 'balance' ? 'wallet' : 'x',
  kind,
  id,
  label: id,
  assets,
  rewards: [],
  yield: y,
  warning: null,
});

describe('token yields', () => {
  it('a held token earns its own rate in the wallet, inside a supply as a component, on its share of a pool', () => {
    const wallet = p('w', 'balance', [assetAmount(WST, 'wstETH', 0, 1n, ok(100n))], knownZeroYield('held'));
    const supply = p('s', 'supply', [assetAmount(WST, 'wstETH', 0, 1n, ok(100n))], {
      ...knownZeroYield('x'),
      baseApr: 0.001,
      compounds: true,
      window: 'current rate',
      source: 'Aave',
    });
    const pool = p(
      'l',
      'liquidity',
      [assetAmount(WST, 'wstETH', 0, 1n, ok(300n)), assetAmount(USDC, 'USDC', 0, 100n, ok(1n))],
      { ...knownZeroYield('x'), baseApr: 0.1, window: '7d', source: 'fees' },
    );
    const debt = p('d', 'borrow', [assetAmount(WST, 'wstETH', 0, 1n, ok(100n))], {
      ...knownZeroYield('x'),
      baseApr: -0.02,
    });
    applyTokenYields([wallet, supply, pool, debt], [{ token: WST, component: staking }]);
    expect(wallet.yield?.baseApr).toBe(0.03);
    expect(wallet.yield?.compounds).toBe(true);
    expect(supply.yield?.baseApr).toBeCloseTo(0.031, 15);
    expect(supply.yield?.components?.map((c) => c.label)).toEqual(['position', 'wstETH staking']);
    // wstETH is 300 of the pool's 400 dollars.
    expect(pool.yield?.baseApr).toBeCloseTo(0.1 + 0.03 * 0.75, 12);
    expect(debt.yield?.baseApr).toBe(-0.02);
  });

  it('a receipt in the wallet is shown but counted in the position it stands for', () => {
    const wallet = p('w', 'balance', [assetAmount(WST, 'aWST', 0, 1n, ok(1n))], null);
    const other = p('o', 'balance', [assetAmount(USDC, 'USDC', 0, 1n, ok(1n))], null);
    applyReceipts([wallet, other], [{ token: WST, countedIn: '10:aave-v3:supply:x' }]);
    expect(wallet.countedIn).toBe('10:aave-v3:supply:x');
    expect(other.countedIn).toBeUndefined();
  });
});

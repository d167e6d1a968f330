import { renderToStaticMarkup } from 'react-dom/server';
import { maxUint256 } from 'viem';
import { describe, expect, it } from 'vitest';
import type { Position } from '@/lib/portfolio/types';
import { RAY, WAD } from '@/lib/protocols/aave-v3/math';
import type { AaveV3PositionDetails, AaveV3Summary } from '@/lib/protocols/aave-v3/types';
import { AaveV3Positions } from './AaveV3Positions';

const ASSET = '0x0000000000000000000000000000000000000a11' as const;
const OP = '0x0000000000000000000000000000000000000042' as const;
const ok = { label: 'X/USD', usdE18: WAD, status: 'ok', updatedAt: 1n, reason: null, note: null } as const;

function position(
  side: 'supply' | 'borrow',
  symbol: string,
  flags: Partial<AaveV3PositionDetails['reserve']> = {},
) {
  const details: AaveV3PositionDetails = {
    type: 'aave-v3',
    side,
    rateMode: side === 'borrow' ? 'variable' : null,
    market: ASSET,
    asset: ASSET,
    rateRay: RAY / 20n,
    apyRay: RAY / 20n,
    incentives:
      side === 'borrow'
        ? [
            {
              reward: OP,
              symbol: 'OP',
              emissionPerSecond: 1n,
              distributionEnd: 2n,
              aprRay: RAY / 200n,
              priceSource: 'OP/USD',
              note: null,
            },
          ]
        : [],
    usedAsCollateral: side === 'supply' ? true : null,
    ltvBps: 8000n,
    liquidationThresholdBps: 8250n,
    reserve: {
      active: true,
      frozen: false,
      paused: false,
      borrowingEnabled: true,
      collateralEnabled: true,
      ...flags,
    },
    priceInBase: 100_000_000n,
    valueBase: 100_000_000n,
  };
  const p: Position = {
    protocol: 'aave-v3',
    kind: side,
    id: `10:aave-v3:${side}:${symbol}`,
    label: symbol,
    assets: [{ token: ASSET, symbol, decimals: 6, amount: 1_500_000n, price: ok, usdE18: (WAD * 3n) / 2n }],
    rewards: [],
    yield: { baseApr: 0.05, rewardApr: 0, apy: 0.0513, compounds: true, window: 'current rate', source: 's' },
    warning: null,
    details,
  };
  return p;
}

function summary(health: AaveV3Summary['health'], extra: Partial<AaveV3Summary> = {}): AaveV3Summary {
  return {
    type: 'aave-v3',
    chainId: 10,
    blockNumber: 7n,
    market: ASSET,
    source: 'ui-pool-data-provider',
    baseCurrency: { unit: 100_000_000n, isUsd: true },
    account: {
      totalCollateralBase: 200_000_000n,
      totalDebtBase: 100_000_000n,
      availableBorrowsBase: 60_000_000n,
      ltvBps: 8000n,
      liquidationThresholdBps: 8250n,
      healthFactorWad: health.state === 'active' ? health.factorWad : null,
    },
    accountError: null,
    health,
    usd: { collateral: 2n * WAD, debt: WAD, availableBorrows: (WAD * 6n) / 10n },
    suppliedBase: 200_000_000n,
    borrowedBase: 100_000_000n,
    netApy: -0.0123,
    netApyNote: null,
    eModeCategory: 0,
    incentives: { state: 'none' },
    notices: [],
    warnings: [],
    ...extra,
  };
}

const render = (positions: Position[], s: AaveV3Summary) =>
  renderToStaticMarkup(<AaveV3Positions chainId={10} positions={positions} summary={s} />);

describe('AaveV3Positions', () => {
  it('shows no debt as ∞ and never the raw uint256.max', () => {
    const html = render([position('supply', 'USDC')], summary({ state: 'no-debt' }));
    expect(html).toContain('∞');
    expect(html).toContain('No debt');
    expect(html).not.toContain('role="alert"');
    expect(html).not.toContain(maxUint256.toString());
    expect(html).not.toContain('1.157920892');
  });

  it('warns under 1.1 and draws the factor on the meter', () => {
    const factorWad = 1_046_463_903_147_991_567n;
    const html = render(
      [position('supply', 'WETH'), position('borrow', 'USDC')],
      summary({ state: 'active', factorWad, band: 'at-risk' }),
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain('Health factor 1.04 is under 1.1');
    expect(html).toMatch(/<meter[^>]*value="1\.046/);
    expect(html).toContain('At risk of liquidation');
    // The borrow's cost and its incentive, and the net APY sign.
    expect(html).toContain('−5.00%');
    expect(html).toContain('+0.50% OP');
    expect(html).toContain('-1.23%');
    expect(html).toContain('data-side="borrow"');
  });

  it('says when the health factor cannot be read, without a meter', () => {
    const html = render(
      [position('supply', 'wstETH')],
      summary(
        { state: 'unavailable', reason: 'Pool.getUserAccountData reverted' },
        { account: null, usd: null },
      ),
    );
    expect(html).toContain('Health factor unavailable: Pool.getUserAccountData reverted');
    expect(html).not.toContain('<meter');
  });

  it('labels frozen and paused reserves and renders hostile symbols as text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const html = render(
      [position('supply', hostile, { frozen: true }), position('borrow', 'USDC', { paused: true })],
      summary(
        { state: 'active', factorWad: 2n * WAD, band: 'moderate' },
        { notices: [{ asset: ASSET, symbol: hostile, issue: 'frozen', detail: 'no new supply or borrow' }] },
      ),
    );
    expect(html).toContain('frozen');
    expect(html).toContain('paused');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('has a real, labelled toggle button for the reserve parameters', () => {
    const html = render([position('supply', 'USDC')], summary({ state: 'no-debt' }));
    expect(html).toMatch(/<button type="button"[^>]*aria-expanded="false"[^>]*aria-controls="[^"]+"/);
    expect(html).toContain('Show reserve parameters');
  });
});

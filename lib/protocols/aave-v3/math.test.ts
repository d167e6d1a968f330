import { calculateCompoundedRate, normalize } from '@aave/math-utils';
// Not re-exported from the package root.
import { calculateIncentiveAPR } from '@aave/math-utils/dist/esm/formatters/incentive/calculate-incentive-apr';
import { parseUnits } from 'viem';
import { describe, expect, it } from 'vitest';
import {
  apyFromRate,
  compoundedInterest,
  decodeReserveConfiguration,
  HEALTH_WARNING_WAD,
  healthBand,
  incentiveAprRay,
  linearInterest,
  netApy,
  RAY,
  rayToNumber,
  SECONDS_PER_YEAR,
  WAD,
} from './math';

const ray = (fraction: string) => parseUnits(fraction, 27);

describe('apyFromRate', () => {
  // Rates seen on the devnet and on Aave markets, from zero to a slope-2 rate of 300 %.
  const rates = [
    0n,
    1n,
    ray('0.0001'),
    ray('0.0264'),
    ray('0.0448864'),
    ray('0.8'),
    ray('3'),
    12345678901234567890123456n,
  ];
  it.each(rates)('equals math-utils calculateCompoundedRate for rate %s', (rate) => {
    const oracle = calculateCompoundedRate({ rate: rate.toString(), duration: 31_536_000 });
    expect(apyFromRate(rate)).toBe(BigInt(oracle.toFixed(0)));
  });

  it('is close to continuous compounding', () => {
    const apy = rayToNumber(apyFromRate(ray('0.05')));
    expect(apy).toBeCloseTo(Math.expm1(0.05), 8);
  });
});

describe('interest', () => {
  it('linear interest is the annual rate pro rata', () => {
    expect(linearInterest(ray('0.1'), 0n, SECONDS_PER_YEAR)).toBe(RAY + ray('0.1'));
    expect(linearInterest(ray('0.1'), 100n, 100n)).toBe(RAY);
  });

  // The protocol's approximation truncates its cubic term's per-second base to an integer (about 2.9
  // RAY-wei here), which alone moves a month's result by ~2.5e-9: the bound is the contract's, not ours.
  it('compounded interest is within 1e-8 of (1 + r/n)^t over a month', () => {
    const rate = ray('0.0448864');
    const t = 30n * 86_400n;
    const approx = Number(compoundedInterest(rate, 0n, t)) / 1e27;
    const exact = Math.exp(Number(t) * Math.log1p(0.0448864 / 31_536_000));
    expect(Math.abs(approx - exact) / exact).toBeLessThan(1e-8);
    expect(compoundedInterest(rate, 5n, 5n)).toBe(RAY);
    expect(compoundedInterest(rate, 0n, 1n)).toBe(RAY + rate / SECONDS_PER_YEAR);
  });
});

describe('decodeReserveConfiguration', () => {
  it('reads each field from its bits', () => {
    const fields: [bigint, number][] = [
      [8000n, 0],
      [8250n, 16],
      [10500n, 32],
      [18n, 48],
      [1n, 56],
      [0n, 57],
      [1n, 58],
      [0n, 59],
      [1n, 60],
      [1500n, 64],
      [1234n, 80],
      [56789n, 116],
      [3n, 168],
    ];
    const data = fields.reduce((acc, [value, shift]) => acc | (value << BigInt(shift)), 0n);
    expect(decodeReserveConfiguration(data)).toEqual({
      ltv: 8000n,
      liquidationThreshold: 8250n,
      liquidationBonus: 10500n,
      decimals: 18,
      active: true,
      frozen: false,
      borrowingEnabled: true,
      stableBorrowingEnabled: false,
      paused: true,
      borrowableInIsolation: false,
      siloedBorrowing: false,
      flashLoanEnabled: false,
      reserveFactor: 1500n,
      borrowCap: 1234n,
      supplyCap: 56789n,
      eModeCategory: 3,
    });
  });
});

describe('healthBand', () => {
  it('puts the thresholds where the dashboard draws them', () => {
    expect(healthBand(WAD - 1n)).toBe('liquidatable');
    expect(healthBand(WAD)).toBe('at-risk');
    expect(healthBand(HEALTH_WARNING_WAD - 1n)).toBe('at-risk');
    expect(healthBand(HEALTH_WARNING_WAD)).toBe('moderate');
    expect(healthBand(3n * WAD - 1n)).toBe('moderate');
    expect(healthBand(3n * WAD)).toBe('safe');
  });
});

describe('incentiveAprRay', () => {
  it('equals math-utils calculateIncentiveAPR', () => {
    const input = {
      emissionPerSecond: 530_000_000_000_000n,
      rewardPriceInBase: 185_000_000n,
      rewardDecimals: 18,
      totalSupply: 816_004_123_456_789_012_345_678n,
      assetPriceInBase: 300_000_000_000n,
      assetDecimals: 18,
    };
    const oracle = calculateIncentiveAPR({
      emissionPerSecond: input.emissionPerSecond.toString(),
      rewardTokenPriceInMarketReferenceCurrency: normalize(input.rewardPriceInBase.toString(), 8),
      priceInMarketReferenceCurrency: normalize(input.assetPriceInBase.toString(), 8),
      totalTokenSupply: input.totalSupply.toString(),
      decimals: input.assetDecimals,
      rewardTokenDecimals: input.rewardDecimals,
    });
    const apr = incentiveAprRay(input);
    expect(apr).not.toBeNull();
    expect(rayToNumber(apr ?? 0n)).toBeCloseTo(Number(oracle), 15);
  });

  it('is zero without emissions and unknown without a price', () => {
    const base = {
      emissionPerSecond: 1n,
      rewardPriceInBase: 1n,
      rewardDecimals: 18,
      totalSupply: 1n,
      assetPriceInBase: 1n,
      assetDecimals: 18,
    };
    expect(incentiveAprRay({ ...base, emissionPerSecond: 0n })).toBe(0n);
    expect(incentiveAprRay({ ...base, rewardPriceInBase: null })).toBeNull();
    expect(incentiveAprRay({ ...base, totalSupply: 0n })).toBeNull();
  });
});

describe('netApy', () => {
  const usd = (n: number) => BigInt(n) * 100_000_000n;
  it('weighs earnings and costs over the net worth', () => {
    // Supply $10,000 at 3 % (+1 % incentives), borrow $4,000 at 5 % (−0.5 % incentives):
    // (400 − 200 + 20) / 6000 = 3.666… %.
    const result = netApy([
      { side: 'supply', valueBase: usd(10_000), apyRay: ray('0.03'), incentiveAprRay: ray('0.01') },
      { side: 'borrow', valueBase: usd(4_000), apyRay: ray('0.05'), incentiveAprRay: ray('0.005') },
    ]);
    expect(result.apyRay === null ? null : rayToNumber(result.apyRay)).toBeCloseTo(220 / 6000, 15);
    expect(result.note).toBeNull();
  });

  it('is unknown without a price, without positions or with a non-positive net worth', () => {
    expect(netApy([]).apyRay).toBeNull();
    expect(netApy([{ side: 'supply', valueBase: null, apyRay: 0n, incentiveAprRay: 0n }]).note).toMatch(
      /no price/,
    );
    expect(
      netApy([
        { side: 'supply', valueBase: usd(1), apyRay: 0n, incentiveAprRay: 0n },
        { side: 'borrow', valueBase: usd(1), apyRay: 0n, incentiveAprRay: 0n },
      ]).apyRay,
    ).toBeNull();
  });

  it('says when an incentive could not be priced', () => {
    const result = netApy([
      { side: 'supply', valueBase: usd(1), apyRay: ray('0.01'), incentiveAprRay: null },
    ]);
    expect(result.apyRay).toBe(ray('0.01'));
    expect(result.note).toMatch(/incentives/);
  });
});

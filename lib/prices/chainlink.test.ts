import { describe, expect, it } from 'vitest';
import type { Result } from '../chains/multicall';
import { evaluatePrice, type RawFeedRead, SEQUENCER_GRACE_SECONDS } from './chainlink';
import type { PriceSourceSpec } from './types';

const ETH_USD = {
  address: '0x0000000000000000000000000000000000000001',
  pair: 'ETH/USD',
  maxAgeSeconds: 3600,
} as const;
const WST_ETH = {
  address: '0x0000000000000000000000000000000000000002',
  pair: 'wstETH/ETH',
  maxAgeSeconds: 86_400,
} as const;
const direct: PriceSourceSpec = { label: 'ETH/USD', feeds: [ETH_USD] };
const product: PriceSourceSpec = { label: 'wstETH/ETH × ETH/USD', feeds: [WST_ETH, ETH_USD] };
const ok = (answer: bigint, updatedAt: bigint, decimals: number): Result<RawFeedRead> => ({
  ok: true,
  value: { answer, updatedAt, decimals },
});
const NOW = 1_800_000_000n;

describe('evaluatePrice', () => {
  it('scales an 8-decimal answer to 18 decimals exactly', () => {
    const r = evaluatePrice(direct, [ok(3000_12345678n, NOW - 60n, 8)], NOW);
    expect(r).toMatchObject({
      status: 'ok',
      usdE18: 3000_123456780000000000n,
      updatedAt: NOW - 60n,
      reason: null,
    });
  });

  it('multiplies feeds and keeps the oldest update time', () => {
    const r = evaluatePrice(
      product,
      [ok(1_180000000000000000n, NOW - 7200n, 18), ok(3000_00000000n, NOW - 10n, 8)],
      NOW,
    );
    expect(r.usdE18).toBe(3540n * 10n ** 18n);
    expect(r.updatedAt).toBe(NOW - 7200n);
    expect(r.status).toBe('ok');
  });

  it('flags an answer older than the feed allows as stale, keeping the value visible', () => {
    const r = evaluatePrice(direct, [ok(3000_00000000n, NOW - 3601n, 8)], NOW);
    expect(r.status).toBe('stale');
    expect(r.usdE18).toBe(3000n * 10n ** 18n);
    expect(r.reason).toMatch(/ETH\/USD last updated 60m before this block/);
  });

  it('is exactly at the limit still fresh', () => {
    expect(evaluatePrice(direct, [ok(1n, NOW - 3600n, 8)], NOW).status).toBe('ok');
  });

  it('rejects non-positive answers and never-updated rounds', () => {
    expect(evaluatePrice(direct, [ok(0n, NOW, 8)], NOW)).toMatchObject({ status: 'invalid', usdE18: null });
    expect(evaluatePrice(direct, [ok(-5n, NOW, 8)], NOW)).toMatchObject({ status: 'invalid', usdE18: null });
    expect(evaluatePrice(direct, [ok(5n, 0n, 8)], NOW)).toMatchObject({ status: 'invalid', usdE18: null });
  });

  it('reports a failed feed read as failed, with no value', () => {
    const r = evaluatePrice(product, [ok(1n, NOW, 18), { ok: false, error: 'reverted' }], NOW);
    expect(r).toMatchObject({ status: 'failed', usdE18: null });
    expect(r.reason).toContain('ETH/USD');
  });

  it('distrusts every price while the sequencer is down or inside its grace period', () => {
    const down = evaluatePrice(direct, [ok(1_00000000n, NOW, 8)], NOW, {
      state: 'down',
      reason: 'the L2 sequencer is down',
    });
    expect(down.status).toBe('sequencer-down');
    expect(down.usdE18).toBe(10n ** 18n);
    expect(SEQUENCER_GRACE_SECONDS).toBe(3600n);
  });

  it('does not trust prices when the sequencer feed itself cannot be read', () => {
    const r = evaluatePrice(direct, [ok(1_00000000n, NOW, 8)], NOW, {
      state: 'unknown',
      reason: 'sequencer feed unreadable',
    });
    expect(r).toMatchObject({ status: 'sequencer-down', reason: 'sequencer feed unreadable' });
  });
});

import { encodeAbiParameters, type Hex, stringToHex } from 'viem';
import { describe, expect, it } from 'vitest';
import { decodeStringOrBytes32, parseMetadata, sanitizeText } from './metadata';

const TOKEN = '0x1111111111111111111111111111111111111111';
const str = (s: string): Hex => encodeAbiParameters([{ type: 'string' }], [s]);
const uint = (n: bigint): Hex => encodeAbiParameters([{ type: 'uint256' }], [n]);

describe('decodeStringOrBytes32', () => {
  it('decodes ABI strings and bytes32 (MKR-style) symbols', () => {
    expect(decodeStringOrBytes32(str('USDC'))).toBe('USDC');
    expect(decodeStringOrBytes32(stringToHex('MKR', { size: 32 }))).toBe('MKR');
  });
  it('returns null for data that is neither', () => {
    expect(decodeStringOrBytes32('0x1234')).toBeNull();
    expect(decodeStringOrBytes32('0x')).toBeNull();
  });
});

describe('sanitizeText', () => {
  it('strips control, bidi and zero-width characters and collapses whitespace', () => {
    expect(sanitizeText('U\u202eSD\u200bC \n\t coin\u0000', 40)).toEqual({
      text: 'USDC coin',
      truncated: false,
    });
  });
  it('cuts long text by characters, not bytes, and says so', () => {
    expect(sanitizeText('🦄'.repeat(20), 5)).toEqual({ text: '🦄🦄🦄🦄…', truncated: true });
  });
  it('keeps HTML as inert text (rendering escapes it)', () => {
    expect(sanitizeText('<b>x</b>', 20).text).toBe('<b>x</b>');
  });
});

describe('parseMetadata', () => {
  it('reads a well-behaved token without warnings', () => {
    const m = parseMetadata(
      TOKEN,
      { ok: true, value: str('USDC') },
      { ok: true, value: str('USD Coin') },
      { ok: true, value: uint(6n) },
    );
    expect(m).toEqual({ address: TOKEN, symbol: 'USDC', name: 'USD Coin', decimals: 6, warning: null });
  });

  it('survives reverting metadata: placeholder symbol, unknown decimals, a warning', () => {
    const m = parseMetadata(
      TOKEN,
      { ok: false, error: 'r' },
      { ok: false, error: 'r' },
      { ok: false, error: 'r' },
    );
    expect(m.symbol).toBe('0x1111…1111');
    expect(m.decimals).toBeNull();
    expect(m.warning).toBe('symbol() reverted; decimals() reverted');
  });

  it('refuses absurd decimals', () => {
    const m = parseMetadata(
      TOKEN,
      { ok: true, value: str('X') },
      { ok: true, value: str('X') },
      { ok: true, value: uint(255n) },
    );
    expect(m.decimals).toBeNull();
    expect(m.warning).toContain('decimals() returned 255');
  });
});

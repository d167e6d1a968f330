import { hexToBytes } from 'viem';
import { describe, expect, it } from 'vitest';
import { hexBytes } from './hex-bytes';

describe('hexBytes', () => {
  it('gives the bytes viem gives, for every byte value and either case', () => {
    const all =
      `0x${Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0')).join('')}` as const;
    expect([...hexBytes(all)]).toEqual([...hexToBytes(all)]);
    expect([...hexBytes('0xABcdEF')]).toEqual([0xab, 0xcd, 0xef]);
    expect([...hexBytes('0x')]).toEqual([]);
  });

  it('refuses bad digits as viem does, and pads an odd length as viem does', () => {
    expect(() => hexBytes('0x12zz')).toThrow();
    expect(() => hexBytes('0xzz12')).toThrow();
    expect([...hexBytes('0xabc')]).toEqual([...hexToBytes('0xabc')]);
  });
});

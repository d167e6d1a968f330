import { ChainId as SdkChainId, Token } from '@uniswap/sdk-core';
import { computePoolAddress, FeeAmount } from '@uniswap/v3-sdk';
import { getAddress, keccak256, toHex } from 'viem';
import { describe, expect, it } from 'vitest';
import { POOL_INIT_CODE_HASH, poolAddress, sortTokens, UNISWAP_V3_MAINNET } from './addresses';

/** Deterministic token addresses. */
const address = (i: number) => getAddress(keccak256(toHex(`token-${i}`)).slice(0, 42));

describe('pool address derivation against the SDK’s computePoolAddress', () => {
  const fees = [FeeAmount.LOWEST, FeeAmount.LOW, FeeAmount.MEDIUM, FeeAmount.HIGH];

  it('matches standard CREATE2 on Optimism and Arbitrum, in either token order', () => {
    const deployment = UNISWAP_V3_MAINNET[10];
    expect(deployment?.pool).toEqual({ kind: 'create2', initCodeHash: POOL_INIT_CODE_HASH });
    if (!deployment) return;
    for (let i = 0; i < 20; i++) {
      const a = address(2 * i);
      const b = address(2 * i + 1);
      const fee = fees[i % fees.length] ?? FeeAmount.LOW;
      const expected = computePoolAddress({
        factoryAddress: deployment.factory,
        tokenA: new Token(10, a, 18),
        tokenB: new Token(10, b, 18),
        fee,
      });
      expect(poolAddress(deployment.factory, deployment.pool, a, b, fee)).toBe(getAddress(expected));
      expect(poolAddress(deployment.factory, deployment.pool, b, a, fee)).toBe(getAddress(expected));
    }
  });

  it('matches zkSync Era’s CREATE2 with its bytecode hash', () => {
    const deployment = UNISWAP_V3_MAINNET[324];
    expect(deployment?.pool.kind).toBe('zksync-create2');
    if (!deployment) return;
    for (let i = 0; i < 20; i++) {
      const a = address(100 + i);
      const b = address(200 + i);
      const fee = fees[i % fees.length] ?? FeeAmount.LOW;
      const expected = computePoolAddress({
        factoryAddress: deployment.factory,
        tokenA: new Token(324, a, 18),
        tokenB: new Token(324, b, 6),
        fee,
        chainId: SdkChainId.ZKSYNC,
      });
      expect(poolAddress(deployment.factory, deployment.pool, a, b, fee)).toBe(getAddress(expected));
    }
  });

  it('sorts tokens by address', () => {
    const [x, y] = sortTokens(address(1), address(2));
    expect(x.toLowerCase() < y.toLowerCase()).toBe(true);
    expect(sortTokens(y, x)).toEqual([x, y]);
  });
});

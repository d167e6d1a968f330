import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CHAIN_TO_ADDRESSES_MAP,
  ChainId as SdkChainId,
  SWAP_ROUTER_02_ADDRESSES,
  Token,
} from '@uniswap/sdk-core';
import {
  computePoolAddress,
  FeeAmount,
  poolInitCodeHash,
  POOL_INIT_CODE_HASH as V3_SDK_POOL_INIT_CODE_HASH,
} from '@uniswap/v3-sdk';
import type * as SushiEvm from 'sushi/evm';
import { getAddress, keccak256, toHex } from 'viem';
import { describe, expect, it } from 'vitest';
import { CHAIN_IDS, type ChainId } from '../../chains/registry';
import {
  POOL_INIT_CODE_HASH,
  poolAddress,
  SUSHISWAP_V3_MAINNET,
  sortTokens,
  UNISWAP_V3_MAINNET,
  ZKSYNC_POOL_BYTECODE_HASH,
} from './addresses';

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

/**
 * SushiSwap's own SDK, `sushi`, read from its V3 config module only: the package's `sushi/evm` entry imports
 * `zod`, an optional peer dependency this project does not install, while the config module needs nothing
 * but the SDK's chain ids. A test oracle only, never imported at run time.
 */
async function sushiV3Config(): Promise<
  Pick<
    typeof SushiEvm,
    'SUSHISWAP_V3_FACTORY_ADDRESS' | 'SUSHISWAP_V3_POSITION_MANAGER' | 'SUSHISWAP_V3_INIT_CODE_HASH'
  >
> {
  const root = dirname(createRequire(import.meta.url).resolve('sushi/package.json'));
  return import(pathToFileURL(join(root, '_esm/evm/config/features/sushiswap-v3.js')).href);
}

/** sdk-core's ids of the three chains (the same numbers as ours). */
const SDK_CHAIN = {
  10: SdkChainId.OPTIMISM,
  42161: SdkChainId.ARBITRUM_ONE,
  324: SdkChainId.ZKSYNC,
} as const satisfies Record<ChainId, SdkChainId>;

describe('Uniswap V3 mainnet table against @uniswap/sdk-core’s address map', () => {
  it('has the map’s factory, position manager and SwapRouter02 on every chain', () => {
    let compared = 0;
    for (const id of CHAIN_IDS) {
      const ours = UNISWAP_V3_MAINNET[id];
      expect(Number(SDK_CHAIN[id])).toBe(id);
      const map = CHAIN_TO_ADDRESSES_MAP[SDK_CHAIN[id]];
      expect(ours, `Uniswap V3 on ${id}`).toBeDefined();
      if (!ours) continue;
      expect(getAddress(ours.factory)).toBe(getAddress(map.v3CoreFactoryAddress));
      expect(map.nonfungiblePositionManagerAddress).toBeDefined();
      expect(getAddress(ours.positionManager)).toBe(getAddress(map.nonfungiblePositionManagerAddress ?? ''));
      // sdk-core lists SwapRouter02 per chain where it differs (zkSync Era) and falls back to the common one.
      expect(ours.swapRouter?.kind).toBe('SwapRouter02');
      expect(getAddress(ours.swapRouter?.address ?? '')).toBe(
        getAddress(SWAP_ROUTER_02_ADDRESSES(SDK_CHAIN[id])),
      );
      if (id === 324)
        expect(getAddress(SWAP_ROUTER_02_ADDRESSES(SDK_CHAIN[id]))).toBe(map.swapRouter02Address);
      compared += 3;
    }
    expect(compared).toBe(9);
  });

  it('derives pools with v3-sdk’s init code hash (and zkSync Era’s bytecode hash)', () => {
    expect(POOL_INIT_CODE_HASH).toBe(V3_SDK_POOL_INIT_CODE_HASH);
    expect(ZKSYNC_POOL_BYTECODE_HASH).toBe(poolInitCodeHash(SdkChainId.ZKSYNC));
    expect(UNISWAP_V3_MAINNET[42161]?.pool).toEqual({ kind: 'create2', initCodeHash: POOL_INIT_CODE_HASH });
    expect(UNISWAP_V3_MAINNET[324]?.pool).toEqual({
      kind: 'zksync-create2',
      bytecodeHash: poolInitCodeHash(SdkChainId.ZKSYNC),
    });
  });
});

describe('SushiSwap V3 mainnet table against the sushi SDK', () => {
  it('has the SDK’s factory, position manager and pool init code hash wherever the SDK lists one', async () => {
    const sushi = await sushiV3Config();
    const factories: Partial<Record<number, string>> = sushi.SUSHISWAP_V3_FACTORY_ADDRESS;
    const managers: Partial<Record<number, string>> = sushi.SUSHISWAP_V3_POSITION_MANAGER;
    const hashes: Partial<Record<number, string>> = sushi.SUSHISWAP_V3_INIT_CODE_HASH;
    const listed: ChainId[] = [];
    for (const id of CHAIN_IDS) {
      const ours = SUSHISWAP_V3_MAINNET[id];
      const factory = factories[id];
      // A chain the SDK has no deployment on has none in the table either (zkSync Era today).
      if (factory === undefined) {
        expect(ours, `SushiSwap V3 on ${id}`).toBeUndefined();
        continue;
      }
      listed.push(id);
      expect(ours, `SushiSwap V3 on ${id}`).toBeDefined();
      if (!ours) continue;
      expect(getAddress(ours.factory)).toBe(getAddress(factory));
      expect(getAddress(ours.positionManager)).toBe(getAddress(managers[id] ?? ''));
      expect(ours.pool).toEqual({ kind: 'create2', initCodeHash: hashes[id] });
    }
    expect(listed).toEqual([10, 42161]);
  });

  it('derives SushiSwap pools as v3-sdk’s computePoolAddress does with the SDK’s hash', async () => {
    const sushi = await sushiV3Config();
    for (const id of [10, 42161] as const) {
      const deployment = SUSHISWAP_V3_MAINNET[id];
      if (!deployment) throw new Error(`no SushiSwap V3 on ${id}`);
      for (let i = 0; i < 8; i++) {
        const a = address(300 + 2 * i);
        const b = address(301 + 2 * i);
        const fee =
          [FeeAmount.LOWEST, FeeAmount.LOW, FeeAmount.MEDIUM, FeeAmount.HIGH][i % 4] ?? FeeAmount.LOW;
        const expected = computePoolAddress({
          factoryAddress: sushi.SUSHISWAP_V3_FACTORY_ADDRESS[id],
          tokenA: new Token(id, a, 18),
          tokenB: new Token(id, b, 6),
          fee,
          initCodeHashManualOverride: sushi.SUSHISWAP_V3_INIT_CODE_HASH[id],
        });
        expect(poolAddress(deployment.factory, deployment.pool, a, b, fee)).toBe(getAddress(expected));
      }
    }
  });
});

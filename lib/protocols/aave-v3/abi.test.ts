import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Abi, AbiFunction, AbiParameter } from 'viem';
import { describe, expect, it } from 'vitest';
import {
  aaveOracleAbi,
  poolAbi,
  poolAddressesProviderAbi,
  protocolDataProviderAbi,
  rewardsControllerAbi,
  uiPoolDataProviderAbi,
} from './abi';

const require = createRequire(import.meta.url);

function artifactAbi(path: string): Abi {
  return (JSON.parse(readFileSync(require.resolve(path), 'utf8')) as { abi: Abi }).abi;
}

/** A parameter list reduced to names and types (nested), which is what decoding depends on. */
function shape(params: readonly AbiParameter[]): unknown[] {
  return params.map((p) => ({
    name: p.name ?? '',
    type: p.type,
    ...('components' in p && p.components ? { components: shape(p.components) } : {}),
  }));
}

function fn(abi: Abi, name: string): AbiFunction {
  const f = abi.find((x): x is AbiFunction => x.type === 'function' && x.name === name);
  if (!f) throw new Error(`${name} not in ABI`);
  return f;
}

describe('ABIs match the artifacts the devnet deploys', () => {
  const cases: [string, Abi, string, string[]][] = [
    [
      '@aave/periphery-v3/artifacts/contracts/misc/UiPoolDataProviderV3.sol/UiPoolDataProviderV3.json',
      uiPoolDataProviderAbi,
      'UiPoolDataProviderV3',
      ['getReservesData', 'getUserReservesData'],
    ],
    [
      '@aave/core-v3/artifacts/contracts/protocol/pool/Pool.sol/Pool.json',
      poolAbi,
      'Pool',
      ['getReservesList', 'getUserAccountData', 'getUserEMode', 'getReserveData'],
    ],
    [
      '@aave/core-v3/artifacts/contracts/misc/AaveProtocolDataProvider.sol/AaveProtocolDataProvider.json',
      protocolDataProviderAbi,
      'AaveProtocolDataProvider',
      ['getReserveData', 'getUserReserveData', 'getReserveConfigurationData', 'getPaused'],
    ],
    [
      '@aave/core-v3/artifacts/contracts/protocol/configuration/PoolAddressesProvider.sol/PoolAddressesProvider.json',
      poolAddressesProviderAbi,
      'PoolAddressesProvider',
      ['getPool', 'getPriceOracle', 'getPoolDataProvider'],
    ],
    [
      '@aave/core-v3/artifacts/contracts/misc/AaveOracle.sol/AaveOracle.json',
      aaveOracleAbi,
      'AaveOracle',
      ['getAssetPrice', 'BASE_CURRENCY', 'BASE_CURRENCY_UNIT', 'getSourceOfAsset'],
    ],
    [
      '@aave/periphery-v3/artifacts/contracts/rewards/RewardsController.sol/RewardsController.json',
      rewardsControllerAbi,
      'RewardsController',
      ['getRewardsList', 'getRewardsData', 'getAllUserRewards', 'getRewardOracle'],
    ],
  ];
  it.each(cases)('%s', (path, ours, _name, functions) => {
    const theirs = artifactAbi(path);
    for (const name of functions) {
      // Output names differ in places (unnamed in the artifact); types and nesting must not.
      const strip = (x: unknown[]): unknown[] =>
        x.map((p) => {
          const { name: _n, components, ...rest } = p as { name: string; components?: unknown[] };
          return components ? { ...rest, components: strip(components) } : rest;
        });
      expect(strip(shape(fn(ours, name).inputs)), `${name} inputs`).toEqual(
        strip(shape(fn(theirs, name).inputs)),
      );
      expect(strip(shape(fn(ours, name).outputs)), `${name} outputs`).toEqual(
        strip(shape(fn(theirs, name).outputs)),
      );
    }
  });

  it('names the lens struct fields as the artifact does (the reader uses the names)', () => {
    const path =
      '@aave/periphery-v3/artifacts/contracts/misc/UiPoolDataProviderV3.sol/UiPoolDataProviderV3.json';
    for (const name of ['getReservesData', 'getUserReservesData']) {
      const names = (abi: Abi) =>
        fn(abi, name).outputs.map((o) => ('components' in o ? (o.components ?? []).map((c) => c.name) : []));
      expect(names(uiPoolDataProviderAbi)).toEqual(names(artifactAbi(path)));
    }
  });
});

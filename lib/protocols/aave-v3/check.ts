import { type Address, isAddressEqual, zeroAddress } from 'viem';
import { type Batch, call, type Result } from '../../chains/multicall';
import { type BatchCheck, runBatchChecks } from '../check';
import type { CheckContext, DeploymentCheck } from '../module';
import {
  aaveOracleAbi,
  poolAbi,
  poolAddressesProviderAbi,
  protocolDataProviderAbi,
  rewardsControllerAbi,
} from './abi';
import type { AaveV3Market } from './addresses';

export type Check = BatchCheck;

function equals(get: () => Result<Address>, expected: Address): () => { ok: boolean; error?: string } {
  return () => {
    const r = get();
    if (!r.ok) return r;
    return isAddressEqual(r.value, expected)
      ? { ok: true }
      : { ok: false, error: `the provider says ${r.value}` };
  };
}

/**
 * Reads that confirm a market table entry on a live chain (for `npm run check:mainnet`): the
 * addresses provider names the same Pool, oracle and data provider, and each contract answers the
 * reads the reader makes, decoded with this folder's ABIs (`sampleAsset`: a reserve of the market).
 */
export function addAaveV3Checks(batch: Batch, market: AaveV3Market, sampleAsset: Address): Check[] {
  const p = market.addressesProvider;
  const checks: Check[] = [
    [
      'Aave V3 Pool (provider)',
      market.pool,
      equals(batch.add(call(p, poolAddressesProviderAbi, 'getPool')), market.pool),
    ],
    [
      'Aave V3 oracle (provider)',
      market.oracle,
      equals(batch.add(call(p, poolAddressesProviderAbi, 'getPriceOracle')), market.oracle),
    ],
    [
      'Aave V3 data provider (provider)',
      market.dataProvider,
      equals(batch.add(call(p, poolAddressesProviderAbi, 'getPoolDataProvider')), market.dataProvider),
    ],
    ['Aave V3 getReservesList', market.pool, batch.add(call(market.pool, poolAbi, 'getReservesList'))],
    [
      'Aave V3 getUserAccountData',
      market.pool,
      batch.add(call(market.pool, poolAbi, 'getUserAccountData', [zeroAddress])),
    ],
    [
      'Aave V3 getReserveData',
      market.pool,
      batch.add(call(market.pool, poolAbi, 'getReserveData', [sampleAsset])),
    ],
    [
      'Aave V3 getUserReserveData',
      market.dataProvider,
      batch.add(
        call(market.dataProvider, protocolDataProviderAbi, 'getUserReserveData', [sampleAsset, zeroAddress]),
      ),
    ],
    [
      'Aave V3 getAssetPrice',
      market.oracle,
      batch.add(call(market.oracle, aaveOracleAbi, 'getAssetPrice', [sampleAsset])),
    ],
  ];
  if (market.rewardsController) {
    checks.push([
      'Aave V3 rewards controller',
      market.rewardsController,
      batch.add(call(market.rewardsController, rewardsControllerAbi, 'getRewardsList')),
    ]);
  }
  return checks;
}

/** `check:mainnet` for the market table of one chain, with WETH as the sample reserve. */
export async function checkAaveV3Market(ctx: CheckContext, market: AaveV3Market): Promise<DeploymentCheck[]> {
  const weth = ctx.chain.tokens.find((t) => t.symbol === 'WETH');
  if (!weth)
    return [
      {
        label: 'Aave V3 sample reserve',
        address: market.pool,
        ok: false,
        detail: 'no WETH in the token list',
      },
    ];
  return runBatchChecks(ctx, (batch) => addAaveV3Checks(batch, market, weth.address));
}

import { encodeAbiParameters, type Hex, parseAbiParameters, zeroAddress } from 'viem';
import { Batch, type Call, call } from '../../chains/multicall';
import type { RoundOneJob } from '../../chains/round-one';
import type { LensContext } from '../../portfolio/types';
import { AaveV3Lens } from './AaveV3Lens.bytecode';
import { poolAbi, rewardsControllerAbi, uiPoolDataProviderAbi } from './abi';
import type { AaveV3Market } from './addresses';
import { addAaveFirstLevel } from './read';

const NONE = 2n ** 256n - 1n;

const inputParams = parseAbiParameters(
  '((address target, bytes callData)[] first, uint256 listAt, uint256 uiReservesAt, uint256 uiUserAt, uint256 rewardsListAt, address pool, address dataProvider, address oracle, address rewardsController, address owner)',
);

/**
 * Round 1 of Aave V3 (`AaveV3Lens.sol`): the reader's first level (its own calls, filled by the reader's
 * own `addAaveFirstLevel`), then the levels it derives: the reserves from UiPoolDataProviderV3 or, where
 * there is none or it fails, reserve by reserve; then the incentives level.
 */
export function aaveV3Lens(ctx: LensContext, market: AaveV3Market): RoundOneJob[] {
  const first = new Batch();
  addAaveFirstLevel(first, market, ctx.owner);
  const calls = first.pending;
  const at = (c: Pick<Call<unknown>, 'target' | 'callData'> | null): bigint => {
    if (c === null) return NONE;
    const i = calls.findIndex((x) => x.target === c.target && x.callData === c.callData);
    return i < 0 ? NONE : BigInt(i);
  };
  const ui = market.uiPoolDataProvider;
  const controller = market.rewardsController;
  const input: Hex = encodeAbiParameters(inputParams, [
    {
      first: calls.map((c) => ({ target: c.target, callData: c.callData })),
      listAt: at(call(market.pool, poolAbi, 'getReservesList')),
      uiReservesAt: at(
        ui ? call(ui, uiPoolDataProviderAbi, 'getReservesData', [market.addressesProvider]) : null,
      ),
      uiUserAt: at(
        ui
          ? call(ui, uiPoolDataProviderAbi, 'getUserReservesData', [market.addressesProvider, ctx.owner])
          : null,
      ),
      rewardsListAt: at(controller ? call(controller, rewardsControllerAbi, 'getRewardsList') : null),
      pool: market.pool,
      dataProvider: market.dataProvider,
      oracle: market.oracle,
      rewardsController: controller ?? zeroAddress,
      owner: ctx.owner,
    },
  ]);
  return [{ label: 'aave-v3', lens: AaveV3Lens, input }];
}

import { encodeFunctionData, parseAbi } from 'viem';
import { call } from '../../chains/multicall';
import type { ProtocolFeeAction } from '../../fees/types';
import { AAVE_V3_DEPLOYMENT, AAVE_V3_MAINNET, type AaveV3Market } from './addresses';

const poolAbi = parseAbi([
  'function supply(address asset, uint256 amount, address onBehalfOf, uint16 referralCode)',
  'function ADDRESSES_PROVIDER() view returns (address)',
]);

/**
 * `/fees`' Aave supply: 100 USDC to the market's Pool. Without a market here, the calldata is priced as
 * if sent to the mainnet Pool (the L1 part is still real) and the gas is a stated typical figure.
 */
export const aaveV3SupplyFee: ProtocolFeeAction<AaveV3Market> = {
  spec: {
    id: 'aave-supply',
    label: 'Aave supply',
    description: 'Supply 100 USDC to Aave V3',
    typicalGas: 200_000n,
    typicalBasis: 'assumed typical figure for an Aave V3 supply',
  },
  deployment: AAVE_V3_DEPLOYMENT,
  plan: (ctx, market) => {
    const pool = market?.pool ?? AAVE_V3_MAINNET[ctx.chainId].pool;
    return {
      kind: 'planned',
      target: pool,
      candidates: [
        {
          variant: null,
          data: encodeFunctionData({
            abi: poolAbi,
            functionName: 'supply',
            args: [ctx.usdc, ctx.usdcAmount, ctx.sender, 0],
          }),
        },
      ],
      probe: call(pool, poolAbi, 'ADDRESSES_PROVIDER'),
      skipEstimate: market ? null : 'no AaveV3Pool on this devnet',
    };
  },
};

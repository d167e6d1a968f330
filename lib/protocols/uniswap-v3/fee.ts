import { encodeFunctionData, parseAbi } from 'viem';
import { call } from '../../chains/multicall';
import type { ProtocolFeeAction } from '../../fees/types';
import { UNISWAP_V3_MAINNET, type V3Deployment, v3DeploymentSpec } from './addresses';

/** Fee tiers tried for the USDC→WETH swap, in order of preference. */
export const SWAP_FEE_TIERS = [500, 3000] as const;

const swapRouterAbi = parseAbi([
  'struct ExactInputSingleParams { address tokenIn; address tokenOut; uint24 fee; address recipient; uint256 deadline; uint256 amountIn; uint256 amountOutMinimum; uint160 sqrtPriceLimitX96; }',
  'function exactInputSingle(ExactInputSingleParams params) payable returns (uint256 amountOut)',
  'function WETH9() view returns (address)',
]);
const swapRouter02Abi = parseAbi([
  'struct ExactInputSingleParams { address tokenIn; address tokenOut; uint24 fee; address recipient; uint256 amountIn; uint256 amountOutMinimum; uint160 sqrtPriceLimitX96; }',
  'function exactInputSingle(ExactInputSingleParams params) payable returns (uint256 amountOut)',
]);

const MANIFEST_ROUTER = 'UniswapV3SwapRouter';

/**
 * `/fees`' Uniswap V3 swap: 100 USDC for WETH in one pool (exactInputSingle), through the deployment's
 * router in the ABI it speaks. Without a router here, the calldata is priced as if sent to the mainnet
 * router (the L1 part is still real) and the gas is a stated typical figure.
 */
export const uniswapV3SwapFee: ProtocolFeeAction<V3Deployment> = {
  spec: {
    id: 'uniswap-v3-swap',
    label: 'Uniswap V3 swap',
    description: 'Swap 100 USDC for WETH in one Uniswap V3 pool (exactInputSingle)',
    typicalGas: 140_000n,
    typicalBasis: 'assumed typical figure for a single-pool Uniswap V3 swap',
  },
  deployment: v3DeploymentSpec('UniswapV3', UNISWAP_V3_MAINNET),
  plan: (ctx, deployment) => {
    if (!ctx.weth) return { kind: 'unavailable', reason: 'no WETH in this chain’s token list' };
    const router = deployment?.swapRouter ?? UNISWAP_V3_MAINNET[ctx.chainId]?.swapRouter ?? null;
    if (!router) return { kind: 'unavailable', reason: 'no Uniswap V3 router known on this chain' };
    const weth = ctx.weth;
    const candidates = SWAP_FEE_TIERS.map((fee) => ({
      variant: `${fee / 10_000}% pool`,
      data:
        router.kind === 'SwapRouter'
          ? encodeFunctionData({
              abi: swapRouterAbi,
              functionName: 'exactInputSingle',
              args: [
                {
                  tokenIn: ctx.usdc,
                  tokenOut: weth,
                  fee,
                  recipient: ctx.sender,
                  deadline: ctx.blockTimestamp + 1800n,
                  amountIn: ctx.usdcAmount,
                  amountOutMinimum: 0n,
                  sqrtPriceLimitX96: 0n,
                },
              ],
            })
          : encodeFunctionData({
              abi: swapRouter02Abi,
              functionName: 'exactInputSingle',
              args: [
                {
                  tokenIn: ctx.usdc,
                  tokenOut: weth,
                  fee,
                  recipient: ctx.sender,
                  amountIn: ctx.usdcAmount,
                  amountOutMinimum: 0n,
                  sqrtPriceLimitX96: 0n,
                },
              ],
            }),
    }));
    return {
      kind: 'planned',
      target: router.address,
      candidates,
      probe: call(router.address, swapRouterAbi, 'WETH9'),
      skipEstimate: deployment?.swapRouter ? null : `no ${MANIFEST_ROUTER} on this devnet`,
    };
  },
};

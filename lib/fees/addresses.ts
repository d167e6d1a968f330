import type { Address } from 'viem';
import type { NetworkName } from '../chains/network';
import type { ChainId } from '../chains/registry';

/**
 * The contracts the fee quotes send their example transactions to. Mainnet addresses: Uniswap's
 * SwapRouter02 from Uniswap/docs `docs/contracts/v3/reference/deployments/{Optimism,Arbitrum,ZKsync}-
 * Deployments.md`; Aave V3 Pool from bgd-labs/aave-address-book (shared/reference/onchain-facts.md §3).
 * On the devnet they come from the manifest (`UniswapV3SwapRouter`, `AaveV3Pool`), when its seed
 * modules deployed them.
 */
export const MAINNET_FEE_CONTRACTS: Record<ChainId, { swapRouter: Address; aavePool: Address }> = {
  10: {
    swapRouter: '0x68b3465833fb72A70ecDF485E0e4C7bD8665Fc45',
    aavePool: '0x794a61358D6845594F94dc1DB02A252b5b4814aD',
  },
  42161: {
    swapRouter: '0x68b3465833fb72A70ecDF485E0e4C7bD8665Fc45',
    aavePool: '0x794a61358D6845594F94dc1DB02A252b5b4814aD',
  },
  324: {
    swapRouter: '0x99c56385daBCE3E81d8499d0b8d0257aBC07E8A3',
    aavePool: '0x78e30497a3c7527d953c6B1E3541b021A98Ac43c',
  },
};

/** Manifest names of the devnet's protocol contracts the quotes use. */
export const DEVNET_SWAP_ROUTER = 'UniswapV3SwapRouter';
export const DEVNET_AAVE_POOL = 'AaveV3Pool';

/**
 * Which router ABI a network's swap router speaks: mainnet quotes SwapRouter02 (no deadline field); the
 * devnet can only deploy the SwapRouter that `@uniswap/v3-periphery` ships (with a deadline).
 */
export function swapRouterKind(network: NetworkName): 'SwapRouter02' | 'SwapRouter' {
  return network === 'mainnet' ? 'SwapRouter02' : 'SwapRouter';
}

/**
 * Storage slots of USDC's `balanceOf` and `allowance` mappings, so estimation can give the quote's
 * sender a balance and approvals with a state override. Mainnet native USDC is Circle's FiatToken
 * (v2.2): `balanceAndBlacklistStates` at slot 9 and `allowed` at slot 10 (FiatTokenV1's layout after
 * Ownable, Pausable, Blacklistable and its own metadata). The devnet's USDC is Aave's MintableERC20,
 * an OpenZeppelin 3.x ERC20: `_balances` at 0, `_allowances` at 1. A wrong slot makes the estimate
 * revert ("exceeds balance"), which the quote reports; it never yields a silent figure.
 */
export function usdcStorageSlots(network: NetworkName): { balances: bigint; allowances: bigint } {
  return network === 'mainnet' ? { balances: 9n, allowances: 10n } : { balances: 0n, allowances: 1n };
}

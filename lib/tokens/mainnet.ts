import type { Address } from 'viem';
import type { ChainId } from '../chains/registry';
import { MAINNET_PRICES } from '../prices/mainnet';
import type { TokenEntry } from './types';

/**
 * The curated mainnet token list. Sources: bgd-labs/aave-address-book `*_UNDERLYING`, the OP token
 * list, Uniswap's default token list (see shared/reference/onchain-facts.md §5). Addresses the
 * sources left unverified (DAI and rETH on zkSync Era) are left out. Run `npm run check:mainnet`
 * with network access to confirm each has code and answers `decimals()`. Every token names its price
 * source, or says why it has none (`{ unpriced: 'why' }`); `mainnet.test.ts` holds the list to that and the
 * Aave reserves among them to `@aave-dao/aave-address-book`'s underlyings.
 */
/**
 * Native USDC is Circle's FiatToken (v2.2) on all three chains: `balanceAndBlacklistStates` at slot 9 and
 * `allowed` at slot 10 (FiatTokenV1's layout after Ownable, Pausable, Blacklistable and its own metadata).
 */
export const FIAT_TOKEN_STORAGE = { balances: 9n, allowances: 10n } as const;

type PriceKey<C extends ChainId> = keyof (typeof MAINNET_PRICES)[C];
/** A token listed on purpose without a price source, and why (e.g. no Chainlink feed for it on the chain). */
type Unpriced = { unpriced: string };

function entries<C extends ChainId>(
  chainId: C,
  list: readonly (readonly [symbol: string, address: Address, price: PriceKey<C> | Unpriced])[],
): TokenEntry[] {
  const prices: Record<string, TokenEntry['price']> = MAINNET_PRICES[chainId];
  return list.map(([symbol, address, key]) => ({
    symbol,
    address,
    ...(typeof key === 'object'
      ? { price: null, unpriced: key.unpriced }
      : { price: prices[key as string] ?? null }),
    ...(symbol === 'USDC' ? { storage: FIAT_TOKEN_STORAGE } : {}),
  }));
}

export const MAINNET_TOKENS: Record<ChainId, TokenEntry[]> = {
  10: entries(10, [
    ['WETH', '0x4200000000000000000000000000000000000006', 'ETH'],
    ['USDC', '0x0b2C639c533813f4Aa9D7837CAf62653d097Ff85', 'USDC'],
    ['USDC.e', '0x7F5c764cBc14f9669B88837ca1490cCa17c31607', 'USDC.e'],
    ['USDT', '0x94b008aA00579c1307B0EF2c499aD98a8ce58e58', 'USDT'],
    ['DAI', '0xDA10009cBd5D07dd0CeCc66161FC93D7c9000da1', 'DAI'],
    ['OP', '0x4200000000000000000000000000000000000042', 'OP'],
    ['VELO', '0x9560e827aF36c94D2Ac33a39bCE1Fe78631088Db', 'VELO'],
    ['wstETH', '0x1F32b1c2345538c0c6f582fCB022739c4A194Ebb', 'wstETH'],
    ['weETH', '0x5A7fACB970D094B6C7FF1df0eA68D99E6e73CBFF', 'weETH'],
    ['rETH', '0x9Bcef72be871e61ED4fBbc7630889beE758eb81D', 'rETH'],
  ]),
  42161: entries(42161, [
    ['WETH', '0x82aF49447D8a07e3bd95BD0d56f35241523fBab1', 'ETH'],
    ['USDC', '0xaf88d065e77c8cC2239327C5EDb3A432268e5831', 'USDC'],
    ['USDC.e', '0xFF970A61A04b1cA14834A43f5dE4533eBDDB5CC8', 'USDC.e'],
    ['USDT', '0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9', 'USDT'],
    ['DAI', '0xDA10009cBd5D07dd0CeCc66161FC93D7c9000da1', 'DAI'],
    ['ARB', '0x912CE59144191C1204E64559FE8253a0e49E6548', 'ARB'],
    ['GMX', '0xfc5A1A6EB076a2C7aD06eD22C90d7E710E35ad0a', 'GMX'],
    ['wstETH', '0x5979D7b546E38E414F7E9822514be443A4800529', 'wstETH'],
    ['weETH', '0x35751007a407ca6FEFfE80b3cB397736D2cf4dbe', 'weETH'],
    ['rETH', '0xEC70Dcb4A1EFa46b8F2D97C310C9c4790ba5ffA8', 'rETH'],
  ]),
  324: entries(324, [
    ['WETH', '0x5AEa5775959fBC2557Cc8789bC1bf90A239D9a91', 'ETH'],
    ['USDC', '0x1d17CBcF0D6D143135aE902365D2E5e2A16538D4', 'USDC'],
    ['USDC.e', '0x3355df6D4c9C3035724Fd0e3914dE96A5a83aaf4', 'USDC.e'],
    ['USDT', '0x493257fD37EDB34451f62EDf8D2a0C418852bA4C', 'USDT'],
    ['ZK', '0x5A7d6b2F92C77FAD6CCaBd7EE0624E64907Eaf3E', 'ZK'],
    ['wstETH', '0x703b52F2b28fEbcB60E1372858AF5b18849FE867', 'wstETH'],
    ['weETH', '0xc1Fa6E2E8667d9bE0Ca938a54c7E0285E9Df924a', 'weETH'],
  ]),
};

import type { ChainId } from '../chains/registry';
import { exchangeRatePrice } from './rate';
import type { FeedSpec, PriceSourceSpec } from './types';

/**
 * Chainlink AggregatorV3 proxies on each chain. Source: bgd-labs/aave-address-book
 * `src/Chainlink{Optimism,Arbitrum,ZkSync}.sol` (generated from Chainlink's feed data), and for the
 * sequencer feeds smartcontractkit/documentation `l2-sequencer-feeds.mdx`; see
 * shared/reference/onchain-facts.md §4. `mainnet.test.ts` holds every feed here (sequencer feeds included)
 * to the address book's npm package, `@aave-dao/aave-address-book` (a test oracle, never imported here: it
 * would weigh on the page). Heartbeats are not in those sources: `maxAgeSeconds` is a day
 * plus an hour, the longest heartbeat Chainlink uses for these pairs, so a feed flagged stale is stale.
 */
const DAY_PLUS_MARGIN = 86_400 + 3_600;

function feed(address: FeedSpec['address'], pair: string): FeedSpec {
  return { address, pair, maxAgeSeconds: DAY_PLUS_MARGIN };
}

const OP = {
  ethUsd: feed('0x13e3Ee699D1909E989722E753853AE30b17e08c5', 'ETH/USD'),
  usdcUsd: feed('0x16a9FA2FDa030272Ce99B29CF780dFA30361E0f3', 'USDC/USD'),
  usdtUsd: feed('0xECef79E109e997bCA29c1c0897ec9d7b03647F5E', 'USDT/USD'),
  daiUsd: feed('0x8dBa75e83DA73cc766A7e5a0ee71F656BAb470d6', 'DAI/USD'),
  opUsd: feed('0x0D276FC14719f9292D5C1eA2198673d1f4269246', 'OP/USD'),
  veloUsd: feed('0x0f2Ed59657e391746C1a097BDa98F2aBb94b1120', 'VELODROME/USD'),
  wstethSteth: feed('0xe59EBa0D492cA53C6f46015EEa00517F2707dc77', 'wstETH/stETH'),
  weethEeth: feed('0x72EC6bF88effEd88290C66DCF1bE2321d80502f5', 'weETH/eETH'),
  rethEth: feed('0x22F3727be377781d1579B7C9222382b21c9d1a8f', 'rETH/ETH'),
};
const ARB = {
  ethUsd: feed('0x639Fe6ab55C921f74e7fac1ee960C0B6293ba612', 'ETH/USD'),
  usdcUsd: feed('0x50834F3163758fcC1Df9973b6e91f0F0F0434aD3', 'USDC/USD'),
  usdtUsd: feed('0x3f3f5dF88dC9F13eac63DF89EC16ef6e7E25DdE7', 'USDT/USD'),
  daiUsd: feed('0xc5C8E77B397E531B8EC06BFb0048328B30E9eCfB', 'DAI/USD'),
  arbUsd: feed('0xb2A824043730FE05F3DA2efaFa1CBbe83fa548D6', 'ARB/USD'),
  // bgd-labs/aave-address-book `ChainlinkArbitrum.GMX__USD`.
  gmxUsd: feed('0xDB98056FecFff59D032aB628337A4887110df3dB', 'GMX/USD'),
  wstethSteth: feed('0xB1552C5e96B312d0Bf8b554186F846C40614a540', 'wstETH/stETH'),
  weethEeth: feed('0x20bAe7e1De9c596f5F7615aeaa1342Ba99294e12', 'weETH/eETH'),
  rethEth: feed('0xF3272CAfe65b190e76caAF483db13424a3e23dD2', 'rETH/ETH'),
};
const ZK = {
  ethUsd: feed('0x6D41d1dc818112880b40e26BD6FD347E41008eDA', 'ETH/USD'),
  usdcUsd: feed('0x1824D297C6d6D311A204495277B63e943C2D376E', 'USDC/USD'),
  usdtUsd: feed('0xB615075979AE1836B476F651f1eB79f0Cd3956a9', 'USDT/USD'),
  zkUsd: feed('0xD1ce60dc8AE060DDD17cA8716C96f193bC88DD13', 'ZK/USD'),
  wstethSteth: feed('0x24a0C9404101A8d7497676BE12F10aEa356bAC28', 'wstETH/stETH'),
  weethEeth: feed('0x8D3184a992f93729b249407C33F1e78abE0d650e', 'weETH/eETH'),
};

const direct = (label: string, f: FeedSpec): PriceSourceSpec => ({ label, feeds: [f] });
/**
 * Liquid staking tokens are priced from their on-chain exchange-rate feed × ETH/USD (the rate's growth is
 * their staking yield, lib/protocols/liquid-staking), never from a market feed, so every position holding
 * one values it the same way. stETH and eETH are taken at 1 ETH, and the price says so.
 */
const lst = (rate: FeedSpec, ethUsd: FeedSpec, underlying: 'stETH' | 'eETH' | 'ETH'): PriceSourceSpec =>
  exchangeRatePrice(
    rate,
    ethUsd,
    underlying,
    underlying === 'ETH' ? undefined : `exchange rate × ETH/USD, assumes 1 ${underlying} = 1 ETH`,
  );

export const MAINNET_PRICES = {
  10: {
    ETH: direct('ETH/USD', OP.ethUsd),
    USDC: direct('USDC/USD', OP.usdcUsd),
    'USDC.e': { ...direct('USDC/USD', OP.usdcUsd), note: 'bridged USDC.e priced with the USDC/USD feed' },
    USDT: direct('USDT/USD', OP.usdtUsd),
    DAI: direct('DAI/USD', OP.daiUsd),
    OP: direct('OP/USD', OP.opUsd),
    VELO: direct('VELODROME/USD', OP.veloUsd),
    wstETH: lst(OP.wstethSteth, OP.ethUsd, 'stETH'),
    weETH: lst(OP.weethEeth, OP.ethUsd, 'eETH'),
    rETH: lst(OP.rethEth, OP.ethUsd, 'ETH'),
  },
  42161: {
    ETH: direct('ETH/USD', ARB.ethUsd),
    USDC: direct('USDC/USD', ARB.usdcUsd),
    'USDC.e': { ...direct('USDC/USD', ARB.usdcUsd), note: 'bridged USDC.e priced with the USDC/USD feed' },
    USDT: direct('USDT/USD', ARB.usdtUsd),
    DAI: direct('DAI/USD', ARB.daiUsd),
    ARB: direct('ARB/USD', ARB.arbUsd),
    GMX: direct('GMX/USD', ARB.gmxUsd),
    wstETH: lst(ARB.wstethSteth, ARB.ethUsd, 'stETH'),
    weETH: lst(ARB.weethEeth, ARB.ethUsd, 'eETH'),
    rETH: lst(ARB.rethEth, ARB.ethUsd, 'ETH'),
  },
  324: {
    ETH: direct('ETH/USD', ZK.ethUsd),
    USDC: direct('USDC/USD', ZK.usdcUsd),
    'USDC.e': { ...direct('USDC/USD', ZK.usdcUsd), note: 'bridged USDC.e priced with the USDC/USD feed' },
    USDT: direct('USDT/USD', ZK.usdtUsd),
    ZK: direct('ZK/USD', ZK.zkUsd),
    wstETH: lst(ZK.wstethSteth, ZK.ethUsd, 'stETH'),
    weETH: lst(ZK.weethEeth, ZK.ethUsd, 'eETH'),
  },
} as const satisfies Record<ChainId, Record<string, PriceSourceSpec>>;

/** L2 sequencer uptime feeds (answer 0 = up). */
export const MAINNET_SEQUENCER_FEEDS = {
  10: '0x371EAD81c9102C9BF4874A9075FFFf170F2Ee389',
  42161: '0xFdB631F5EE196F0ed6FAa767959853A9F217697D',
  324: '0x0E6AC8B967393dcD3D36677c126976157F993940',
} as const satisfies Record<ChainId, `0x${string}`>;

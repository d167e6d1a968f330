import type { Address } from 'viem';
import { MAINNET_PRICES, MAINNET_SEQUENCER_FEEDS } from '../prices/mainnet';
import { exchangeRatePrice } from '../prices/rate';
import type { FeedSpec, PriceSourceSpec } from '../prices/types';
import { MAINNET_TOKENS } from '../tokens/mainnet';
import type { TokenEntry } from '../tokens/types';
import type { DevnetManifest } from './manifest';
import { CHAIN_IDS, CHAINS, type ChainId } from './registry';
import type { RpcOverrides } from './rpc';

export type NetworkName = 'mainnet' | 'devnet';
export const NETWORK_NAMES: readonly NetworkName[] = ['mainnet', 'devnet'];

/** What one network profile knows about one chain. */
export interface ChainDeployment {
  chainId: ChainId;
  /** The first RPC URL (query keys and the settings name it). */
  rpcUrl: string;
  /** Every RPC URL to try, in order (`rpcUrl` first); absent means `[rpcUrl]`. */
  rpcUrls?: readonly string[];
  /** Protocol contracts by name (devnet: from the manifest; mainnet: protocols keep their own tables). */
  contracts: Record<string, Address>;
  tokens: TokenEntry[];
  nativePrice: PriceSourceSpec | null;
  sequencerFeed: Address | null;
  standIns: Record<string, string>;
  /**
   * Where protocol deployments come from: the devnet manifest's contract names, or each module's
   * mainnet table. Read only by `resolveDeployment`, so no reader asks which network it is on.
   */
  source: 'manifest' | 'mainnet';
  /** Whether the chain's public explorer knows these contracts (so links to it make sense). */
  publicExplorer: boolean;
  /**
   * Known (block, timestamp) points where the chain's block time is not its usual one (the devnet's
   * simulated history); past blocks are estimated between them, else from the registry's block time.
   */
  blockTimes?: readonly { number: bigint; timestamp: bigint }[];
}

/**
 * How a protocol module finds its contracts on one chain: from the devnet manifest's names, or from its
 * mainnet table (sourced from the protocol's own publications). Null means "not deployed here".
 */
export interface DeploymentSpec<D> {
  devnet: (contracts: Readonly<Record<string, Address>>, chainId: ChainId) => D | null;
  mainnet: Partial<Record<ChainId, D>>;
}

/** The one place a deployment is resolved against the network profile. */
export function resolveDeployment<D>(spec: DeploymentSpec<D>, chain: ChainDeployment): D | null {
  return chain.source === 'manifest'
    ? spec.devnet(chain.contracts, chain.chainId)
    : (spec.mainnet[chain.chainId] ?? null);
}

export interface Network {
  name: NetworkName;
  chains: Record<ChainId, ChainDeployment>;
}

function withOverrides(network: Network, overrides: RpcOverrides): Network {
  const chains = { ...network.chains };
  for (const id of CHAIN_IDS) {
    const url = overrides[id];
    // A URL the user set replaces the defaults: it is the only one asked.
    if (url) chains[id] = { ...chains[id], rpcUrl: url, rpcUrls: splitRpcUrls(url) };
  }
  return { ...network, chains };
}

/** Several URLs may be given as one comma-separated value (`LAYERGLASS_RPC_10=https://a,https://b`). */
export function splitRpcUrls(value: string): string[] {
  return value
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '');
}

/** The URLs a chain's client asks, in order. */
export function chainRpcUrls(chain: ChainDeployment): readonly string[] {
  return chain.rpcUrls && chain.rpcUrls.length > 0 ? chain.rpcUrls : [chain.rpcUrl];
}

export function mainnetNetwork(overrides: RpcOverrides = {}): Network {
  const chains = {} as Record<ChainId, ChainDeployment>;
  for (const id of CHAIN_IDS) {
    chains[id] = {
      chainId: id,
      rpcUrl: CHAINS[id].defaultRpcUrl,
      rpcUrls: CHAINS[id].rpcUrls,
      contracts: {},
      tokens: MAINNET_TOKENS[id],
      nativePrice: MAINNET_PRICES[id].ETH,
      sequencerFeed: MAINNET_SEQUENCER_FEEDS[id],
      standIns: {},
      source: 'mainnet',
      publicExplorer: true,
    };
  }
  return withOverrides({ name: 'mainnet', chains }, overrides);
}

/** Devnet feeds are MockV3Aggregators updated at seeding time; a day is their heartbeat. */
export const DEVNET_FEED_MAX_AGE = 86_400;

/** The manifest's name for the USD feed of a symbol (the devnet prices WETH with ETH/USD). */
export function devnetFeedName(symbol: string): string {
  return `ChainlinkFeed.${symbol === 'WETH' ? 'ETH' : symbol}/USD`;
}
export const DEVNET_SEQUENCER_FEED = 'ChainlinkSequencerUptimeFeed';
/**
 * Manifest prefix of a devnet exchange-rate feed (`ChainlinkExchangeRate.wstETH/stETH`): the token is then
 * priced as that rate × ETH/USD, as on mainnet (lib/prices/mainnet.ts), not by a USD feed of its own.
 */
export const DEVNET_RATE_FEED_PREFIX = 'ChainlinkExchangeRate.';

export function devnetNetwork(manifest: DevnetManifest, overrides: RpcOverrides = {}): Network {
  const chains = {} as Record<ChainId, ChainDeployment>;
  for (const id of CHAIN_IDS) {
    const m = manifest.chains[`${id}`];
    const feedAt = (name: string): FeedSpec | null => {
      const address = m.contracts[name];
      return address
        ? { address, pair: name.slice(name.indexOf('.') + 1), maxAgeSeconds: DEVNET_FEED_MAX_AGE }
        : null;
    };
    const priceFor = (symbol: string): PriceSourceSpec | null => {
      const rateName = Object.keys(m.contracts).find((n) =>
        n.startsWith(`${DEVNET_RATE_FEED_PREFIX}${symbol}/`),
      );
      const rate = rateName ? feedAt(rateName) : null;
      const ethUsd = feedAt(devnetFeedName('ETH'));
      if (rate && ethUsd) {
        const underlying = rate.pair.split('/')[1] ?? 'ETH';
        const note =
          underlying === 'ETH' ? undefined : `exchange rate × ETH/USD, assumes 1 ${underlying} = 1 ETH`;
        return exchangeRatePrice(rate, ethUsd, underlying, note);
      }
      const name = devnetFeedName(symbol);
      const address = m.contracts[name];
      if (!address) return null;
      const pair = name.slice('ChainlinkFeed.'.length);
      const feed: FeedSpec = { address, pair, maxAgeSeconds: DEVNET_FEED_MAX_AGE };
      return { label: pair, feeds: [feed] };
    };
    chains[id] = {
      chainId: id,
      rpcUrl: m.rpcUrl,
      contracts: m.contracts,
      ...(m.blockTimes
        ? {
            blockTimes: m.blockTimes.map((p) => ({
              number: BigInt(p.number),
              timestamp: BigInt(p.timestamp),
            })),
          }
        : {}),
      tokens: Object.entries(m.tokens).map(([symbol, address]) => ({
        symbol,
        address,
        price: priceFor(symbol),
        // The devnet's ERC-20s are Aave's MintableERC20, an OpenZeppelin 3.x ERC20: `_balances` at 0, `_allowances` at 1.
        ...(symbol === 'USDC' ? { storage: { balances: 0n, allowances: 1n } } : {}),
      })),
      nativePrice: priceFor('ETH'),
      sequencerFeed: m.contracts[DEVNET_SEQUENCER_FEED] ?? null,
      standIns: m.standIns ?? {},
      source: 'manifest',
      publicExplorer: false,
    };
  }
  return withOverrides({ name: 'devnet', chains }, overrides);
}

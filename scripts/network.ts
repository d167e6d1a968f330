import { existsSync, readFileSync } from 'node:fs';
import { MANIFEST_PATH } from '../devnet/cli';
import { createReadClient, type ReadClient, type ReadClientOptions } from '../lib/chains/client';
import { parseManifest } from '../lib/chains/manifest';
import {
  chainRpcUrls,
  devnetNetwork,
  mainnetNetwork,
  NETWORK_NAMES,
  type Network,
  type NetworkName,
} from '../lib/chains/network';
import { CHAIN_IDS, type ChainId } from '../lib/chains/registry';
import { rpcOverridesFromEnv } from '../lib/chains/rpc';
import { type EnsConfig, MAINNET_ENS_REGISTRY } from '../lib/ens/resolve';

/**
 * ENS for the CLI: LAYERGLASS_RPC_1 (any network), else the devnet manifest's local chain 1; on
 * mainnet without LAYERGLASS_RPC_1 there is no Ethereum RPC, and a name gets a message saying so.
 */
export function loadEnsConfig(name: NetworkName): EnsConfig {
  const env = process.env.LAYERGLASS_RPC_1 ?? null;
  if (name === 'devnet' && existsSync(manifestPath())) {
    const l1 = parseManifest(JSON.parse(readFileSync(manifestPath(), 'utf8'))).l1;
    if (l1?.contracts.ENSRegistry) return { rpcUrl: env ?? l1.rpcUrl, registry: l1.contracts.ENSRegistry };
    return { rpcUrl: null, registry: MAINNET_ENS_REGISTRY };
  }
  return { rpcUrl: env, registry: MAINNET_ENS_REGISTRY };
}

/** `--network devnet|mainnet` (default: devnet when its manifest exists, else mainnet). */
export function parseNetworkFlag(argv: readonly string[]): NetworkName {
  const i = argv.indexOf('--network');
  const inline = argv.find((a) => a.startsWith('--network='))?.split('=')[1];
  const value = inline ?? (i >= 0 ? argv[i + 1] : undefined);
  if (value === undefined) return existsSync(manifestPath()) ? 'devnet' : 'mainnet';
  if (!(NETWORK_NAMES as readonly string[]).includes(value)) {
    throw new Error(`--network must be one of ${NETWORK_NAMES.join(', ')}`);
  }
  return value as NetworkName;
}

export function manifestPath(): string {
  return process.env.LAYERGLASS_MANIFEST ?? MANIFEST_PATH;
}

/** The network profile for the CLI: RPC overrides from LAYERGLASS_RPC_<chainId>. */
export function loadNetwork(name: NetworkName): Network {
  const overrides = rpcOverridesFromEnv(process.env, 'LAYERGLASS_RPC_');
  if (name === 'mainnet') return mainnetNetwork(overrides);
  const path = manifestPath();
  if (!existsSync(path))
    throw new Error(`no devnet manifest at ${path}: start the devnet with \`npm run devnet\``);
  return devnetNetwork(parseManifest(JSON.parse(readFileSync(path, 'utf8'))), overrides);
}

export function networkClients(
  network: Network,
  options: ReadClientOptions = {},
): Record<ChainId, ReadClient> {
  return Object.fromEntries(
    CHAIN_IDS.map((id) => [id, createReadClient(id, chainRpcUrls(network.chains[id]), options)]),
  ) as Record<ChainId, ReadClient>;
}

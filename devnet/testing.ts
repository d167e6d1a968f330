import type { PublicClient } from 'viem';
import { inject } from 'vitest';
import { createReadClient } from '../lib/chains/client';
import type { DevnetManifest } from '../lib/chains/manifest';
import { devnetNetwork, type Network } from '../lib/chains/network';
import { CHAIN_IDS, type ChainId } from '../lib/chains/registry';

/** For integration tests: the devnet the global setup started, as a network profile with clients. */
export function testDevnet(): {
  manifest: DevnetManifest;
  network: Network;
  clients: Record<ChainId, PublicClient>;
  requests: { count: number };
} {
  const manifest = inject('devnetManifest');
  const network = devnetNetwork(manifest);
  const requests = { count: 0 };
  const clients = Object.fromEntries(
    CHAIN_IDS.map((id) => [
      id,
      createReadClient(id, network.chains[id].rpcUrl, {
        onRequest: () => {
          requests.count += 1;
        },
      }),
    ]),
  ) as Record<ChainId, PublicClient>;
  return { manifest, network, clients, requests };
}

import { createReadClient, type ReadClient, type ReadClientOptions } from './client';
import { chainRpcUrls, type Network } from './network';
import { CHAIN_IDS, type ChainId } from './registry';

/** Read clients for every chain of a network that count the HTTP requests each chain receives. */
export function countingClients(
  network: Network,
  options: Pick<ReadClientOptions, 'timeoutMs'> = {},
): {
  clients: Record<ChainId, ReadClient>;
  counts: Record<ChainId, number>;
  reset: () => void;
} {
  const counts = Object.fromEntries(CHAIN_IDS.map((id) => [id, 0])) as Record<ChainId, number>;
  const clients = Object.fromEntries(
    CHAIN_IDS.map((id) => [
      id,
      createReadClient(id, chainRpcUrls(network.chains[id]), {
        ...options,
        onRequest: (chainId) => {
          counts[chainId] += 1;
        },
      }),
    ]),
  ) as Record<ChainId, ReadClient>;
  const reset = () => {
    for (const id of CHAIN_IDS) counts[id] = 0;
  };
  return { clients, counts, reset };
}

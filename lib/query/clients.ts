import { createReadClient, type ReadClient } from '../chains/client';
import { type ChainDeployment, chainRpcUrls } from '../chains/network';
import type { ChainId } from '../chains/registry';

const clients = new Map<string, ReadClient>();

/**
 * One read client per (chain, RPC URLs), reused across queries and renders (so each URL proves its chain
 * id once). Takes the chain's deployment (its URLs in order) or a single URL.
 */
export function readClient(chainId: ChainId, rpc: string | ChainDeployment): ReadClient {
  const urls = typeof rpc === 'string' ? [rpc] : chainRpcUrls(rpc);
  const key = `${chainId}:${urls.join(',')}`;
  let client = clients.get(key);
  if (!client) {
    client = createReadClient(chainId, urls);
    clients.set(key, client);
  }
  return client;
}

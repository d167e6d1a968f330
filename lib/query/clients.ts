import { createReadClient, type ReadClient } from '../chains/client';
import type { ChainId } from '../chains/registry';

const clients = new Map<string, ReadClient>();

/** One read client per (chain, RPC URL), reused across queries and renders. */
export function readClient(chainId: ChainId, rpcUrl: string): ReadClient {
  const key = `${chainId}:${rpcUrl}`;
  let client = clients.get(key);
  if (!client) {
    client = createReadClient(chainId, rpcUrl);
    clients.set(key, client);
  }
  return client;
}

import { numberToHex } from 'viem';
import { inject } from 'vitest';
import type { ReadClient } from '../lib/chains/client';
import { countingClients } from '../lib/chains/counting';
import type { DevnetManifest } from '../lib/chains/manifest';
import { devnetNetwork, type Network } from '../lib/chains/network';
import { CHAIN_IDS, type ChainId } from '../lib/chains/registry';
import type { DevnetChain } from './chain';

/** For integration tests: the devnet the global setup started, as a network profile with clients. */
export function testDevnet(): {
  manifest: DevnetManifest;
  network: Network;
  clients: Record<ChainId, ReadClient>;
  requests: { count: number };
} {
  const manifest = inject('devnetManifest');
  const network = devnetNetwork(manifest);
  // A generous timeout: these clients test figures, not hangs, on a machine that may be busy.
  const { clients, counts } = countingClients(network, { timeoutMs: 30_000 });
  // Requests to every chain so far (tests compare before and after a read).
  const requests = {
    get count() {
      return CHAIN_IDS.reduce((sum, id) => sum + counts[id], 0);
    },
  };
  return { manifest, network, clients, requests };
}

/**
 * `evm_snapshot`, and a revert that also puts back what anvil's `evm_revert` leaves behind: the base
 * fee of the block environment `eth_call` uses at the latest block (anvil keeps the one of the last block
 * it mined) and of the next block. Without it, a test file that sent transactions changes what
 * `block.basefee` reads for every file after it.
 */
export async function snapshotChain(chain: DevnetChain): Promise<() => Promise<void>> {
  const latest = await chain.public.getBlock({ blockTag: 'latest' });
  const pending = await chain.public.getBlock({ blockTag: 'pending' });
  const id = await chain.request<string>('evm_snapshot', []);
  return async () => {
    await chain.revert(id);
    if (latest.baseFeePerGas === null || pending.baseFeePerGas === null) return;
    // Mining one block at the latest block's base fee, then reverting it, leaves that environment cached.
    const again = await chain.request<string>('evm_snapshot', []);
    await chain.request('anvil_setNextBlockBaseFeePerGas', [numberToHex(latest.baseFeePerGas)]);
    await chain.mine();
    await chain.revert(again);
    await chain.request('anvil_setNextBlockBaseFeePerGas', [numberToHex(pending.baseFeePerGas)]);
  };
}

import { countingClients } from '../../lib/chains/counting';
import type { DevnetManifest } from '../../lib/chains/manifest';
import { devnetNetwork } from '../../lib/chains/network';
import { CHAIN_IDS } from '../../lib/chains/registry';
import { readFeeHistory } from '../../lib/fees/history';
import { quoteAllChains, quoteChainFees } from '../../lib/fees/quote';
import { median } from './stats';

/** Requests and wall time of the fee quotes (all chains, median of 20) and of the base-fee history. */
export async function benchFees(manifest: DevnetManifest): Promise<void> {
  const network = devnetNetwork(manifest);
  const { clients, counts, reset } = countingClients(network);

  const all: number[] = [];
  for (let i = 0; i < 20; i++) {
    reset();
    const t = performance.now();
    await quoteAllChains(network, clients);
    all.push(performance.now() - t);
  }
  console.log(
    `fee quotes (3 chains, 4 actions each): median ${median(all).toFixed(1)} ms over ${all.length} runs`,
  );
  for (const id of CHAIN_IDS) {
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      reset();
      const t = performance.now();
      await quoteChainFees({ network, chainId: id, client: clients[id] });
      times.push(performance.now() - t);
    }
    console.log(
      `  chain ${id}: ${counts[id]} HTTP requests per quote, median ${median(times).toFixed(1)} ms`,
    );
  }
  for (const id of CHAIN_IDS) {
    reset();
    const t = performance.now();
    const h = await readFeeHistory(clients[id], id);
    console.log(
      `base-fee history chain ${id}: ${h.points.length} blocks, ${counts[id]} HTTP requests, ${(performance.now() - t).toFixed(1)} ms`,
    );
  }
}

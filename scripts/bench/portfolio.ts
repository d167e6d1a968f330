import type { Address } from 'viem';
import { createReadClient } from '../../lib/chains/client';
import type { DevnetManifest } from '../../lib/chains/manifest';
import { devnetNetwork } from '../../lib/chains/network';
import { CHAIN_IDS, type ChainId } from '../../lib/chains/registry';
import { readPortfolio } from '../../lib/portfolio/read';

/** Requests and wall time of a whole-portfolio read of the demo account (median of 20). */
export async function benchPortfolio(manifest: DevnetManifest): Promise<void> {
  const network = devnetNetwork(manifest);
  const counts: Record<number, number> = {};
  const clients = Object.fromEntries(
    CHAIN_IDS.map((id) => [
      id,
      createReadClient(id, network.chains[id].rpcUrl, {
        onRequest: (chainId) => {
          counts[chainId] = (counts[chainId] ?? 0) + 1;
        },
      }),
    ]),
  ) as Record<ChainId, ReturnType<typeof createReadClient>>;
  const demo = manifest.accounts.demo as Address;
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    for (const id of CHAIN_IDS) counts[id] = 0;
    const t = performance.now();
    await readPortfolio(network, demo, clients);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(
    `portfolio read (3 chains, demo account): median ${median.toFixed(1)} ms over ${times.length} runs`,
  );
  for (const id of CHAIN_IDS) console.log(`  chain ${id}: ${counts[id]} HTTP requests per read`);
}

import type { Address } from 'viem';
import { countingClients } from '../../lib/chains/counting';
import type { DevnetManifest } from '../../lib/chains/manifest';
import { devnetNetwork } from '../../lib/chains/network';
import { CHAIN_IDS } from '../../lib/chains/registry';
import { readPortfolio } from '../../lib/portfolio/read';
import { median } from './stats';

/** Requests and wall time of a whole-portfolio read of the demo account (median of 20). */
export async function benchPortfolio(manifest: DevnetManifest): Promise<void> {
  const network = devnetNetwork(manifest);
  const { clients, counts, reset } = countingClients(network);
  const demo = manifest.accounts.demo as Address;
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    reset();
    const t = performance.now();
    await readPortfolio(network, demo, clients);
    times.push(performance.now() - t);
  }
  console.log(
    `portfolio read (3 chains, demo account): median ${median(times).toFixed(1)} ms over ${times.length} runs`,
  );
  for (const id of CHAIN_IDS) console.log(`  chain ${id}: ${counts[id]} HTTP requests per read`);
}

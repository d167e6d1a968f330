import type { Address } from 'viem';
import { createReadClient } from '../../lib/chains/client';
import type { DevnetManifest } from '../../lib/chains/manifest';
import { chainRpcUrls, devnetNetwork, resolveDeployment } from '../../lib/chains/network';
import { CHAIN_IDS } from '../../lib/chains/registry';
import type { ChainReadContext } from '../../lib/portfolio/types';
import { AAVE_V3_DEPLOYMENT } from '../../lib/protocols/aave-v3/addresses';
import { readAaveV3 } from '../../lib/protocols/aave-v3/read';

const RUNS = 20;

/**
 * Requests and wall time of the Aave V3 read alone (block already known), per chain, for the demo
 * account: through the lens (the devnet's path) and reserve by reserve (the path mainnet takes).
 */
export async function benchAave(manifest: DevnetManifest): Promise<void> {
  const network = devnetNetwork(manifest);
  const owner = manifest.accounts.demo as Address;
  for (const chainId of CHAIN_IDS) {
    let requests = 0;
    const client = createReadClient(chainId, chainRpcUrls(network.chains[chainId]), {
      onRequest: () => {
        requests += 1;
      },
    });
    const block = await client.getBlock();
    const deployment = network.chains[chainId];
    const ctx: ChainReadContext = {
      chainId,
      client,
      deployment,
      owner,
      blockNumber: block.number,
      blockTimestamp: block.timestamp,
      prices: new Map(),
    };
    const market = resolveDeployment(AAVE_V3_DEPLOYMENT, deployment);
    if (!market) throw new Error(`no Aave V3 market on the devnet's chain ${chainId}`);
    for (const [path, m] of [
      ['lens', market],
      ['reserve by reserve', { ...market, uiPoolDataProvider: null }],
    ] as const) {
      const times: number[] = [];
      let perRead = 0;
      for (let i = 0; i < RUNS; i++) {
        requests = 0;
        const t = performance.now();
        await readAaveV3(ctx, m);
        times.push(performance.now() - t);
        perRead = requests;
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)] ?? 0;
      console.log(
        `chain ${chainId} ${path}: ${perRead} HTTP requests per read, median ${median.toFixed(1)} ms over ${RUNS} runs`,
      );
    }
  }
}

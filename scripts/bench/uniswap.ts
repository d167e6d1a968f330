import type { Address, Hex } from 'viem';
import { DevnetChain } from '../../devnet/chain';
import { recordingClient, sequentialDepth } from '../../devnet/rpc-recorder';
import { mintManyWethUsdcPositions } from '../../devnet/seed/uniswap-v3';
import type { DevnetManifest } from '../../lib/chains/manifest';
import { devnetNetwork } from '../../lib/chains/network';
import { CHAIN_IDS, type ChainId } from '../../lib/chains/registry';
import { readChainPortfolio } from '../../lib/portfolio/read';
import { sushiswapV3Module, uniswapV3Module } from '../../lib/protocols/uniswap-v3/module';

/** Added to every request in the "remote RPC" figures: a round trip to a public endpoint. */
const LATENCY_MS = 40;

async function measure(manifest: DevnetManifest, chainId: ChainId, owner: Address, latencyMs: number) {
  const network = devnetNetwork(manifest);
  const rec = recordingClient(chainId, network.chains[chainId].rpcUrl, { latencyMs });
  const started = performance.now();
  const chain = await readChainPortfolio({
    network,
    chainId,
    client: rec.client,
    owner,
    protocols: [uniswapV3Module],
  });
  const ms = performance.now() - started;
  const byMethod = new Map<string, number>();
  for (const r of rec.requests) byMethod.set(r.method, (byMethod.get(r.method) ?? 0) + 1);
  return {
    positions: chain.positions.filter((p) => p.protocol === 'uniswap-v3').length,
    requests: rec.requests.length,
    byMethod: [...byMethod].map(([m, n]) => `${n} ${m}`).join(', '),
    depth: sequentialDepth(rec.requests),
    ms,
  };
}

/**
 * Uniswap V3 read cost: requests and sequential round trips of one chain's read (block number, wallet
 * and prices, then the Uniswap reader) for an owner of 1 and of 200 positions, on the local devnet and
 * with 40 ms added per request. The 200 positions are minted inside a snapshot that is reverted after.
 */
export async function benchUniswap(manifest: DevnetManifest): Promise<void> {
  const chainId: ChainId = 42161;
  const m = manifest.chains[`${chainId}`];
  const devnet = new DevnetChain(chainId, m.rpcUrl, []);
  const snapshot = await devnet.request<Hex>('evm_snapshot', []);
  try {
    const factory = m.contracts.UniswapV3Factory;
    const positionManager = m.contracts.UniswapV3NonfungiblePositionManager;
    const { WETH: weth, USDC: usdc } = m.tokens;
    const lp = manifest.accounts.deployer;
    if (!factory || !positionManager || !weth || !usdc || !lp) throw new Error('devnet has no Uniswap V3');
    const owners: [Address, number][] = [
      ['0x000000000000000000000000000000000000b001', 1],
      ['0x000000000000000000000000000000000000b200', 200],
    ];
    const mintStarted = performance.now();
    for (const [recipient, count] of owners) {
      await mintManyWethUsdcPositions(devnet, { factory, positionManager, weth, usdc, lp, recipient, count });
    }
    console.log(
      `minted 201 positions on ${chainId} in ${Math.round(performance.now() - mintStarted)} ms (snapshot)`,
    );
    for (const latency of [0, LATENCY_MS]) {
      console.log(latency === 0 ? 'local devnet:' : `with ${latency} ms per request (remote RPC):`);
      for (const [owner, count] of owners) {
        // Median of 5 reads.
        const runs = [];
        for (let i = 0; i < 5; i++) runs.push(await measure(manifest, chainId, owner, latency));
        runs.sort((a, b) => a.ms - b.ms);
        const r = runs[2] ?? runs[0];
        if (!r) continue;
        // Round trips are only told apart reliably when each takes a real round trip's time.
        const depth =
          latency === 0 ? '' : `${r.depth} sequential round trips (2 chain + ${r.depth - 2} Uniswap), `;
        console.log(
          `  ${String(count).padStart(3)} position(s): ${r.positions} read, ${depth}${r.requests} requests ` +
            `(${r.byMethod}), ${r.ms.toFixed(1)} ms`,
        );
      }
    }
  } finally {
    await devnet.revert(snapshot);
    // anvil's evm_revert leaves its base-fee tracker behind the reverted header; one block realigns them.
    await devnet.mine();
  }

  // The demo account as seeded, both V3 deployments, every chain.
  const network = devnetNetwork(manifest);
  const demo = manifest.accounts.demo as Address;
  for (const id of CHAIN_IDS) {
    const rec = recordingClient(id, network.chains[id].rpcUrl, { latencyMs: LATENCY_MS });
    const chain = await readChainPortfolio({
      network,
      chainId: id,
      client: rec.client,
      owner: demo,
      protocols: [uniswapV3Module, sushiswapV3Module],
    });
    const count = chain.positions.filter((p) => p.kind === 'liquidity').length;
    console.log(
      `demo on ${id}: ${count} V3 positions (Uniswap + SushiSwap), ${rec.requests.length} requests, ` +
        `${sequentialDepth(rec.requests)} sequential round trips (${LATENCY_MS} ms each)`,
    );
  }
}

import { type Address, parseGwei } from 'viem';
import type { DevnetManifest } from '../lib/chains/manifest';
import { CHAIN_IDS, type ChainId } from '../lib/chains/registry';
import { assignAccounts } from './accounts';
import { type AnvilInstance, freePort, startAnvil } from './anvil';
import { DevnetChain } from './chain';
import { seedEnsL1 } from './seed/ens-l1';
import { ARB_FEE_PARAMS } from './seed/fees';
import { SEED_MODULES } from './seed/index';
import { historyDays, seedOrder } from './seed/order';
import type { SeedContext, SeedModule } from './seed/types';

const DAY = 86_400n;

/**
 * Time the seed steps take before and after the shared history, at one second per block: genesis is
 * placed this much (plus the history) before the wall clock, so the seeded spans are the same every run
 * (same durations, same block counts) and the history ends shortly before the present. The seeding's
 * blocks (about 200 a chain) must fit in it (checked: a devnet never dates a block in the future); the idle
 * span left between the history and the present stays well under the 7-day yield windows' tolerance (a
 * 500th of the window, 20 min), so a window 7 days back from the head still lands on a seeded day.
 */
export const SETUP_MARGIN_SECONDS = 600n;

/** Genesis of a devnet started now: the shared history and the setup margin before the wall clock. */
export function devnetGenesis(historyDays: number, nowMs: number = Date.now()): bigint {
  return BigInt(Math.floor(nowMs / 1000)) - BigInt(historyDays) * DAY - SETUP_MARGIN_SECONDS;
}

/** How often a seeded devnet mines a block, so its head stays fresh (lag is judged against the wall clock). */
export const HEAD_INTERVAL_MS = 1_000;

export const DEFAULT_PORTS: Record<ChainId, number> = { 10: 8545, 42161: 8546, 324: 8547 };

export interface StartOptions {
  /** Port per chain; a chain without one gets a free port. */
  ports?: Partial<Record<ChainId, number>>;
  /** Port of the local Ethereum (chain 1, ENS only); a free port when unset. */
  l1Port?: number;
  modules?: readonly SeedModule[];
  log?: (line: string) => void;
}

export interface Devnet {
  manifest: DevnetManifest;
  chains: Record<ChainId, DevnetChain>;
  stop: () => Promise<void>;
  /** Milliseconds spent starting and seeding. */
  startupMs: number;
}

async function seedChain(
  chainId: ChainId,
  anvil: AnvilInstance,
  modules: readonly SeedModule[],
  genesis: bigint,
  log: (l: string) => void,
) {
  const probe = new DevnetChain(chainId, anvil.rpcUrl, []);
  await probe.request('anvil_setBlockTimestampInterval', [1]);
  const unlocked = await probe.request<Address[]>('eth_accounts', []);
  const chain = new DevnetChain(chainId, anvil.rpcUrl, unlocked);
  chain.baseFeeFloor = DEVNET_BASE_FEE_FLOOR[chainId];
  const accounts = assignAccounts(unlocked);
  const ctx: SeedContext = { chainId, chain, accounts, genesis };
  // Where the simulated days put blocks in time (a day in a few blocks, then one block a second), so the
  // app can place past blocks without searching headers (`ChainDeployment.blockTimes`).
  const blockTimes: { number: number; timestamp: number }[] = [];
  const ordered = seedOrder(modules);
  const timed = async (name: string, run: () => Promise<void>) => {
    const t = performance.now();
    await run();
    log(`  chain ${chainId}: ${name} in ${Math.round(performance.now() - t)} ms`);
  };
  for (const module of ordered.filter((m) => !m.final))
    await timed(`${module.name} seeded`, () => module.seed(ctx));
  // One shared history for every step, ending at the final block: each step's days are its last ones.
  const days = historyDays(ordered);
  if (days > 0) {
    await timed(`${days} simulated days`, async () => {
      const start = await chain.latestTimestamp();
      for (let d = 1; d <= days; d++) {
        await chain.setNextTimestamp(start + BigInt(d) * DAY);
        for (const module of ordered) {
          const h = module.history;
          if (h && d > days - h.days) await h.onDay(ctx, d - (days - h.days));
        }
        blockTimes.push(await chain.latestPoint());
      }
      await chain.mine();
    });
  }
  // The idle span between the history and the present (the one span that depends on the wall clock): the
  // final steps then date their feeds at about now, a little before it, one second per block.
  const head = await chain.latestTimestamp();
  const present = BigInt(Math.floor(Date.now() / 1000));
  if (head >= present)
    throw new Error(
      `devnet: chain ${chainId}'s seeded blocks ran past the present: raise SETUP_MARGIN_SECONDS`,
    );
  await chain.setNextTimestamp(head + 1n > present - FINAL_LEAD ? head + 1n : present - FINAL_LEAD);
  await chain.mine();
  for (const module of ordered.filter((m) => m.final))
    await timed(`${module.name} seeded`, () => module.seed(ctx));
  // From now on blocks carry the wall clock's time.
  await chain.request('anvil_removeBlockTimestampInterval', []);
  const last = await chain.latestTimestamp();
  const now = BigInt(Math.floor(Date.now() / 1000));
  await chain.setNextTimestamp(last + 1n > now ? last + 1n : now);
  await chain.mine();
  blockTimes.push(await chain.latestPoint());
  return { chain, accounts, blockTimes };
}

/** Seconds before the present the final steps start at (their few blocks take one second each). */
const FINAL_LEAD = 30n;

/**
 * Each devnet chain's base fee is held at a floor, since anvil's EIP-1559 arithmetic lets an idle chain
 * decay to a few wei: Arbitrum One's minimum gas price (0.01 gwei, as ARB_FEE_PARAMS); 0.045 gwei on
 * zkSync Era and 0.001 gwei on OP are devnet values, UNVERIFIED as mainnet facts (README, "Trust under faults").
 */
export const DEVNET_BASE_FEE_FLOOR: Record<ChainId, bigint> = {
  10: parseGwei('0.001'),
  42161: ARB_FEE_PARAMS.minimumGasPrice,
  324: parseGwei('0.045'),
};

/**
 * Mines a block every `HEAD_INTERVAL_MS` at the chain's base-fee floor, so the head stays at the present
 * (transactions are still mined at once, as they arrive). Errors (a chain stopping) are swallowed.
 */
export function keepHeadFresh(chain: DevnetChain, intervalMs = HEAD_INTERVAL_MS): () => void {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    chain
      .mineUnlessReverting()
      .catch(() => {})
      .finally(() => {
        busy = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * The local Ethereum (chain 1) beside the L2s: ENS only (devnet/seed/ens-l1.ts), no shared history, so
 * its genesis is the wall clock's.
 */
async function startL1(port: number, log: (l: string) => void) {
  const t = performance.now();
  const anvil = await startAnvil({ chainId: 1, port, timestamp: Math.floor(Date.now() / 1000) - 60 });
  try {
    const unlocked = await new DevnetChain(1, anvil.rpcUrl, []).request<Address[]>('eth_accounts', []);
    const chain = new DevnetChain(1, anvil.rpcUrl, unlocked);
    await seedEnsL1(chain, assignAccounts(unlocked));
    log(`  chain 1: ENS seeded in ${Math.round(performance.now() - t)} ms`);
    return { anvil, chain };
  } catch (error) {
    await anvil.stop();
    throw error;
  }
}

/** Starts the three devnet chains, deploys and seeds them, and returns the manifest. */
export async function startDevnet(options: StartOptions = {}): Promise<Devnet> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const modules = options.modules ?? SEED_MODULES;
  const instances: AnvilInstance[] = [];
  const tickers: (() => void)[] = [];
  const stop = async () => {
    for (const t of tickers) t();
    await Promise.all(instances.map((i) => i.stop()));
  };
  const genesis = devnetGenesis(historyDays(seedOrder(modules)));
  try {
    const l1Started = startL1(options.l1Port ?? (await freePort()), log).then((l1) => {
      instances.push(l1.anvil);
      return l1;
    });
    // Held so a failure while the L2s start still stops it (caught again below).
    l1Started.catch(() => {});
    const anvils = await Promise.all(
      CHAIN_IDS.map(async (chainId) => {
        const instance = await startAnvil({
          chainId,
          port: options.ports?.[chainId] ?? (await freePort()),
          timestamp: Number(genesis),
          optimism: chainId === 10,
        });
        instances.push(instance);
        return instance;
      }),
    );
    const seeded = await Promise.all(
      CHAIN_IDS.map((chainId, i) => {
        const anvil = anvils[i];
        if (!anvil) throw new Error(`devnet: chain ${chainId} did not start`);
        return seedChain(chainId, anvil, modules, genesis, log);
      }),
    );
    const chains = {} as Record<ChainId, DevnetChain>;
    const manifestChains = {} as DevnetManifest['chains'];
    CHAIN_IDS.forEach((chainId, i) => {
      const s = seeded[i];
      if (!s) return;
      chains[chainId] = s.chain;
      manifestChains[`${chainId}`] = {
        rpcUrl: s.chain.rpcUrl,
        contracts: s.chain.contracts,
        tokens: s.chain.tokens,
        standIns: s.chain.standIns,
        blockTimes: s.blockTimes,
      };
    });
    const l1 = (await l1Started).chain;
    for (const id of CHAIN_IDS) tickers.push(keepHeadFresh(chains[id]));
    const accounts = seeded[0]?.accounts;
    if (!accounts) throw new Error('devnet: no accounts');
    return {
      manifest: {
        chains: manifestChains,
        accounts: { ...accounts },
        genesisTimestamp: Number(genesis),
        l1: {
          chainId: 1,
          rpcUrl: l1.rpcUrl,
          contracts: l1.contracts,
          tokens: l1.tokens,
          standIns: l1.standIns,
        },
      },
      chains,
      stop,
      startupMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

import type { Address } from 'viem';
import type { DevnetManifest } from '../lib/chains/manifest';
import { CHAIN_IDS, type ChainId } from '../lib/chains/registry';
import { assignAccounts } from './accounts';
import { type AnvilInstance, freePort, startAnvil } from './anvil';
import { DevnetChain } from './chain';
import { SEED_MODULES } from './seed/index';
import { historyDays, seedOrder } from './seed/order';
import type { SeedContext, SeedModule } from './seed/types';

const DAY = 86_400n;

/** 2026-01-01T00:00:00Z: every devnet starts here, one second per block, so runs are identical. */
export const DEVNET_GENESIS = 1_767_225_600n;

export const DEFAULT_PORTS: Record<ChainId, number> = { 10: 8545, 42161: 8546, 324: 8547 };

export interface StartOptions {
  /** Port per chain; a chain without one gets a free port. */
  ports?: Partial<Record<ChainId, number>>;
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
  log: (l: string) => void,
) {
  const probe = new DevnetChain(chainId, anvil.rpcUrl, []);
  await probe.request('anvil_setBlockTimestampInterval', [1]);
  const unlocked = await probe.request<Address[]>('eth_accounts', []);
  const chain = new DevnetChain(chainId, anvil.rpcUrl, unlocked);
  const accounts = assignAccounts(unlocked);
  const ctx: SeedContext = { chainId, chain, accounts, genesis: DEVNET_GENESIS };
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
      }
      await chain.mine();
    });
  }
  for (const module of ordered.filter((m) => m.final))
    await timed(`${module.name} seeded`, () => module.seed(ctx));
  return { chain, accounts };
}

/** Starts the three devnet chains, deploys and seeds them, and returns the manifest. */
export async function startDevnet(options: StartOptions = {}): Promise<Devnet> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const modules = options.modules ?? SEED_MODULES;
  const instances: AnvilInstance[] = [];
  const stop = async () => {
    await Promise.all(instances.map((i) => i.stop()));
  };
  try {
    const anvils = await Promise.all(
      CHAIN_IDS.map(async (chainId) => {
        const instance = await startAnvil({
          chainId,
          port: options.ports?.[chainId] ?? (await freePort()),
          timestamp: Number(DEVNET_GENESIS),
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
        return seedChain(chainId, anvil, modules, log);
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
      };
    });
    const accounts = seeded[0]?.accounts;
    if (!accounts) throw new Error('devnet: no accounts');
    return {
      manifest: {
        chains: manifestChains,
        accounts: { ...accounts },
        genesisTimestamp: Number(DEVNET_GENESIS),
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

import type { Address, Hex } from 'viem';
import { DevnetChain, snapshotOf } from '../../devnet/chain';
import { DEFAULT_LATENCY_MS, type LatencyStats } from '../../devnet/latency-proxy';
import {
  epochNow,
  type RemoteLatencyProxy,
  startLatencyProxiesInWorker,
} from '../../devnet/latency-proxy-worker';
import { seedWhale, type Whale } from '../../devnet/seed/whale';
import { createReadClient, type ReadClient } from '../../lib/chains/client';
import { countingClients } from '../../lib/chains/counting';
import type { DevnetManifest } from '../../lib/chains/manifest';
import { devnetNetwork, type Network } from '../../lib/chains/network';
import { CHAIN_IDS, type ChainId } from '../../lib/chains/registry';
import { readPortfolio } from '../../lib/portfolio/read';
import type { ChainPortfolio, Portfolio } from '../../lib/portfolio/types';
import { naiveClient } from './naive';
import { median } from './stats';

/** Reads measured per account and side (≥ 5: min / median / max are printed). */
const RUNS = Math.max(5, Number(process.env.LAYERGLASS_BENCH_PORTFOLIO_RUNS ?? 5));
const LATENCY_MS = Number(process.env.LAYERGLASS_BENCH_LATENCY_MS ?? DEFAULT_LATENCY_MS);
/** The baseline's single requests in flight at once, per chain. */
const BASELINE_CONCURRENCY = Number(process.env.LAYERGLASS_BENCH_BASELINE_CONCURRENCY ?? 100);
const WHALE_POSITIONS = Number(process.env.LAYERGLASS_BENCH_WHALE_POSITIONS ?? 500);
const WHALE_TOKENS = Number(process.env.LAYERGLASS_BENCH_WHALE_TOKENS ?? 100);

/**
 * The read path a chain took, as the read reports it (`ChainPortfolio.read.path`, with its note; or a
 * `readPath` string), else 'n/a'. Read through `unknown` so the bench builds with or without the field.
 */
export function readPathOf(chain: ChainPortfolio): string {
  const c = chain as unknown as { read?: unknown; readPath?: unknown };
  if (typeof c.read === 'object' && c.read !== null) {
    const { path, note } = c.read as { path?: unknown; note?: unknown };
    if (typeof path === 'string') return typeof note === 'string' && note ? `${path} (${note})` : path;
  }
  return typeof c.readPath === 'string' && c.readPath.length > 0 ? c.readPath : 'n/a';
}

/** One read of the whole portfolio, per chain what its proxy saw. */
interface Sample {
  ms: number;
  chains: Record<ChainId, { stats: LatencyStats; ms: number; chain: ChainPortfolio | undefined }>;
}

type Proxies = Record<ChainId, RemoteLatencyProxy>;

async function sample(proxies: Proxies, read: () => Promise<Portfolio>): Promise<Sample> {
  await Promise.all(CHAIN_IDS.map((id) => proxies[id].reset()));
  const started = epochNow();
  const portfolio = await read();
  const ms = epochNow() - started;
  const chains = {} as Sample['chains'];
  const stats = await Promise.all(CHAIN_IDS.map((id) => proxies[id].stats()));
  CHAIN_IDS.forEach((id, i) => {
    const s = stats[i];
    if (!s) return;
    const { lastAnswerAt, ...rest } = s;
    chains[id] = {
      stats: rest,
      // Until the chain's last answer left the proxy (its decoding after that is in the whole read's time).
      ms: (lastAnswerAt ?? started) - started,
      chain: portfolio.chains.find((c) => c.chainId === id),
    };
  });
  return { ms, chains };
}

interface Side {
  cold: Sample[];
  refresh: Sample[];
}

async function measureApp(
  network: Network,
  proxies: Proxies,
  owner: Address,
  extraTokens: Partial<Record<ChainId, readonly Address[]>>,
): Promise<Side> {
  const side: Side = { cold: [], refresh: [] };
  for (let i = 0; i < RUNS; i++) {
    // The real app client, fresh each run (cold), pointed at the proxies; then a refresh with it.
    const clients = Object.fromEntries(
      CHAIN_IDS.map((id) => [id, createReadClient(id, proxies[id].url)]),
    ) as Record<ChainId, ReadClient>;
    const read = () => readPortfolio(network, owner, clients, { extraTokens });
    side.cold.push(await sample(proxies, read));
    side.refresh.push(await sample(proxies, read));
  }
  return side;
}

async function measureBaseline(
  network: Network,
  proxies: Proxies,
  owner: Address,
  extraTokens: Partial<Record<ChainId, readonly Address[]>>,
): Promise<Sample[]> {
  // The app's fallback paths are forced: Multicall3 levels, each aggregate3 taken apart by the client.
  await Promise.all(
    CHAIN_IDS.map((id) => proxies[id].configure({ refuseStateOverride: true, refuseDeployless: true })),
  );
  try {
    const out: Sample[] = [];
    for (let i = 0; i < RUNS; i++) {
      const clients = {} as Record<ChainId, ReadClient>;
      for (const id of CHAIN_IDS)
        clients[id] = naiveClient(id, proxies[id].url, { concurrency: BASELINE_CONCURRENCY });
      out.push(await sample(proxies, () => readPortfolio(network, owner, clients, { extraTokens })));
    }
    return out;
  } finally {
    await Promise.all(
      CHAIN_IDS.map((id) => proxies[id].configure({ refuseStateOverride: false, refuseDeployless: false })),
    );
  }
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function spread(values: readonly number[], format: (n: number) => string): string {
  const s = [...values].sort((a, b) => a - b);
  return `${format(s[0] ?? Number.NaN)} / ${format(median(s))} / ${format(s[s.length - 1] ?? Number.NaN)}`;
}

/** A count over runs: one number when every run agrees, else min–max. */
function count(values: readonly number[]): string {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}

const ratio = (app: readonly number[], base: readonly number[]) => {
  const b = median(base);
  return b > 0 ? `${(median(app) / b).toFixed(3)}×` : 'n/a';
};

function summarise(chain: ChainPortfolio | undefined): string {
  if (!chain) return 'missing';
  if (chain.error) return `ERROR ${chain.error}`;
  const byProtocol = new Map<string, number>();
  for (const p of chain.positions) byProtocol.set(p.protocol, (byProtocol.get(p.protocol) ?? 0) + 1);
  const failed = chain.protocolErrors.map((e) => `${e.protocol} FAILED: ${e.error}`);
  return [
    `${chain.positions.length} positions (${[...byProtocol].map(([p, n]) => `${p} ${n}`).join(', ')})`,
    ...failed,
  ].join('; ');
}

function report(label: string, app: Side, base: Sample[]) {
  console.log(`\n${label}: whole read (3 chains concurrently), min / median / max of ${RUNS}:`);
  console.log(
    `  app cold      ${spread(
      app.cold.map((s) => s.ms),
      secs,
    )}`,
  );
  console.log(
    `  app refresh   ${spread(
      app.refresh.map((s) => s.ms),
      secs,
    )}`,
  );
  console.log(
    `  baseline      ${spread(
      base.map((s) => s.ms),
      secs,
    )}   (app cold / baseline: ${ratio(
      app.cold.map((s) => s.ms),
      base.map((s) => s.ms),
    )})`,
  );
  for (const id of CHAIN_IDS) {
    const pick = (xs: Sample[], f: (c: Sample['chains'][ChainId]) => number) =>
      xs.map((s) => f(s.chains[id]));
    const rows: [string, Sample[]][] = [
      ['app cold', app.cold],
      ['app refresh', app.refresh],
      ['baseline', base],
    ];
    const path = app.cold[0]?.chains[id].chain;
    console.log(`  chain ${id}: read path ${path ? readPathOf(path) : 'n/a'}; ${summarise(path)}`);
    const baseChain = base[0]?.chains[id].chain;
    const appCount = path?.positions.length ?? -1;
    if ((baseChain?.positions.length ?? -1) !== appCount)
      console.log(`    WARNING: the baseline read ${summarise(baseChain)}`);
    console.log(
      '    side          round trips   HTTP   JSON-RPC items   sent         received     until last answer (min / median / max)',
    );
    for (const [name, xs] of rows) {
      console.log(
        `    ${name.padEnd(13)} ${count(pick(xs, (c) => c.stats.roundTrips)).padStart(11)}   ${count(pick(xs, (c) => c.stats.httpRequests)).padStart(4)}   ${count(pick(xs, (c) => c.stats.rpcItems)).padStart(14)}   ${kib(median(pick(xs, (c) => c.stats.bytesSent))).padStart(10)}   ${kib(median(pick(xs, (c) => c.stats.bytesReceived))).padStart(10)}   ${spread(
          pick(xs, (c) => c.ms),
          secs,
        )}`,
      );
    }
    const r = (f: (c: Sample['chains'][ChainId]) => number) => ratio(pick(app.cold, f), pick(base, f));
    console.log(
      `    app cold / baseline: round trips ${r((c) => c.stats.roundTrips)}, HTTP ${r((c) => c.stats.httpRequests)}, items ${r((c) => c.stats.rpcItems)}, sent ${r((c) => c.stats.bytesSent)}, received ${r((c) => c.stats.bytesReceived)}, time ${r((c) => c.ms)}`,
    );
    const refused = base[0]?.chains[id].stats.refused;
    if (refused && refused.stateOverride + refused.deployless > 0)
      console.log(
        `    (baseline: ${refused.stateOverride} state-override and ${refused.deployless} deployless calls refused by the proxy, counted above)`,
      );
    // A run whose read failed (wholly or a protocol) or read other positions than the first is named:
    // its counts are not the read's.
    for (const [name, xs] of rows) {
      const first = xs[0]?.chains[id].chain?.positions.length;
      const odd = new Map<string, number>();
      for (const x of xs) {
        const c = x.chains[id].chain;
        const problems = [
          ...(c?.error ? [`chain error: ${c.error}`] : []),
          ...(c?.protocolErrors ?? []).map((e) => `${e.protocol}: ${e.error}`),
          ...(c && c.positions.length !== first ? [`${c.positions.length} positions, not ${first}`] : []),
        ];
        for (const p of problems) odd.set(p.slice(0, 160), (odd.get(p.slice(0, 160)) ?? 0) + 1);
      }
      for (const [p, n] of odd) console.log(`    ${name}: ${n} of ${xs.length} runs: ${p}`);
    }
  }
}

/** In-process figures straight against anvil (no latency): requests and wall time of the demo's read. */
async function benchLocal(manifest: DevnetManifest): Promise<void> {
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

/**
 * The whole-portfolio read as a remote RPC serves it (issue 9): the demo and the whale through a latency
 * proxy per chain (`LATENCY_MS` per HTTP request), with the app's own read client (`createReadClient`),
 * cold and on refresh, beside a naive baseline measured in the same run (one request per read, no
 * batching: `./naive`). The whale is seeded on the bench's devnet inside a snapshot, reverted after.
 */
export async function benchPortfolio(manifest: DevnetManifest): Promise<void> {
  await benchLocal(manifest);
  const network = devnetNetwork(manifest);
  const chains = CHAIN_IDS.map((id) => new DevnetChain(id, manifest.chains[`${id}`].rpcUrl, []));
  // On a thread of their own: the proxies' work is not charged to the reads timed here.
  const worker = await startLatencyProxiesInWorker(
    CHAIN_IDS.map((id) => ({ target: manifest.chains[`${id}`].rpcUrl, latencyMs: LATENCY_MS })),
  );
  const proxies = Object.fromEntries(CHAIN_IDS.map((id, i) => [id, worker.proxies[i]])) as Proxies;
  const snapshots = await Promise.all(chains.map((c) => c.request<Hex>('evm_snapshot', [])));
  try {
    const whale: Whale = await seedWhale(manifest, { positions: WHALE_POSITIONS, tokens: WHALE_TOKENS });
    console.log(
      `\nwhale ${whale.address}: seeded in ${whale.ms} ms (snapshot, reverted after): ${WHALE_POSITIONS} Uniswap V3 positions and ${WHALE_TOKENS} tokens per chain`,
    );
    for (const id of CHAIN_IDS) {
      const c = whale.chains[id];
      console.log(
        `  chain ${id}: ${c.transactions} transactions in ${c.ms} ms; ${Object.entries(c.positions)
          .map(([pool, n]) => `${n} in ${pool}`)
          .join(', ')}; ${c.extras.join('; ')}`,
      );
    }
    console.log(
      `\nthrough a latency proxy per chain (${LATENCY_MS} ms per HTTP request, devnet/latency-proxy.ts, on a worker thread); app = createReadClient, cold (a new client) and refresh (the same client again); baseline = one eth_call per read, no JSON-RPC batching, no Multicall3 (≤ ${BASELINE_CONCURRENCY} in flight per chain; scripts/bench/naive.ts). Bytes are JSON bodies; round trips are sequential HTTP waves.`,
    );
    const accounts: [string, Address, Partial<Record<ChainId, readonly Address[]>>][] = [
      [`demo ${manifest.accounts.demo}`, manifest.accounts.demo as Address, {}],
      [`whale ${whale.address}`, whale.address, whale.extraTokens],
    ];
    for (const [label, owner, extraTokens] of accounts) {
      const app = await measureApp(network, proxies, owner, extraTokens);
      const base = await measureBaseline(network, proxies, owner, extraTokens);
      report(label, app, base);
    }
  } finally {
    await Promise.all(chains.map((c, i) => c.revert(snapshotOf(snapshots, i))));
    // anvil's evm_revert leaves its base-fee tracker behind the reverted header; one block realigns them.
    await Promise.all(chains.map((c) => c.mine()));
    await worker.stop();
  }
}

/**
 * `npm run bench`: prints measured figures (request counts, timings, sizes). Each entry is a module
 * with a `run()` that prints its own lines; they run one after another on a fresh devnet.
 */

import { startDevnet } from '../devnet/start';
import type { DevnetManifest } from '../lib/chains/manifest';
import { benchAave } from './bench/aave';
import { benchBundle } from './bench/bundle';
import { benchFees } from './bench/fees';
import { benchPage } from './bench/page';
import { benchPortfolio } from './bench/portfolio';
import { benchUniswap } from './bench/uniswap';

export type Bench = (manifest: DevnetManifest) => Promise<void>;

// Each bench on a devnet of its own (about 10 s to start and seed): a bench that seeds a whale in a snapshot
// and reverts it leaves anvil's state behind it (a later whale's transaction was seen never mined, and
// chain 10's section in the browser never drawn), so none runs on what another left.
const BENCHES: readonly [string, Bench][] = [
  ['page', benchPage],
  ['portfolio', benchPortfolio],
  ['uniswap', benchUniswap],
  ['aave-v3', benchAave],
  ['fees', benchFees],
  ['bundle', benchBundle],
];

async function main() {
  // `npm run bench -- page bundle` runs only those.
  const only = process.argv.slice(2);
  for (const [name, bench] of BENCHES) {
    if (only.length > 0 && !only.includes(name)) continue;
    const devnet = await startDevnet();
    console.log(`\n## ${name}\ndevnet: started and seeded in ${devnet.startupMs} ms`);
    try {
      await bench(devnet.manifest);
    } finally {
      await devnet.stop();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

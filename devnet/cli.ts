import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHAIN_IDS, type ChainId } from '../lib/chains/registry';
import { DEFAULT_PORTS, startDevnet } from './start';

export const MANIFEST_PATH = join(dirname(fileURLToPath(import.meta.url)), 'deployments.json');

/** Ports come from LAYERGLASS_DEVNET_PORTS="8545,8546,8547" (chains 10, 42161, 324) or the defaults. */
export function devnetPorts(env: Record<string, string | undefined> = process.env): Record<ChainId, number> {
  const raw = env.LAYERGLASS_DEVNET_PORTS?.split(',').map((p) => Number(p.trim()));
  if (!raw) return DEFAULT_PORTS;
  if (raw.length !== 3 || raw.some((p) => !Number.isInteger(p) || p <= 0 || p > 65535)) {
    throw new Error('LAYERGLASS_DEVNET_PORTS must be three ports, e.g. 8545,8546,8547');
  }
  return Object.fromEntries(CHAIN_IDS.map((id, i) => [id, raw[i]])) as Record<ChainId, number>;
}

async function main() {
  const devnet = await startDevnet({ ports: devnetPorts(), log: (l) => console.log(l) });
  writeFileSync(MANIFEST_PATH, `${JSON.stringify(devnet.manifest, null, 2)}\n`);
  console.log(`\nDevnet ready in ${devnet.startupMs} ms. Manifest: devnet/deployments.json`);
  for (const id of CHAIN_IDS) console.log(`  chain ${id}: ${devnet.manifest.chains[`${id}`].rpcUrl}`);
  console.log(`  demo account: ${devnet.manifest.accounts.demo}`);
  console.log('Press Ctrl-C to stop.');
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await devnet.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

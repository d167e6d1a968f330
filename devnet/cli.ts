import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHAIN_IDS, type ChainId } from '../lib/chains/registry';
import { DEFAULT_PORTS, startDevnet } from './start';

export const MANIFEST_PATH = join(dirname(fileURLToPath(import.meta.url)), 'deployments.json');

/** Default port of the local Ethereum (chain 1, ENS), beside DEFAULT_PORTS. */
export const DEFAULT_L1_PORT = 8548;

/**
 * The chain 1 (ENS) port: a fourth entry of LAYERGLASS_DEVNET_PORTS, else a free port when three are
 * given (so devnets started side by side never collide), else DEFAULT_L1_PORT.
 */
export function devnetL1Port(env: Record<string, string | undefined> = process.env): number | undefined {
  const raw = env.LAYERGLASS_DEVNET_PORTS?.split(',').map((p) => Number(p.trim()));
  if (!raw) return DEFAULT_L1_PORT;
  const fourth = raw[3];
  return fourth !== undefined && Number.isInteger(fourth) && fourth > 0 && fourth <= 65535
    ? fourth
    : undefined;
}

/** Ports come from LAYERGLASS_DEVNET_PORTS="8545,8546,8547" (chains 10, 42161, 324) or the defaults. */
export function devnetPorts(env: Record<string, string | undefined> = process.env): Record<ChainId, number> {
  const raw = env.LAYERGLASS_DEVNET_PORTS?.split(',').map((p) => Number(p.trim()));
  if (!raw) return DEFAULT_PORTS;
  if (
    (raw.length !== 3 && raw.length !== 4) ||
    raw.some((p) => !Number.isInteger(p) || p <= 0 || p > 65535)
  ) {
    throw new Error(
      'LAYERGLASS_DEVNET_PORTS must be three ports, e.g. 8545,8546,8547 (a fourth sets chain 1, ENS)',
    );
  }
  return Object.fromEntries(CHAIN_IDS.map((id, i) => [id, raw[i]])) as Record<ChainId, number>;
}

async function main() {
  const l1Port = devnetL1Port();
  const devnet = await startDevnet({
    ports: devnetPorts(),
    ...(l1Port === undefined ? {} : { l1Port }),
    log: (l) => console.log(l),
  });
  writeFileSync(MANIFEST_PATH, `${JSON.stringify(devnet.manifest, null, 2)}\n`);
  console.log(`\nDevnet ready in ${devnet.startupMs} ms. Manifest: devnet/deployments.json`);
  for (const id of CHAIN_IDS) console.log(`  chain ${id}: ${devnet.manifest.chains[`${id}`].rpcUrl}`);
  if (devnet.manifest.l1) console.log(`  chain 1 (ENS): ${devnet.manifest.l1.rpcUrl}`);
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

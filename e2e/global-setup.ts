import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../devnet/anvil';
import { startDevnet } from '../devnet/start';
import { serve } from '../scripts/serve';

/**
 * RPC URLs tests point the page at through Settings, beyond the devnet's own chains: the served CSP's
 * connect-src allows them so such a test sees the RPC's own failure, not the policy's block.
 * Any loopback port: the discard port (9, where nothing listens: an RPC that is down) and the
 * resilience tests' fault proxies (on free ports).
 */
export const E2E_EXTRA_CONNECT_SRC = ['http://127.0.0.1:*'];

/** A fresh devnet and the built app served against it; torn down after the run. */
export default async function globalSetup() {
  const root = join(import.meta.dirname, '..');
  if (!existsSync(join(root, 'out', 'index.html')))
    throw new Error('no build in out/: run `next build` first');
  const devnet = await startDevnet();
  const dir = join(root, 'e2e', '.artifacts');
  mkdirSync(dir, { recursive: true });
  const manifestPath = join(dir, 'devnet.json');
  writeFileSync(manifestPath, JSON.stringify(devnet.manifest));
  const port = await freePort();
  const server = await serve({
    root: join(root, 'out'),
    port,
    manifestPath,
    extraConnectSrc: E2E_EXTRA_CONNECT_SRC,
  });
  process.env.E2E_BASE_URL = `http://127.0.0.1:${port}`;
  process.env.E2E_MANIFEST = manifestPath;
  return async () => {
    server.close();
    await devnet.stop();
  };
}

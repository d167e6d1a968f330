import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** The anvil binary shipped inside the npm package (spawned directly: ~40 ms, vs ~470 ms through npx). */
export function anvilBinary(): string {
  return require.resolve('@foundry-rs/anvil-linux-amd64/bin/anvil');
}

export interface AnvilOptions {
  chainId: number;
  port: number;
  /** Genesis timestamp (seconds), for determinism. */
  timestamp: number;
  /** anvil's Optimism mode: deposit transactions and the L1 data fee. */
  optimism?: boolean;
  extraArgs?: string[];
}

export interface AnvilInstance {
  chainId: number;
  port: number;
  rpcUrl: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

/** Asks the OS for a free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

async function rpcReady(rpcUrl: string, chainId: number, deadline: number): Promise<void> {
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      });
      const body = (await response.json()) as { result?: string };
      if (body.result && Number(body.result) === chainId) return;
      lastError = new Error(`unexpected eth_chainId answer ${JSON.stringify(body)}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`anvil on ${rpcUrl} did not become ready: ${String(lastError)}`);
}

/** Resolves true when nothing listens on the loopback port. */
export async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export async function startAnvil(options: AnvilOptions): Promise<AnvilInstance> {
  // Without this check a second devnet would find the first one answering on the port and seed it twice.
  if (!(await portIsFree(options.port))) {
    throw new Error(
      `port ${options.port} is in use (is another devnet running?): stop it or set LAYERGLASS_DEVNET_PORTS`,
    );
  }
  // Where anvil writes the past states it moves out of memory (a devnet minting a block a second makes
  // many): a directory of this instance's own, removed when it exits, instead of ~/.foundry/anvil/tmp,
  // which keeps every instance's states forever (tens of GB over a day of test runs).
  const cachePath = mkdtempSync(join(tmpdir(), 'layerglass-anvil-'));
  const args = [
    '--cache-path',
    cachePath,
    '--host',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--chain-id',
    String(options.chainId),
    '--timestamp',
    String(options.timestamp),
    '--accounts',
    '10',
    '--silent',
    ...(options.optimism ? ['--optimism'] : []),
    ...(options.extraArgs ?? []),
  ];
  const child = spawn(anvilBinary(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      rmSync(cachePath, { recursive: true, force: true });
      resolve();
    }),
  );
  const rpcUrl = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(timer);
    }
  };
  try {
    await Promise.race([
      rpcReady(rpcUrl, options.chainId, Date.now() + 15_000),
      exited.then(() => {
        throw new Error(`anvil (chain ${options.chainId}, port ${options.port}) exited: ${stderr.trim()}`);
      }),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { chainId: options.chainId, port: options.port, rpcUrl, process: child, stop };
}

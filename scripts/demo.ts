import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { devnetL1Port, devnetPorts, MANIFEST_PATH } from '../devnet/cli';
import { startDevnet } from '../devnet/start';
import { serve } from './serve';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs `next build` (static export into out/). */
export function buildApp(env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
      },
    );
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`next build exited with ${code}`)),
    );
  });
}

async function main() {
  const skipBuild = process.argv.includes('--no-build');
  const port = Number(process.env.PORT ?? 3000);
  console.log('Starting the devnet (three local chains with real protocol contracts)…');
  const l1Port = devnetL1Port();
  const devnet = await startDevnet({ ports: devnetPorts(), ...(l1Port === undefined ? {} : { l1Port }) });
  writeFileSync(MANIFEST_PATH, `${JSON.stringify(devnet.manifest, null, 2)}\n`);
  console.log(`Devnet seeded in ${devnet.startupMs} ms.`);
  let server: Awaited<ReturnType<typeof serve>> | null = null;
  const shutdown = async (code = 0) => {
    server?.close();
    await devnet.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  try {
    if (!skipBuild) {
      console.log('Building the app…');
      await buildApp();
    }
    server = await serve({ root: join(ROOT, 'out'), port, manifestPath: MANIFEST_PATH });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
    return;
  }
  const demo = devnet.manifest.accounts.demo;
  console.log(`\nLayerglass demo: http://127.0.0.1:${port}/address/${demo}`);
  console.log(`Demo address:    ${demo}`);
  console.log(
    'The app reads the local devnet (its manifest is served with the app). Ctrl-C stops everything.',
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void main();

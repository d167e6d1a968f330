import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

/** Writes a manifest to a fresh temporary file (for LAYERGLASS_MANIFEST) and returns its path. */
export function writeManifest(manifest: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'layerglass-')), 'deployments.json');
  writeFileSync(file, JSON.stringify(manifest));
  return file;
}

/** Runs `scripts/<script>` as `npm run` would, returning its exit code and output whatever the code. */
export async function runScript(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, [join(ROOT, 'scripts', script), ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

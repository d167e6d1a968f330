import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

/** Wallet write, send and sign APIs (wagmi hooks, viem actions, raw JSON-RPC methods). */
const FORBIDDEN =
  /\b(useWriteContract|useSendTransaction|useSendCalls|useSignMessage|useSignTypedData|useSignTransaction|useDeployContract|useWatchAsset|writeContract|sendTransaction|sendRawTransaction|signMessage|signTypedData|signTransaction|eth_sendTransaction|eth_sendRawTransaction|eth_sign|personal_sign|eth_signTypedData(_v4)?|wallet_sendCalls)\b/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('read-only', () => {
  it('no file in app/, components/ or lib/ names a wallet write, send or sign API', () => {
    const hits: string[] = [];
    for (const dir of ['app', 'components', 'lib']) {
      for (const file of sources(join(ROOT, dir))) {
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (FORBIDDEN.test(line)) hits.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
          });
      }
    }
    expect(hits).toEqual([]);
  });

  it('the pattern catches what it is meant to catch', () => {
    expect(FORBIDDEN.test('const { writeContract } = useWriteContract()')).toBe(true);
    expect(FORBIDDEN.test("provider.request({ method: 'personal_sign' })")).toBe(true);
    expect(FORBIDDEN.test('client.readContract({})')).toBe(false);
  });
});

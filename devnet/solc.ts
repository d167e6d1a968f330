import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Abi, Hex } from 'viem';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const CACHE_DIR = join(here, '.cache', 'solc');

export interface CompiledContract {
  abi: Abi;
  bytecode: Hex;
  deployedBytecode: Hex;
}

/**
 * A source to compile: either one of the project's stand-ins in devnet/contracts, or a file from an
 * npm package (e.g. Chainlink's MockV3Aggregator, which the package ships as source and ABI only).
 */
export interface SourceRef {
  /** `devnet/contracts/X.sol` or `@scope/pkg/path/X.sol`. */
  path: string;
  contract: string;
}

/** Settings beyond the defaults (optimizer on, 200 runs). */
export interface CompileSettings {
  evmVersion?: string;
  /** Leaves the metadata hash out of the bytecode, so committed bytecode only changes with the code. */
  noMetadataHash?: boolean;
}

function readSource(path: string): string {
  if (path.startsWith('devnet/') || path.startsWith('lib/'))
    return readFileSync(resolve(here, '..', path), 'utf8');
  return readFileSync(require.resolve(path), 'utf8');
}

interface SolcOutput {
  errors?: { severity: string; formattedMessage: string }[];
  contracts: Record<
    string,
    Record<string, { abi: Abi; evm: { bytecode: { object: string }; deployedBytecode: { object: string } } }>
  >;
}

/**
 * Compiles with the npm `solc` (solc-js) and caches the result by the hash of every source and the
 * compiler version, so only the first run pays for the compiler (~1–3 s).
 */
export function compile(ref: SourceRef, settings: CompileSettings = {}): CompiledContract {
  const sources: Record<string, { content: string }> = {};
  const pending = [ref.path];
  while (pending.length > 0) {
    const path = pending.pop();
    if (path === undefined || sources[path]) continue;
    const content = readSource(path);
    sources[path] = { content };
    for (const m of content.matchAll(/^\s*import\s+(?:[^'"]*from\s+)?["']([^"']+)["']/gm)) {
      const target = m[1];
      if (!target) continue;
      const full = target.startsWith('.') ? join(dirname(path), target).replace(/\\/g, '/') : target;
      pending.push(full);
    }
  }
  const input = JSON.stringify({
    language: 'Solidity',
    sources,
    settings: {
      optimizer: { enabled: true, runs: 200 },
      ...(settings.evmVersion ? { evmVersion: settings.evmVersion } : {}),
      ...(settings.noMetadataHash ? { metadata: { bytecodeHash: 'none' } } : {}),
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
    },
  });
  const { version } = require('solc/package.json') as { version: string };
  const key = createHash('sha256').update(version).update(input).digest('hex').slice(0, 16);
  const cacheFile = join(CACHE_DIR, `${ref.contract}-${key}.json`);
  if (existsSync(cacheFile)) return JSON.parse(readFileSync(cacheFile, 'utf8')) as CompiledContract;

  // Loading solc-js costs ~0.4 s, so it is only required on a cache miss.
  const solc = require('solc') as { compile: (input: string) => string };
  const output = JSON.parse(solc.compile(input)) as SolcOutput;
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
  const contract = output.contracts[ref.path]?.[ref.contract];
  if (!contract) throw new Error(`solc: ${ref.contract} not found in ${ref.path}`);
  const compiled: CompiledContract = {
    abi: contract.abi,
    bytecode: `0x${contract.evm.bytecode.object}`,
    deployedBytecode: `0x${contract.evm.deployedBytecode.object}`,
  };
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(cacheFile, JSON.stringify(compiled));
  return compiled;
}

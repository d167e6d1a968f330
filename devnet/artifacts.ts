import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Abi, Address, Hex } from 'viem';

const require = createRequire(import.meta.url);

export interface Artifact {
  contractName: string;
  abi: Abi;
  bytecode: Hex;
  deployedBytecode: Hex;
  /** file → library → byte offsets of the 20-byte placeholders in `bytecode`. */
  linkReferences: Record<string, Record<string, { start: number; length: number }[]>>;
}

/** Loads a Hardhat-style artifact (`abi`, `bytecode`, `linkReferences`) from an npm package path. */
export function loadArtifact(modulePath: string): Artifact {
  const json = JSON.parse(readFileSync(require.resolve(modulePath), 'utf8')) as Record<string, unknown>;
  const bytecode = json.bytecode;
  const deployed = json.deployedBytecode;
  // Foundry artifacts nest the hex under `.object`.
  const hex = (v: unknown): Hex => {
    const s = typeof v === 'string' ? v : (v as { object?: string } | undefined)?.object;
    if (typeof s !== 'string') throw new Error(`${modulePath}: no bytecode`);
    return (s.startsWith('0x') ? s : `0x${s}`) as Hex;
  };
  return {
    contractName: String(json.contractName ?? modulePath.split('/').pop()),
    abi: json.abi as Abi,
    bytecode: hex(bytecode),
    deployedBytecode: hex(deployed),
    linkReferences: (json.linkReferences ?? {}) as Artifact['linkReferences'],
  };
}

/** Replaces library placeholders with deployed library addresses, by library name. */
export function linkBytecode(artifact: Artifact, libraries: Record<string, Address>): Hex {
  let code = artifact.bytecode.slice(2);
  for (const [, libs] of Object.entries(artifact.linkReferences)) {
    for (const [name, refs] of Object.entries(libs)) {
      const address = libraries[name];
      if (!address) throw new Error(`${artifact.contractName}: library ${name} not provided`);
      for (const ref of refs) {
        const start = ref.start * 2;
        code = code.slice(0, start) + address.slice(2).toLowerCase() + code.slice(start + ref.length * 2);
      }
    }
  }
  if (code.includes('__')) throw new Error(`${artifact.contractName}: unlinked library placeholder left`);
  return `0x${code}`;
}

/**
 * Multicall3's creation code as viem ships it (viem uses it for deployless multicall). viem does not
 * export it, so it is read from the package's own constants file.
 */
export function multicall3CreationCode(): Hex {
  const file = join(dirname(require.resolve('viem')), '..', '_esm', 'constants', 'contracts.js');
  const match = readFileSync(file, 'utf8').match(/multicall3Bytecode\s*=\s*'(0x[0-9a-f]+)'/);
  if (!match?.[1]) throw new Error(`Multicall3 bytecode not found in ${file}`);
  return match[1] as Hex;
}

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

/**
 * Packages whose addresses the mainnet tables are tested against. They are test oracles only: imported at
 * run time they would weigh on the page (and a table checked against itself proves nothing).
 */
const ORACLE_PACKAGES = [
  '@aave-dao/aave-address-book',
  '@uniswap/sdk-core',
  '@uniswap/v3-sdk',
  'sushi',
  '@gmx-io/sdk',
];

const IMPORT = new RegExp(
  `(?:from\\s+|import\\s*\\(\\s*|require\\s*\\(\\s*|import\\s+)['"](${ORACLE_PACKAGES.map((p) => p.replace(/[/.]/g, '\\$&')).join('|')})(?:/[^'"]*)?['"]`,
);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('oracle packages', () => {
  it('are imported by tests only, never by app/, components/ or lib/', () => {
    const hits: string[] = [];
    for (const dir of ['app', 'components', 'lib']) {
      for (const file of sources(join(ROOT, dir))) {
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (IMPORT.test(line)) hits.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
          });
      }
    }
    expect(hits).toEqual([]);
  });

  it('the pattern catches what it is meant to catch', () => {
    expect(IMPORT.test("import { AaveV3Optimism } from '@aave-dao/aave-address-book';")).toBe(true);
    expect(IMPORT.test("import type * as S from 'sushi/evm';")).toBe(true);
    expect(IMPORT.test("const m = await import('@uniswap/sdk-core');")).toBe(true);
    expect(IMPORT.test("import '@gmx-io/sdk';")).toBe(true);
    expect(IMPORT.test("import { x } from 'sushiswap-helpers';")).toBe(false);
    expect(IMPORT.test(' * Source: bgd-labs/aave-address-book `src/AaveV3Optimism.sol`')).toBe(false);
  });
});

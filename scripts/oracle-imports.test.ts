import { describe, expect, it } from 'vitest';
import { runtimeLinesMatching } from './runtime-sources';

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

describe('oracle packages', () => {
  it('are imported by tests only, never by app/, components/ or lib/', () => {
    const hits = runtimeLinesMatching(IMPORT);
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

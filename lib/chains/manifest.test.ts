import { describe, expect, it } from 'vitest';
import { parseManifest } from './manifest';

const A = '0x5fbdb2315678afecb367f032d93f642f64180aa3';
const chain = { rpcUrl: 'http://127.0.0.1:8545', contracts: { Multicall3: A }, tokens: { USDC: A } };

describe('parseManifest', () => {
  it('checksums addresses and keeps the fixed shape', () => {
    const m = parseManifest({ chains: { 10: chain, 42161: chain, 324: chain }, accounts: { demo: A } });
    expect(m.chains['10'].tokens.USDC).toBe('0x5FbDB2315678afecb367f032d93F642f64180aa3');
    expect(m.accounts.demo).toBe('0x5FbDB2315678afecb367f032d93F642f64180aa3');
  });
  it('keeps a mixed-case (already checksummed) address as written', () => {
    const checksummed = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
    const m = parseManifest({
      chains: { 10: chain, 42161: chain, 324: { ...chain, tokens: { USDC: checksummed } } },
      accounts: {},
    });
    expect(m.chains['324'].tokens.USDC).toBe(checksummed);
  });
  it('says which field is wrong', () => {
    expect(() => parseManifest({ chains: { 10: chain, 42161: chain }, accounts: {} })).toThrow(
      'missing chain 324',
    );
    expect(() =>
      parseManifest({
        chains: { 10: chain, 42161: chain, 324: { ...chain, tokens: { X: '0x12' } } },
        accounts: {},
      }),
    ).toThrow('chains.324.tokens.X is not an address');
  });
});

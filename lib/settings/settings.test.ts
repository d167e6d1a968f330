import { getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseAddressInput, parseSettings } from './settings';

const ADDRESS = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

describe('parseAddressInput', () => {
  it('accepts checksummed, lower-case and upper-case addresses, returning the checksummed form', () => {
    expect(parseAddressInput(ADDRESS)).toEqual({ address: ADDRESS });
    expect(parseAddressInput(`  ${ADDRESS.toLowerCase()} `)).toEqual({ address: ADDRESS });
    expect(parseAddressInput(`0x${ADDRESS.slice(2).toUpperCase()}`)).toEqual({ address: ADDRESS });
  });

  it('rejects what is not an address, with a reason', () => {
    for (const bad of [
      '',
      'vitalik.eth',
      '0x123',
      `${ADDRESS}00`,
      '0xZZ997970C51812dc3A010C7d01b50e0d17dc79C8',
    ]) {
      expect(parseAddressInput(bad)).toHaveProperty('error');
    }
  });

  it('rejects a mixed-case address whose checksum does not match', () => {
    const typo = ADDRESS.replace('C51812', 'c51812');
    expect(parseAddressInput(typo)).toEqual({ error: expect.stringMatching(/checksum/) });
  });
});

describe('parseSettings', () => {
  it('falls back to defaults on anything malformed', () => {
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('{not json')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('42')).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid values and drops invalid ones field by field', () => {
    const raw = JSON.stringify({
      network: 'devnet',
      rpc: { devnet: { 10: 'http://127.0.0.1:9999', 324: 'javascript:alert(1)' }, other: { 10: 'http://x' } },
      tokens: { 42161: [ADDRESS.toLowerCase(), 'nope', ADDRESS], 5: [ADDRESS] },
      vaults: { 10: [ADDRESS.toLowerCase(), 42], 1: [ADDRESS], 324: 'nope' },
      hideDust: true,
      hideClosed: 'yes',
      ensRpc: { mainnet: 'http://127.0.0.1:8545', devnet: 'javascript:x' },
      rpcLists: { devnet: { 10: ['http://127.0.0.1:9999', 'ftp://x', 'http://127.0.0.1:9998'] } },
    });
    expect(parseSettings(raw)).toEqual({
      network: 'devnet',
      rpc: { devnet: { 10: 'http://127.0.0.1:9999' } },
      tokens: { 42161: [getAddress(ADDRESS)] },
      farms: {},
      vaults: { 10: [getAddress(ADDRESS)] },
      hideDust: true,
      hideClosed: false,
      ensRpc: { mainnet: 'http://127.0.0.1:8545' },
      rpcLists: { devnet: { 10: ['http://127.0.0.1:9999', 'http://127.0.0.1:9998'] } },
    });
  });
});

describe('user-added farms', () => {
  it('keeps valid farm addresses per chain, checksummed and deduplicated; drops the rest', () => {
    const a = '0x000000000000000000000000000000000000dead';
    const s = parseSettings(
      JSON.stringify({ farms: { '42161': [a, a.toUpperCase().replace('0X', '0x'), 'nope', 7], '5': [a] } }),
    );
    expect(s.farms).toEqual({ 42161: ['0x000000000000000000000000000000000000dEaD'] });
    expect(parseSettings(JSON.stringify({ farms: 'x' })).farms).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import { parseChainEntry, parseEntryFlags } from './entries';

const A = '0x99dbe4aea58e518c50a1c04ae9b48c9f6354612f';

describe('--vault / --farm <chainId>:<address>', () => {
  it('parses repeated flags by chain, checksummed, and leaves the rest of argv', () => {
    expect(parseEntryFlags(['0xabc', '--vault', `10:${A}`, '--json', `--vault=42161:${A}`], 'vault')).toEqual(
      {
        entries: {
          10: ['0x99dBE4AEa58E518C50a1c04aE9b48C9F6354612f'],
          42161: ['0x99dBE4AEa58E518C50a1c04aE9b48C9F6354612f'],
        },
        rest: ['0xabc', '--json'],
      },
    );
  });

  it('rejects a malformed entry, an unknown chain and a missing value with a clear message', () => {
    expect(parseChainEntry('0x1234')).toEqual({
      error: expect.stringMatching(/expected <chainId>:<address>/),
    });
    expect(parseChainEntry(`1:${A}`)).toEqual({ error: 'chain 1 is not one of 10, 42161, 324' });
    expect(parseEntryFlags(['--vault'], 'vault')).toEqual({
      error: expect.stringMatching(/^--vault expected/),
    });
  });
});

import { normalize } from 'viem/ens';
import { describe, expect, it } from 'vitest';
import { isNameInput, noNames, parseWatchTarget } from './target';

const inputs = [
  '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  '0x70997970c51812dc3a010c7d01b50e0d17dc79c8',
  '0x1234',
  'vitalik.eth',
  ' Alice.ETH ',
  'no-dot',
  'a..eth',
  '',
];

describe('watch targets', () => {
  it('need ENS normalisation exactly for the inputs that parse as names', () => {
    for (const input of inputs) {
      const parsed = parseWatchTarget(input, normalize);
      const isName = !('error' in parsed) && parsed.kind === 'name';
      // Every input that became a name was flagged; an unflagged input parses the same with no normaliser.
      if (isName) expect(isNameInput(input)).toBe(true);
      if (!isNameInput(input)) expect(parseWatchTarget(input, noNames)).toEqual(parsed);
    }
  });

  it('normalise names with the normaliser given (viem’s ENSIP-15 here)', () => {
    expect(parseWatchTarget(' Alice.ETH ', normalize)).toEqual({
      kind: 'name',
      name: normalize('Alice.ETH'),
    });
  });
});

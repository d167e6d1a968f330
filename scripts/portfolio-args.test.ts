import { describe, expect, it } from 'vitest';
import { parsePortfolioArgs } from './portfolio-args';

const A = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const B = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

describe('parsePortfolioArgs', () => {
  it('keeps one address as one, drops duplicates in any case, and reads flags anywhere', () => {
    const a = parsePortfolioArgs([A, '--network', 'devnet', A.toLowerCase(), B, '--json']);
    expect(a).toEqual({
      targets: [
        { kind: 'address', address: A },
        { kind: 'address', address: B },
      ],
      json: true,
      network: 'devnet',
      blocks: {},
    });
  });

  it('pins blocks per chain with --block <chainId>:<number>, repeatable', () => {
    const a = parsePortfolioArgs([A, '--block', '10:123', '--block=324:7']);
    expect(a).toMatchObject({ blocks: { 10: 123n, 324: 7n } });
    expect(parsePortfolioArgs([A, '--block', '1:5'])).toEqual({
      error: expect.stringContaining('chain id among 10, 42161, 324'),
    });
    expect(parsePortfolioArgs([A, '--block', '10:x'])).toHaveProperty('error');
    expect(parsePortfolioArgs([A, '--block', '10:1', '--block', '10:2'])).toEqual({
      error: '--block given twice for chain 10',
    });
    expect(parsePortfolioArgs([A, '--block'])).toEqual({ error: '--block needs a value' });
  });

  it('takes ENS names, normalised, and names the bad member with why', () => {
    expect(parsePortfolioArgs(['Alice.ETH'])).toMatchObject({
      targets: [{ kind: 'name', name: 'alice.eth' }],
    });
    const bad = parsePortfolioArgs([A, '0x1234']);
    expect(bad).toEqual({ error: expect.stringMatching(/^"0x1234" is not an Ethereum address/) });
    expect(parsePortfolioArgs([A, 'alice..eth'])).toEqual({ error: expect.stringContaining('empty label') });
    expect(parsePortfolioArgs(['hello'])).toEqual({
      error: expect.stringContaining('or a name such as alice.eth'),
    });
    // A checksum typo is not silently accepted.
    expect(parsePortfolioArgs([A.replace('C8', 'c8')])).toEqual({
      error: expect.stringContaining('checksum'),
    });
    expect(parsePortfolioArgs([])).toEqual({ error: expect.stringContaining('usage') });
    expect(parsePortfolioArgs([A, '--nope'])).toEqual({ error: 'unknown option --nope' });
  });
});

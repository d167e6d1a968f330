import type { Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { hasOverride, type Refuse, refusingClient } from '../../devnet/lens-testing';
import { testDevnet } from '../../devnet/testing';
import { readChainPortfolio } from '../portfolio/read';
import { answerStats, resetAnswerStats } from './multicall';
import { CHAIN_IDS, type ChainId } from './registry';
import { knownPath } from './round-one';

/**
 * Round 1's three paths on the devnet: each endpoint below refuses what a real one may refuse (state
 * overrides, calls without `to`), and the read must take the next path and give the same figures.
 */
const { manifest, network } = testDevnet();
const demo = manifest.accounts.demo as Address;

const client = (chainId: ChainId, refuse: Refuse = {}) => refusingClient(manifest, chainId, refuse);

async function readAt(chainId: ChainId, c: ReturnType<typeof client>, blockNumber?: bigint) {
  return readChainPortfolio({
    network,
    chainId,
    client: c.client,
    owner: demo,
    ...(blockNumber === undefined ? {} : { blockNumber }),
  });
}

const figures = (chain: Awaited<ReturnType<typeof readAt>>) =>
  chain.positions.map((p) => [p.id, p.assets.map((a) => [a.amount, a.usdE18]), p.yield?.baseApr ?? null]);

describe.each(CHAIN_IDS)('round 1 on chain %i', (chainId) => {
  it('by state override: one eth_call holds the block, its time and every current read', async () => {
    const c = client(chainId);
    const chain = await readAt(chainId, c);
    expect(chain.read?.path).toBe('state-override');
    expect(knownPath(c.client)).toBe('state-override');
    const header = await c.client.getBlock({ blockNumber: chain.blockNumber ?? -1n });
    expect(chain.blockTimestamp).toBe(header.timestamp);
    // The first request of the read is the one eth_call carrying the override.
    expect(c.requests[0]?.method).toBe('eth_call');
    expect(hasOverride(c.requests[0]?.params)).toBe(true);
  });

  it('refused a state override, it goes deployless and reads the same figures at the same block', async () => {
    const plain = client(chainId);
    const refusing = client(chainId, { override: true });
    const at = (await plain.client.getBlockNumber()) - 1n;
    const reference = await readAt(chainId, plain, at);
    const chain = await readAt(chainId, refusing, at);
    expect(chain.read?.path).toBe('deployless');
    expect(chain.read?.note).toMatch(/state-override: .*not supported/);
    expect(knownPath(refusing.client)).toBe('deployless');
    expect(figures(chain)).toEqual(figures(reference));
    // Remembered: the next read sends no override at all.
    refusing.requests.length = 0;
    await readAt(chainId, refusing, at);
    expect(refusing.requests.some((r) => r.method === 'eth_call' && hasOverride(r.params))).toBe(false);
  });

  it('refused both, it reads level by level through Multicall3, with the same figures', async () => {
    const plain = client(chainId);
    const refusing = client(chainId, { override: true, deployless: true });
    const at = (await plain.client.getBlockNumber()) - 1n;
    const reference = await readAt(chainId, plain, at);
    const chain = await readAt(chainId, refusing, at);
    expect(chain.read?.path).toBe('multicall-levels');
    expect(chain.read?.note).toMatch(/deployless: .*toAddressIsNull/);
    expect(figures(chain)).toEqual(figures(reference));
  });

  it('cold: two round trips, the present then the past; a refresh: one, round 1 alone (the past is kept)', async () => {
    const c = client(chainId);
    const waves = (from: number) => {
      const reqs = c.requests.slice(from);
      // A wave: requests that all left before any of them was answered.
      let count = 0;
      let answeredBy = Number.NEGATIVE_INFINITY;
      for (const r of [...reqs].sort((a, b) => a.start - b.start)) {
        if (r.start >= answeredBy) {
          count += 1;
          answeredBy = Number.POSITIVE_INFINITY;
        }
        answeredBy = Math.min(answeredBy, r.end);
      }
      return count;
    };
    const cold = await readAt(chainId, c);
    expect(cold.read?.path).toBe('state-override');
    expect(waves(0)).toBeLessThanOrEqual(2);
    const before = c.requests.length;
    resetAnswerStats(c.client);
    await readAt(chainId, c);
    expect(waves(before)).toBe(1);
    expect(answerStats(c.client).misses).toBe(0);
    for (const r of c.requests.slice(before)) expect(hasOverride(r.params)).toBe(true);
  });

  it('answers the foundation’s reads from round 1 (no call of theirs goes out again)', async () => {
    const c = client(chainId);
    resetAnswerStats(c.client);
    const chain = await readChainPortfolio({
      network,
      chainId,
      client: c.client,
      owner: demo,
      protocols: [],
    });
    expect(chain.read?.path).toBe('state-override');
    expect(answerStats(c.client).misses).toBe(0);
    expect(answerStats(c.client).hits).toBeGreaterThan(0);
    expect(c.requests).toHaveLength(1);
  });
});

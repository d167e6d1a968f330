import type { Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { recordingClient } from '../../../devnet/rpc-recorder';
import { testDevnet } from '../../../devnet/testing';
import { answerStats, resetAnswerStats } from '../../chains/multicall';
import { readChainPortfolio } from '../../portfolio/read';
import type { ChainPortfolio } from '../../portfolio/types';
import { velodromeModule } from './module';

/** Slipstream's part of round 1 (the V3 lens over the CL manager) against the reader's own levels. */
const { manifest, network } = testDevnet();
const demo = manifest.accounts.demo as Address;

const hasOverride = (params: unknown) =>
  Array.isArray(params) && params.length > 2 && params[2] !== undefined;
const noTo = (params: unknown) =>
  Array.isArray(params) && typeof params[0] === 'object' && params[0] !== null && !('to' in params[0]);
const client = (refuse = false) =>
  recordingClient(10, manifest.chains['10'].rpcUrl, {
    refuse: (method, params) =>
      refuse && method === 'eth_call' && (hasOverride(params) || noTo(params)) ? 'refused' : null,
  });
const read = (c: ReturnType<typeof client>, blockNumber: bigint) =>
  readChainPortfolio({
    network,
    chainId: 10,
    client: c.client,
    owner: demo,
    protocols: [velodromeModule],
    blockNumber,
  });
const slipstream = (chain: ChainPortfolio) =>
  chain.positions
    .filter((p) => p.id.includes(':slipstream:'))
    .map((p) => ({ id: p.id, assets: p.assets, rewards: p.rewards, yield: p.yield, warning: p.warning }));

describe('Slipstream in round 1', () => {
  it('the lens answers the wallet positions’ reads, with the figures of the level-by-level read', async () => {
    const levels = client(true);
    const at = (await levels.client.getBlockNumber()) - 1n;
    const reference = await read(levels, at);
    expect(reference.read?.path).toBe('multicall-levels');
    const lensed = client();
    resetAnswerStats(lensed.client);
    const chain = await read(lensed, at);
    expect(chain.read?.path).toBe('state-override');
    expect(slipstream(reference).length).toBeGreaterThan(0);
    expect(slipstream(chain)).toEqual(slipstream(reference));
    // The count, ids, positions, getPool, pool state, ticks and metadata of the unstaked ones: well over 20.
    expect(answerStats(lensed.client).hits).toBeGreaterThan(20);
    console.log(
      `Slipstream round 1: ${JSON.stringify(answerStats(lensed.client))}, ${lensed.requests.length} requests (levels: ${levels.requests.length})`,
    );
  });
});

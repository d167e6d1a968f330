import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPublicClient, getAddress, http, parseUnits } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_KINDS, type FaultKind, type FaultProxy, startFaultProxy } from '../devnet/fault-proxy';
import { DEMO_HOLDINGS } from '../devnet/seed/base';
import { testDevnet } from '../devnet/testing';
import { RPC_TIMEOUT_MS } from '../lib/chains/client';
import { CHAINS, type ChainId } from '../lib/chains/registry';
import type { PortfolioJson } from '../lib/portfolio/json';
import { runScript, writeManifest } from './cli-testing';

/** The chain the proxy stands in front of; the other two must stay exact. */
const FAULTY: ChainId = 42161;
const HEALTHY: ChainId[] = [10, 324];

/** What each fault must be reported as, and the words that say what is wrong. */
const EXPECTED: Record<FaultKind, { reason: 'error' | 'wrong-chain' | 'lagging'; words: RegExp | null }> = {
  down: { reason: 'error', words: /unreachable/ },
  '429': { reason: 'error', words: /rate-limiting \(HTTP 429\)/ },
  '500': { reason: 'error', words: /answered HTTP 500/ },
  hang: { reason: 'error', words: /did not answer within 6 s/ },
  malformed: { reason: 'error', words: /not JSON/ },
  'wrong-chain': { reason: 'wrong-chain', words: /answers for chain 10, not 42161/ },
  lagging: { reason: 'lagging', words: null },
  revert: { reason: 'error', words: /revert/i },
};

/** Requests the faulty chain's RPC may receive in one CLI run under each fault (no retry storm). */
const MAX_REQUESTS: Record<FaultKind, number> = {
  down: 2,
  '429': 2,
  '500': 2,
  hang: 1,
  malformed: 2,
  'wrong-chain': 1,
  lagging: 40,
  revert: 3,
};

describe('npm run portfolio with one faulty chain', () => {
  const { manifest } = testDevnet();
  const demo = getAddress(manifest.accounts.demo ?? '');
  let proxy: FaultProxy;
  let manifestPath: string;
  const figures: string[] = [];

  beforeAll(async () => {
    proxy = await startFaultProxy({
      target: manifest.chains[`${FAULTY}`].rpcUrl,
      wrongChainTarget: manifest.chains['10'].rpcUrl,
    });
    manifestPath = writeManifest({
      ...manifest,
      chains: { ...manifest.chains, [FAULTY]: { ...manifest.chains[`${FAULTY}`], rpcUrl: proxy.url } },
    });
  });
  afterAll(async () => {
    await proxy.stop();
    console.log(`resilience figures (CLI, chain ${FAULTY} faulty):\n  ${figures.join('\n  ')}`);
  });

  const run = async (args: string[] = ['--json']) => {
    const t = performance.now();
    const r = await runScript('portfolio.ts', [demo, '--network', 'devnet', ...args], {
      LAYERGLASS_MANIFEST: manifestPath,
    });
    return { ...r, ms: Math.round(performance.now() - t) };
  };

  /** The healthy chains hold exactly what the seed gave the demo account. */
  const expectHealthyExact = (json: PortfolioJson) => {
    for (const id of HEALTHY) {
      const chain = json.chains.find((c) => c.chainId === id);
      expect(chain?.error, `chain ${id}`).toBeNull();
      expect(chain?.totalUsd).toEqual(expect.any(Number));
      const eth = chain?.positions.find((p) => p.id === `${id}:wallet:native`);
      expect(eth?.assets[0]?.amount).toBe(parseUnits(DEMO_HOLDINGS[id].ETH ?? '0', 18).toString());
      const usdc = chain?.positions.find(
        (p) => p.id === `${id}:wallet:${manifest.chains[`${id}`].tokens.USDC}`,
      );
      expect(usdc?.assets[0]?.amount).toBe(parseUnits(DEMO_HOLDINGS[id].USDC ?? '0', 6).toString());
    }
    const sum = HEALTHY.reduce((a, id) => a + (json.chains.find((c) => c.chainId === id)?.totalUsd ?? 0), 0);
    expect(json.totalUsd).toBeCloseTo(sum, 6);
  };

  for (const kind of FAULT_KINDS) {
    it(`${kind}: the faulty chain says what is wrong, the others stay exact, and it recovers`, async () => {
      await proxy.setFault(kind);
      proxy.reset();
      const faulty = await run();
      expect(faulty.code, faulty.stderr).toBe(0);
      expect(faulty.stderr).not.toMatch(/unhandled|uncaught/i);
      const json = JSON.parse(faulty.stdout) as PortfolioJson;
      const chain = json.chains.find((c) => c.chainId === FAULTY);
      const expected = EXPECTED[kind];
      expect(json.missingChains).toEqual([
        expected.reason === 'lagging'
          ? { chainId: FAULTY, reason: 'lagging', ageSeconds: expect.any(Number) }
          : { chainId: FAULTY, reason: expected.reason },
      ]);
      expect(chain?.totalUsd).toBeNull();
      expectHealthyExact(json);
      expect(proxy.requests).toBeLessThanOrEqual(MAX_REQUESTS[kind]);
      figures.push(
        `${kind}: ${faulty.ms} ms for the whole CLI run, ${proxy.requests} request(s) to the faulty RPC`,
      );

      if (expected.reason === 'lagging') {
        // The lagging node's figures are kept, read at the block it pins, and its age is that block's.
        const pinned = proxy.pinnedBlock;
        expect(chain?.blockNumber).toBe(pinned?.toString());
        const anvil = createPublicClient({ transport: http(manifest.chains[`${FAULTY}`].rpcUrl) });
        const block = await anvil.getBlock({ blockNumber: pinned ?? 0n });
        const age = json.missingChains[0]?.ageSeconds ?? 0;
        const expectedAge = Date.now() / 1000 - Number(block.timestamp);
        expect(age).toBeGreaterThanOrEqual(3600);
        expect(Math.abs(age - expectedAge)).toBeLessThan(30);
        expect(chain?.lagging).toBe(true);
        const eth = chain?.positions.find((p) => p.id === `${FAULTY}:wallet:native`);
        const balance = await anvil.getBalance({ address: demo, blockNumber: pinned ?? 0n });
        expect(eth?.assets[0]?.amount ?? '0').toBe(balance.toString());
      } else {
        expect(chain?.error).toMatch(expected.words ?? /./);
        expect(chain?.positions).toEqual([]);
      }

      // The first line of the text output names the missing chain.
      const text = await run([]);
      const first = text.stdout.split('\n')[0] ?? '';
      expect(first).toContain('NOT INCLUDED');
      expect(first).toContain(CHAINS[FAULTY].name);
      if (kind === 'hang') {
        expect(faulty.ms).toBeLessThan(12_000);
        expect(RPC_TIMEOUT_MS).toBeLessThan(10_000);
      }

      await proxy.setFault(null);
      const healed = JSON.parse((await run()).stdout) as PortfolioJson;
      expect(healed.missingChains).toEqual([]);
      const back = healed.chains.find((c) => c.chainId === FAULTY);
      expect(back?.error).toBeNull();
      const eth = back?.positions.find((p) => p.id === `${FAULTY}:wallet:native`);
      expect(eth?.assets[0]?.amount).toBe(parseUnits(DEMO_HOLDINGS[FAULTY].ETH ?? '0', 18).toString());
      // Three CLI runs (each starts tsx) on a machine that may be busy.
    }, 240_000);
  }

  it('refuses a bad EIP-55 checksum with a message that says so, without an RPC call', async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits += 1;
      res.end('{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;
    const counting = writeManifest({
      ...manifest,
      chains: Object.fromEntries(
        Object.entries(manifest.chains).map(([id, c]) => [id, { ...c, rpcUrl: `http://127.0.0.1:${port}` }]),
      ),
    });
    // Flip the case of one letter of the checksummed address: still mixed case, checksum now wrong.
    const i = [...demo].findIndex((ch, k) => k > 1 && /[a-fA-F]/.test(ch));
    const ch = demo[i] ?? 'a';
    const bad = `${demo.slice(0, i)}${ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase()}${demo.slice(i + 1)}`;
    const r = await runScript('portfolio.ts', [bad, '--network', 'devnet', '--json'], {
      LAYERGLASS_MANIFEST: counting,
    });
    server.close();
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/EIP-55 checksum/);
    expect(r.stdout).toBe('');
    expect(hits).toBe(0);
    // The all-lower-case form carries no checksum and is accepted.
    const lower = await runScript('portfolio.ts', [demo.toLowerCase(), '--network', 'devnet', '--json'], {
      LAYERGLASS_MANIFEST: writeManifest(manifest),
    });
    expect(lower.code).toBe(0);
  }, 240_000);
});

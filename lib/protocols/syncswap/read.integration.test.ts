import { type Address, parseAbi, parseUnits } from 'viem';
import { describe, expect, it } from 'vitest';
import { V2_PAIR } from '../../../devnet/seed/camelot';
import { loadWaffleArtifact } from '../../../devnet/seed/staking-rewards';
import { STABLE } from '../../../devnet/seed/syncswap';
import { testDevnet } from '../../../devnet/testing';
import { readChainPortfolio } from '../../portfolio/read';
import { SECONDS_PER_YEAR } from '../../portfolio/yield';
import { isSyncSwapDetails, syncswapModule } from './module';

/*
 * Oracles: the pools' own views (getReserves, totalSupply, balanceOf) read here at the blocks the reader
 * states, the real UniswapV2Pair's with its npm artifact's ABI; √k by its own integer root and the stable
 * D by bisection on the StableSwap equation (A·n^n = 2000, SyncSwap's StableMath.sol), not by the
 * module's code; the bad-input pools against the seed's inputs.
 */
const { manifest, network, clients } = testDevnet();
const demo = manifest.accounts.demo as Address;
const c = manifest.chains['324'].contracts;
const client = clients[324];
const v2Abi = loadWaffleArtifact(V2_PAIR).abi;
const standInAbi = parseAbi([
  'function getReserves() view returns (uint256, uint256)',
  'function totalSupply() view returns (uint256)',
  'function balanceOf(address) view returns (uint256)',
  'function token0PrecisionMultiplier() view returns (uint256)',
  'function token1PrecisionMultiplier() view returns (uint256)',
]);

const view = (
  address: Address,
  abi: typeof standInAbi | typeof v2Abi,
  functionName: string,
  block: bigint,
  args: unknown[] = [],
) => client.readContract({ address, abi, functionName, args, blockNumber: block } as never) as Promise<never>;

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = n;
  let y = (x + 1n) / 2n;
  while (y < x) {
    x = y;
    y = (x + n / x) / 2n;
  }
  return x;
}

function stableD(x: bigint, y: bigint): bigint {
  const f = (d: bigint) => 2000n * (x + y) + d - 2000n * d - (d * d * d) / (4n * x * y);
  let [lo, hi] = [0n, 2n * (x + y)];
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    if (f(mid) > 0n) lo = mid;
    else hi = mid;
  }
  return lo;
}

const read = () =>
  readChainPortfolio({ network, chainId: 324, client, owner: demo, protocols: [syncswapModule] });

describe('syncswap on the devnet', () => {
  it('classic and stable LP: amounts are reserves × balance ÷ totalSupply; base APR is the invariant per share growth between the stated blocks', async () => {
    const chain = await read();
    expect(chain.protocolErrors).toEqual([]);
    const block = chain.blockNumber ?? 0n;
    const cases = [
      { pool: c['SyncSwap.Classic.WETH-USDC'] as Address, kind: 'classic', abi: v2Abi },
      { pool: c['SyncSwap.Stable.USDC-USDT'] as Address, kind: 'stable', abi: standInAbi },
    ] as const;
    for (const k of cases) {
      const p = chain.positions.find((x) => isSyncSwapDetails(x.details) && x.details.pool === k.pool);
      if (!p || !isSyncSwapDetails(p.details)) throw new Error(`no position in ${k.pool}`);
      expect(p.details.poolKind).toBe(k.kind);
      expect(p.warning).toBeNull();
      const [r0, r1] = (await view(k.pool, k.abi, 'getReserves', block)) as readonly [bigint, bigint];
      const supply = (await view(k.pool, k.abi, 'totalSupply', block)) as bigint;
      const balance = (await view(k.pool, k.abi, 'balanceOf', block, [demo])) as bigint;
      expect(balance).toBeGreaterThan(0n);
      expect(p.assets.map((a) => a.amount)).toEqual([(r0 * balance) / supply, (r1 * balance) / supply]);
      expect(p.assets.every((a) => a.usdE18 !== null && a.usdE18 > 0n)).toBe(true);

      const base = p.yield?.components?.find((x) => x.side === 'base');
      const blocks = base?.source.match(/blocks (\d+)–(\d+)/);
      expect(blocks?.[2]).toBe(String(block));
      const past = BigInt(blocks?.[1] ?? '0');
      const [q0, q1] = (await view(k.pool, k.abi, 'getReserves', past)) as readonly [bigint, bigint];
      const pastSupply = (await view(k.pool, k.abi, 'totalSupply', past)) as bigint;
      const [t0, t1] = await Promise.all([
        client.getBlock({ blockNumber: past }),
        client.getBlock({ blockNumber: block }),
      ]);
      expect(Number(t1.timestamp - t0.timestamp)).toBeGreaterThan(6 * 86_400);
      let inv: (a: bigint, b: bigint) => bigint = (a, b) => isqrt(a * b);
      if (k.kind === 'stable') {
        const m0 = (await view(k.pool, standInAbi, 'token0PrecisionMultiplier', block)) as bigint;
        const m1 = (await view(k.pool, standInAbi, 'token1PrecisionMultiplier', block)) as bigint;
        inv = (a, b) => stableD(a * m0, b * m1);
      }
      const growth = Number(inv(r0, r1)) / Number(supply) / (Number(inv(q0, q1)) / Number(pastSupply));
      const apr = ((growth - 1) * SECONDS_PER_YEAR) / Number(t1.timestamp - t0.timestamp);
      expect(apr).toBeGreaterThan(0);
      expect(base?.apr).toBeCloseTo(apr, 7);
      expect(p.yield?.compounds).toBe(true);
    }
  });

  it('a pool reporting zero supply while the demo holds its LP says so; a hostile token’s pool renders with a warning', async () => {
    const chain = await read();
    expect(chain.protocolErrors).toEqual([]);
    expect(chain.positions.filter((p) => p.protocol === 'syncswap')).toHaveLength(4);
    const zero = chain.positions.find(
      (p) => isSyncSwapDetails(p.details) && p.details.pool === (c['SyncSwap.Stable.DAI-USDT'] as Address),
    );
    expect(zero?.assets).toEqual([]);
    expect(zero?.yield).toBeNull();
    expect(zero?.warning).toContain(
      `the pool reports zero LP supply while this account holds ${STABLE.daiUsdt.demo} of its LP`,
    );
    const hostile = chain.positions.find(
      (p) =>
        isSyncSwapDetails(p.details) && p.details.pool === (c['SyncSwap.Stable.USDC-HOSTILE'] as Address),
    );
    if (!hostile || !isSyncSwapDetails(hostile.details)) throw new Error('no hostile pool position');
    expect(hostile.warning).toBeTruthy();
    const usdc = hostile.assets.find((a) => a.symbol === 'USDC');
    // The seed's input: the demo holds demo/supply of the pool's USDC reserve (no trades in this pool).
    expect(usdc?.amount).toBe(
      (parseUnits(STABLE.usdcHostile.reserveA, 6) * parseUnits(STABLE.usdcHostile.demo, 18)) /
        parseUnits(STABLE.usdcHostile.supply, 18),
    );
    expect(hostile.assets.find((a) => a.symbol !== 'USDC')?.usdE18).toBeNull();
  });

  it('the mainnet check passes on the devnet deployment (the PoolMaster lists pools)', async () => {
    const checks = (await syncswapModule.check?.({ chainId: 324, client, chain: network.chains[324] })) ?? [];
    expect(checks).toHaveLength(1);
    expect(checks.filter((x) => !x.ok)).toEqual([]);
  });
});

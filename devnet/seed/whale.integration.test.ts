import { type Address, parseAbi, parseUnits } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAIN_IDS, type ChainId } from '../../lib/chains/registry';
import { readPortfolio } from '../../lib/portfolio/read';
import type { Portfolio } from '../../lib/portfolio/types';
import { poolAbi as aavePoolAbi } from '../../lib/protocols/aave-v3/abi';
import { poolAbi, factoryAbi as v3FactoryAbi } from '../../lib/protocols/uniswap-v3/abi';
import { DevnetChain } from '../chain';
import { snapshotChain, testDevnet } from '../testing';
import { FEED_PRICES } from './base';
import { seedWhale, type Whale } from './whale';

/** The whale in a small form (the bench's is 500 positions and 100 tokens per chain), inside a snapshot. */
const POSITIONS = 20;
const TOKENS = 5;

const erc20Abi = parseAbi([
  'function balanceOf(address) view returns (uint256)',
  'function decimals() view returns (uint8)',
]);
const managerAbi = parseAbi([
  'function balanceOf(address owner) view returns (uint256)',
  'function tokenOfOwnerByIndex(address owner, uint256 index) view returns (uint256)',
  'function positions(uint256 tokenId) view returns (uint96 nonce, address operator, address token0, address token1, uint24 fee, int24 tickLower, int24 tickUpper, uint128 liquidity, uint256 feeGrowthInside0LastX128, uint256 feeGrowthInside1LastX128, uint128 tokensOwed0, uint128 tokensOwed1)',
]);

describe('the bench whale (devnet/seed/whale.ts), small', () => {
  const { manifest, network, clients } = testDevnet();
  const chains = Object.fromEntries(
    CHAIN_IDS.map((id) => [id, new DevnetChain(id, manifest.chains[`${id}`].rpcUrl, [])]),
  ) as Record<ChainId, DevnetChain>;
  let reverts: (() => Promise<void>)[] = [];
  let whale: Whale;
  let portfolio: Portfolio;
  beforeAll(async () => {
    reverts = await Promise.all(CHAIN_IDS.map((id) => snapshotChain(chains[id])));
    whale = await seedWhale(manifest, { positions: POSITIONS, tokens: TOKENS });
    console.log(`whale (${POSITIONS} positions, ${TOKENS} tokens per chain) seeded in ${whale.ms} ms`);
    portfolio = await readPortfolio(network, whale.address, clients, { extraTokens: whale.extraTokens });
  });
  afterAll(async () => {
    await Promise.all(reverts.map((r) => r()));
  });

  it.each(CHAIN_IDS)(
    'chain %i: its positions are real Uniswap V3 NFTs in every kind of range',
    async (id) => {
      const c = chains[id];
      const m = manifest.chains[`${id}`];
      const manager = m.contracts.UniswapV3NonfungiblePositionManager as Address;
      const factory = m.contracts.UniswapV3Factory as Address;
      const held = await c.read<bigint>(manager, managerAbi, 'balanceOf', [whale.address]);
      expect(held).toBe(BigInt(POSITIONS));
      const kinds = { below: 0, inRange: 0, above: 0 };
      const ranges = new Set<string>();
      const pools = new Set<string>();
      for (let i = 0n; i < held; i++) {
        const tokenId = await c.read<bigint>(manager, managerAbi, 'tokenOfOwnerByIndex', [whale.address, i]);
        const p = await c.read<readonly [bigint, Address, Address, Address, number, number, number, bigint]>(
          manager,
          managerAbi,
          'positions',
          [tokenId],
        );
        const [, , token0, token1, fee, lower, upper, liquidity] = p;
        expect(liquidity).toBeGreaterThan(0n);
        const pool = await c.read<Address>(factory, v3FactoryAbi, 'getPool', [token0, token1, fee]);
        const [, tick] = await c.read<readonly [bigint, number]>(pool, poolAbi, 'slot0');
        if (upper <= tick) kinds.below += 1;
        else if (lower > tick) kinds.above += 1;
        else kinds.inRange += 1;
        pools.add(pool);
        ranges.add(`${pool}:${lower}:${upper}`);
      }
      expect(kinds.below).toBeGreaterThan(0);
      expect(kinds.above).toBeGreaterThan(0);
      expect(kinds.inRange).toBeGreaterThan(0);
      expect(pools.size).toBe(4);
      expect(ranges.size).toBe(POSITIONS);
      // The app reads every one of them.
      const chain = portfolio.chains.find((x) => x.chainId === id);
      expect(chain?.error).toBeNull();
      expect(chain?.positions.filter((x) => x.protocol === 'uniswap-v3')).toHaveLength(POSITIONS);
    },
  );

  it.each(CHAIN_IDS)(
    'chain %i: its tokens, Aave supply and borrow, and the other modules’ kinds',
    async (id) => {
      const c = chains[id];
      const seeded = whale.chains[id];
      expect(seeded.tokens).toHaveLength(TOKENS);
      expect(new Set(seeded.tokens.map((t) => t.address)).size).toBe(TOKENS);
      for (const t of seeded.tokens) {
        expect(await c.read<bigint>(t.address, erc20Abi, 'balanceOf', [whale.address])).toBe(t.balance);
        expect(await c.read<number>(t.address, erc20Abi, 'decimals')).toBe(t.decimals);
      }
      // Aave's own view, against what the seed supplied and borrowed at the feeds' prices (USD, 8 decimals).
      const pool = manifest.chains[`${id}`].contracts.AaveV3Pool as Address;
      const [collateral, debt] = await c.read<readonly bigint[]>(pool, aavePoolAbi, 'getUserAccountData', [
        whale.address,
      ]);
      const expectedCollateral = 10n * (FEED_PRICES.ETH ?? 0n) + 20_000n * (FEED_PRICES.USDC ?? 0n);
      const expectedDebt = 5_000n * (FEED_PRICES.USDT ?? 0n);
      expect(Number(collateral)).toBeCloseTo(Number(expectedCollateral), -6);
      expect(Number(debt)).toBeCloseTo(Number(expectedDebt), -6);
      const wstEth = manifest.chains[`${id}`].tokens.wstETH as Address;
      expect(await c.read<bigint>(wstEth, erc20Abi, 'balanceOf', [whale.address])).toBe(
        parseUnits('3.5', 18),
      );

      const chain = portfolio.chains.find((x) => x.chainId === id);
      const protocols = new Set(chain?.positions.map((p) => `${p.protocol}:${p.kind}`));
      const wallet = new Set(
        chain?.positions.filter((p) => p.protocol === 'wallet').map((p) => p.assets[0]?.token.toLowerCase()),
      );
      for (const t of seeded.tokens) expect(wallet.has(t.address.toLowerCase())).toBe(true);
      expect(protocols).toContain('aave-v3:supply');
      expect(protocols).toContain('aave-v3:borrow');
      const expected: Record<ChainId, string[]> = {
        10: ['velodrome', 'staking-rewards', 'vaults'],
        42161: ['camelot', 'staking-rewards', 'vaults'],
        324: ['syncswap', 'staking-rewards'],
      };
      for (const protocol of expected[id])
        expect([...protocols].some((p) => p.startsWith(`${protocol}:`))).toBe(true);
      expect(chain?.protocolErrors).toEqual([]);
    },
  );
});

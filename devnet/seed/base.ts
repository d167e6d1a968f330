import { type Address, parseAbi, parseUnits, stringToHex, zeroAddress } from 'viem';
import { multicall3Abi } from '../../lib/chains/multicall';
import { DEVNET_SEQUENCER_FEED, devnetFeedName } from '../../lib/chains/network';
import { CHAINS, type ChainId } from '../../lib/chains/registry';
import { loadArtifact, multicall3CreationCode } from '../artifacts';
import { compile } from '../solc';
import { deployGovernanceToken } from './governance-tokens';
import type { SeedContext, SeedModule } from './types';

/** Governance token of each chain. */
export const GOV_TOKEN: Record<ChainId, 'OP' | 'ARB' | 'ZK'> = { 10: 'OP', 42161: 'ARB', 324: 'ZK' };

/** Tokens every devnet chain gets (plus its governance token): symbol, name, decimals. */
const STANDARD_TOKENS = [
  ['USDC', 'USD Coin', 6],
  ['USDT', 'Tether USD', 6],
  ['DAI', 'Dai Stablecoin', 18],
  ['wstETH', 'Wrapped liquid staked Ether 2.0', 18],
] as const;

export const HOSTILE_SYMBOL = '<img src=x onerror=alert(1)>';
export const HOSTILE_NAME = `Totally Legit Token ${'\u202e'}${'A'.repeat(300)}`;
export const BYTES32_SYMBOL = 'MKR32';
export const BYTES32_NAME = 'Bytes32 Maker-style Token';

/** USD prices the devnet's feeds report (8 decimals, as Chainlink's USD feeds). */
export const FEED_PRICES: Record<string, bigint> = {
  ETH: 3000_00000000n,
  USDC: 1_00000000n,
  USDT: 99950000n,
  DAI: 1_00020000n,
  wstETH: 3600_00000000n,
  OP: 1_85000000n,
  ARB: 72000000n,
  ZK: 11500000n,
};

/**
 * A feed deliberately left stale (last updated three days before the devnet's final block): the app
 * must show it as stale. DAI on Arbitrum.
 */
export const STALE_FEED: { chainId: ChainId; symbol: string; ageSeconds: bigint } = {
  chainId: 42161,
  symbol: 'DAI',
  ageSeconds: 3n * 86_400n,
};

/** What the demo account holds in its wallet once the whole devnet is seeded, per chain. */
export const DEMO_HOLDINGS: Record<ChainId, Record<string, string>> = {
  10: {
    ETH: '2.5',
    WETH: '1.25',
    USDC: '1500.5',
    USDT: '250',
    DAI: '320.75',
    wstETH: '0.8',
    OP: '1200',
    rETH: '0.6',
    dvUSDC: '1000',
    dvWETH: '2',
    HOSTILE: '42',
    VELO: '250',
    BYTES32: '7',
  },
  42161: {
    ETH: '1.75',
    WETH: '0.5',
    USDC: '980.25',
    USDT: '600',
    DAI: '125',
    wstETH: '1.1',
    ARB: '3000',
    // Deployed and minted by the gmx seed step (devnet/seed/gmx.ts).
    GMX: '12.5',
    rETH: '0.4',
    dvUSDC: '1000',
    dvWETH: '2',
    HOSTILE: '1',
    BYTES32: '3.5',
  },
  324: {
    ETH: '0.9',
    WETH: '2',
    USDC: '2750',
    USDT: '80',
    DAI: '15',
    wstETH: '0.25',
    ZK: '15000',
    HOSTILE: '5',
    BYTES32: '1',
  },
};

const mintableAbi = parseAbi(['function mint(address account, uint256 value) returns (bool)']);
const wethAbi = parseAbi([
  'function deposit() payable',
  'function transfer(address to, uint256 value) returns (bool)',
]);
const mockFeedAbi = parseAbi([
  'function updateRoundData(uint80 roundId, int256 answer, uint256 timestamp, uint256 startedAt)',
  'function updateAnswer(int256 answer)',
  'function latestAnswer() view returns (int256)',
  'function latestRound() view returns (uint256)',
]);

export const MINTABLE_ERC20 =
  '@aave/core-v3/artifacts/contracts/mocks/tokens/MintableERC20.sol/MintableERC20.json';
export const WETH9 = '@aave/core-v3/artifacts/contracts/dependencies/weth/WETH9.sol/WETH9.json';
export const MOCK_V3_AGGREGATOR = {
  path: '@chainlink/contracts/src/v0.8/tests/MockV3Aggregator.sol',
  contract: 'MockV3Aggregator',
};

export function tokenDecimals(symbol: string): number {
  return STANDARD_TOKENS.find(([s]) => s === symbol)?.[2] ?? 18;
}

/** Deploys a Chainlink MockV3Aggregator (compiled from @chainlink/contracts' source) with 8 decimals. */
export async function deployFeed(ctx: SeedContext, pair: string, answer: bigint): Promise<Address> {
  const address = await ctx.chain.deploy(ctx.accounts.deployer, compile(MOCK_V3_AGGREGATOR), [8, answer]);
  ctx.chain.contracts[`ChainlinkFeed.${pair}`] = address;
  return address;
}

async function seedBase(ctx: SeedContext): Promise<void> {
  const { chain, accounts, chainId } = ctx;
  const { deployer, demo } = accounts;

  // Multicall3 at the chain's own address (zkSync Era's differs), runtime code from viem's bytecode.
  const multicall3 = CHAINS[chainId].multicall3;
  await chain.setCode(
    multicall3,
    await chain.runtimeCode({ abi: multicall3Abi, bytecode: multicall3CreationCode() }),
  );
  chain.contracts.Multicall3 = multicall3;
  // In Optimism mode an eth_call without `from` is charged from 0x0: give it funds so reads work.
  if (chainId === 10) await chain.setBalance(zeroAddress, parseUnits('1000', 18));

  const holdings = DEMO_HOLDINGS[chainId];
  const amount = (symbol: string, decimals: number) => parseUnits(holdings[symbol] ?? '0', decimals);

  // WETH: the real WETH9; the demo wraps its own ETH.
  const weth = await chain.deploy(deployer, loadArtifact(WETH9));
  chain.tokens.WETH = weth;
  await chain.write(demo, weth, wethAbi, 'deposit', [], amount('WETH', 18));

  const mintable = loadArtifact(MINTABLE_ERC20);
  const gov = GOV_TOKEN[chainId];
  const govNames = { OP: 'Optimism', ARB: 'Arbitrum', ZK: 'ZKsync' } as const;
  for (const [symbol, name, decimals] of [...STANDARD_TOKENS, [gov, govNames[gov], 18] as const]) {
    // The governance token can vote (delegates, getVotes): see ./governance-tokens.
    const token =
      symbol === gov
        ? await deployGovernanceToken(ctx, symbol, name)
        : await chain.deploy(deployer, mintable, [name, symbol, decimals]);
    chain.tokens[symbol] = token;
    await chain.write(deployer, token, mintableAbi, 'mint', [demo, amount(symbol, decimals)]);
  }

  // Hostile metadata: HTML in the symbol, a bidi override and a 300-character name (real MintableERC20).
  const hostile = await chain.deploy(deployer, mintable, [HOSTILE_NAME, HOSTILE_SYMBOL, 18]);
  chain.tokens.HOSTILE = hostile;
  await chain.write(deployer, hostile, mintableAbi, 'mint', [demo, amount('HOSTILE', 18)]);

  // bytes32 metadata: a stand-in, since no npm package ships such a token's bytecode.
  const b32Artifact = compile({
    path: 'devnet/contracts/Bytes32SymbolToken.sol',
    contract: 'Bytes32SymbolToken',
  });
  const b32 = await chain.deploy(deployer, b32Artifact, [
    stringToHex(BYTES32_SYMBOL, { size: 32 }),
    stringToHex(BYTES32_NAME, { size: 32 }),
  ]);
  chain.tokens.BYTES32 = b32;
  chain.standIns.BYTES32 =
    'devnet/contracts/Bytes32SymbolToken.sol: a token with bytes32 symbol/name (no npm artifact exists)';
  await chain.write(deployer, b32, b32Artifact.abi, 'mint', [demo, amount('BYTES32', 18)]);

  // Price feeds (Chainlink MockV3Aggregator) for ETH and every standard token.
  for (const symbol of ['ETH', ...STANDARD_TOKENS.map(([s]) => s), gov]) {
    const price = FEED_PRICES[symbol];
    if (price === undefined) continue;
    const pair = devnetFeedName(symbol).slice('ChainlinkFeed.'.length);
    await deployFeed(ctx, pair, price);
  }

  // L2 sequencer uptime feed, as Chainlink's: answer 0 (up), `startedAt` = when it last came up, two days
  // before genesis (past the grace period). Chainlink's own MockV3Aggregator, since Aave's SequencerOracle
  // mock leaves `startedAt` at 0, which on a real feed means "not initialised".
  const upSince = ctx.genesis - 2n * 86_400n;
  const sequencer = await chain.deploy(deployer, compile(MOCK_V3_AGGREGATOR), [0, 0n]);
  await chain.write(deployer, sequencer, mockFeedAbi, 'updateRoundData', [1n, 0n, upSince, upSince]);
  chain.contracts[DEVNET_SEQUENCER_FEED] = sequencer;
}

/**
 * Runs last. Seed modules move chain time forward (simulated days of swaps and interest), so every
 * feed is updated again at the final chain time, with its current answer, except the one meant to be
 * stale, which is dated `STALE_FEED.ageSeconds` before it. Then the demo's native balance is set,
 * after every module's gas spending, so it is exact.
 */
async function finalize(ctx: SeedContext): Promise<void> {
  const { chain, accounts, chainId } = ctx;
  const now = (await chain.latestTimestamp()) + 1n;
  for (const [name, feed] of Object.entries(chain.contracts)) {
    if (!name.startsWith('ChainlinkFeed.')) continue;
    const answer = await chain.read<bigint>(feed, mockFeedAbi, 'latestAnswer');
    const stale = chainId === STALE_FEED.chainId && name === `ChainlinkFeed.${STALE_FEED.symbol}/USD`;
    if (stale) {
      const round = (await chain.read<bigint>(feed, mockFeedAbi, 'latestRound')) + 1n;
      const updatedAt = now - STALE_FEED.ageSeconds;
      await chain.write(accounts.deployer, feed, mockFeedAbi, 'updateRoundData', [
        round,
        answer,
        updatedAt,
        updatedAt,
      ]);
    } else {
      await chain.write(accounts.deployer, feed, mockFeedAbi, 'updateAnswer', [answer]);
    }
  }
  await chain.setBalance(accounts.demo, parseUnits(DEMO_HOLDINGS[chainId].ETH ?? '0', 18));
}

export const baseSeed: SeedModule = { name: 'base', seed: seedBase };
export const finalizeSeed: SeedModule = { name: 'finalize', after: ['base'], final: true, seed: finalize };

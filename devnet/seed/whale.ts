import {
  type Address,
  encodeDeployData,
  encodeFunctionData,
  getAddress,
  getContractAddress,
  type Hex,
  keccak256,
  maxUint256,
  numberToHex,
  parseAbi,
  parseUnits,
  slice,
  stringToHex,
} from 'viem';
import type { DevnetManifest } from '../../lib/chains/manifest';
import { CHAIN_IDS, type ChainId } from '../../lib/chains/registry';
import { poolAbi, factoryAbi as v3FactoryAbi } from '../../lib/protocols/uniswap-v3/abi';
import { sortTokens } from '../../lib/protocols/uniswap-v3/addresses';
import { MAX_TICK, MIN_TICK } from '../../lib/protocols/uniswap-v3/math';
import { loadArtifact } from '../artifacts';
import { DevnetChain } from '../chain';
import { DEVNET_BASE_FEE_FLOOR } from '../start';
import { MINTABLE_ERC20, tokenDecimals } from './base';
import { amountsFor, demoPositions, seedPositionManagerAbi, TICK_SPACING } from './uniswap-v3';

/**
 * The bench's whale (issue 9): a fresh account, given on an already seeded devnet what a big account
 * holds, per chain: `positions` Uniswap V3 positions (default 500) minted through the devnet's real
 * NonfungiblePositionManager across the seeded pools (WETH/USDC 0.05 % and 0.3 %, USDC/DAI 0.01 %, the
 * governance token/WETH 0.3 %) in four kinds of range (narrow in range, wide in range, below and above the
 * price), `tokens` distinct mintable ERC-20s (default 100; not in the manifest: pass `extraTokens` to the
 * read), an Aave V3 supply (WETH, USDC) and borrow (USDT), wstETH in the wallet, a staking-rewards stake, a
 * vault deposit (10, 42161), and an LP of Velodrome (10), Camelot (42161) and SyncSwap (324), each taken
 * from the deployer's own.
 *
 * Not a seed step (not in `./index`): every test run would pay for it. Call it on a running devnet,
 * inside a snapshot when the devnet must stay as it was (the bench does). The whale is impersonated
 * (`anvil_impersonateAccount`); the liquidity and tokens come from the deployer. Transactions are sent
 * as JSON-RPC batches (explicit nonces), so a chain takes a few round trips, not one per transaction.
 */
export const WHALE: Address = getAddress(slice(keccak256(stringToHex('layerglass bench whale')), 12));

export interface WhaleOptions {
  positions?: number;
  tokens?: number;
  /** The account to fill (default `WHALE`). */
  whale?: Address;
}

export interface WhaleChain {
  chainId: ChainId;
  /** Uniswap V3 positions minted to the whale, by pool (`a/b/fee`). */
  positions: Record<string, number>;
  /** The ERC-20s deployed for the whale, with the balance each was given (base units). */
  tokens: { address: Address; symbol: string; decimals: number; balance: bigint }[];
  /** What else it got, in words (`Velodrome LP WETH/USDC`, `Aave supply WETH`…). */
  extras: string[];
  transactions: number;
  ms: number;
}

export interface Whale {
  address: Address;
  chains: Record<ChainId, WhaleChain>;
  /** The whale's tokens per chain, for the read's `extraTokens`. */
  extraTokens: Record<ChainId, Address[]>;
  ms: number;
}

const tokenAbi = parseAbi([
  'function mint(address account, uint256 value) returns (bool)',
  'function approve(address spender, uint256 value) returns (bool)',
  'function transfer(address to, uint256 value) returns (bool)',
  'function balanceOf(address) view returns (uint256)',
]);
const wethAbi = parseAbi(['function deposit() payable']);
const aavePoolAbi = parseAbi([
  'function supply(address asset, uint256 amount, address onBehalfOf, uint16 referralCode)',
  'function borrow(address asset, uint256 amount, uint256 interestRateMode, uint16 referralCode, address onBehalfOf)',
]);
const farmAbi = parseAbi(['function stake(uint256 amount)']);
const vaultAbi = parseAbi(['function deposit(uint256 assets, address receiver) returns (uint256)']);
const veloFactoryAbi = parseAbi(['function getPool(address, address, bool) view returns (address)']);

const DEADLINE = 2n ** 40n;
/** Mints per position-manager multicall (each opens two new ticks: about 0.5M gas). */
const MINTS_PER_TX = 20;

interface Tx {
  to?: Address;
  data: Hex;
  value?: bigint;
  gas?: bigint;
}

interface RpcAnswer {
  id: number;
  result?: unknown;
  error?: { message: string };
}

async function rpcBatch(
  url: string,
  what: string,
  calls: { method: string; params: unknown[] }[],
): Promise<unknown[]> {
  if (calls.length === 0) return [];
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(calls.map((c, i) => ({ jsonrpc: '2.0', id: i, ...c }))),
  });
  const answers = (await response.json()) as RpcAnswer[];
  return calls.map((c, i) => {
    const a = answers.find((x) => x.id === i);
    if (!a || a.error) throw new Error(`${what}: ${c.method} #${i}: ${a?.error?.message ?? 'no answer'}`);
    return a.result;
  });
}

/**
 * Sends transactions from one account as one JSON-RPC batch and mines them together: automine off, nonces
 * assigned here in order, the block gas limit raised for the few blocks that carry them, then every
 * receipt checked (a revert throws). Returns the nonce each got (so deployments' addresses follow).
 */
async function sendAll(
  chain: DevnetChain,
  from: Address,
  txs: readonly Tx[],
  what: string,
): Promise<number[]> {
  if (txs.length === 0) return [];
  const floor = numberToHex(DEVNET_BASE_FEE_FLOOR[chain.chainId as ChainId]);
  const first = await chain.public.getTransactionCount({ address: from, blockTag: 'pending' });
  const { gasLimit } = await chain.public.getBlock({ blockTag: 'latest' });
  const nonces = txs.map((_, i) => first + i);
  await rpcBatch(chain.rpcUrl, 'setup', [
    { method: 'evm_setAutomine', params: [false] },
    { method: 'evm_setBlockGasLimit', params: [numberToHex(1_000_000_000n)] },
  ]);
  let hashes: Hex[];
  try {
    hashes = (await rpcBatch(
      chain.rpcUrl,
      `${what} on chain ${chain.chainId}`,
      txs.map((tx, i) => ({
        method: 'eth_sendTransaction',
        params: [
          {
            from,
            ...(tx.to ? { to: tx.to } : {}),
            data: tx.data,
            ...(tx.value ? { value: numberToHex(tx.value) } : {}),
            gas: numberToHex(tx.gas ?? 3_000_000n),
            nonce: numberToHex(nonces[i] ?? 0),
          },
        ],
      })),
    )) as Hex[];
    // Mined until every receipt is there (anvil fits them in a block or two at this gas limit).
    for (let blocks = 0; ; blocks++) {
      await rpcBatch(chain.rpcUrl, 'mine', [
        { method: 'anvil_setNextBlockBaseFeePerGas', params: [floor] },
        { method: 'evm_mine', params: [] },
      ]);
      const receipts = (await rpcBatch(
        chain.rpcUrl,
        'receipts',
        hashes.map((h) => ({ method: 'eth_getTransactionReceipt', params: [h] })),
      )) as ({ status: Hex } | null)[];
      const missing = receipts.indexOf(null);
      if (missing < 0) {
        const failed = receipts.findIndex((r) => r?.status !== '0x1');
        if (failed >= 0) throw new Error(`whale on chain ${chain.chainId}: ${what} #${failed} reverted`);
        break;
      }
      if (blocks > 20) {
        const [status, tx] = await rpcBatch(chain.rpcUrl, 'debug', [
          { method: 'txpool_status', params: [] },
          { method: 'eth_getTransactionByHash', params: [hashes[missing]] },
        ]);
        throw new Error(
          `whale on chain ${chain.chainId}: ${what} #${missing} not mined (pool ${JSON.stringify(status)}, tx ${JSON.stringify(tx)?.slice(0, 300)})`,
        );
      }
    }
  } catch (error) {
    // Nothing left in the pool to be mined later (outside the caller's snapshot).
    await rpcBatch(chain.rpcUrl, 'drop', [{ method: 'anvil_dropAllTransactions', params: [] }]);
    throw error;
  } finally {
    await rpcBatch(chain.rpcUrl, 'restore', [
      { method: 'evm_setBlockGasLimit', params: [numberToHex(gasLimit)] },
      { method: 'evm_setAutomine', params: [true] },
      { method: 'anvil_setNextBlockBaseFeePerGas', params: [floor] },
    ]);
  }
  return nonces;
}

const call = (
  to: Address,
  abi: typeof tokenAbi | typeof wethAbi | typeof aavePoolAbi | typeof farmAbi | typeof vaultAbi,
  functionName: string,
  args: readonly unknown[] = [],
  value?: bigint,
): Tx => ({
  to,
  data: encodeFunctionData({ abi, functionName, args } as Parameters<typeof encodeFunctionData>[0]),
  ...(value ? { value } : {}),
});

/** The seeded Uniswap V3 pools the whale's positions spread over (no hostile-metadata pools). */
function whalePools(chainId: ChainId) {
  const seen = new Map<string, ReturnType<typeof demoPositions>[number]['pool']>();
  for (const p of demoPositions('UniswapV3', chainId)) {
    const { pool } = p;
    if (pool.a === 'HOSTILE' || pool.a.includes('.')) continue;
    seen.set(`${pool.a}/${pool.b}/${pool.fee}`, pool);
  }
  return [...seen];
}

/** Four kinds of range, each position its own: narrow and wide in range, wholly below, wholly above. */
export function whaleTicks(i: number, tick: number, spacing: number): [number, number] {
  const base = Math.floor(tick / spacing) * spacing;
  const k = Math.floor(i / 4) + 1;
  const clamp = (t: number) =>
    Math.max(Math.ceil(MIN_TICK / spacing) * spacing, Math.min(Math.floor(MAX_TICK / spacing) * spacing, t));
  switch (i % 4) {
    case 0:
      return [clamp(base - spacing * k), clamp(base + spacing * (k + 1))];
    case 1:
      return [clamp(base - spacing * (20 + 5 * k)), clamp(base + spacing * (20 + 5 * k))];
    case 2:
      return [clamp(base - spacing * (2 * k + 10)), clamp(base - spacing * (2 * k + 1))];
    default:
      return [clamp(base + spacing * (2 * k + 1)), clamp(base + spacing * (2 * k + 10))];
  }
}

async function seedChain(
  manifest: DevnetManifest,
  chainId: ChainId,
  whale: Address,
  counts: { positions: number; tokens: number },
): Promise<WhaleChain> {
  const started = performance.now();
  const m = manifest.chains[`${chainId}`];
  const chain = new DevnetChain(chainId, m.rpcUrl, []);
  const deployer = manifest.accounts.deployer;
  if (!deployer) throw new Error('whale: the manifest has no deployer');
  const token = (symbol: string): Address => {
    const a = m.tokens[symbol];
    if (!a) throw new Error(`whale: no ${symbol} on chain ${chainId}`);
    return a;
  };
  const contract = (name: string): Address | undefined => m.contracts[name];
  let transactions = 0;
  const send = async (from: Address, txs: readonly Tx[], what: string) => {
    transactions += txs.length;
    return sendAll(chain, from, txs, what);
  };
  await chain.request('anvil_impersonateAccount', [whale]);
  await chain.setBalance(whale, parseUnits('1000', 18));

  // Uniswap V3: the pools as seeded (price and tick read from the pool), positions spread round-robin.
  const factory = contract('UniswapV3Factory');
  const positionManager = contract('UniswapV3NonfungiblePositionManager');
  if (!factory || !positionManager) throw new Error(`whale: no Uniswap V3 on chain ${chainId}`);
  const pools = await Promise.all(
    whalePools(chainId).map(async ([key, spec]) => {
      const [token0, token1] = sortTokens(token(spec.a), token(spec.b));
      const pool = await chain.public.readContract({
        address: factory,
        abi: v3FactoryAbi,
        functionName: 'getPool',
        args: [token0, token1, spec.fee],
      });
      const [, tick] = await chain.public.readContract({
        address: pool,
        abi: poolAbi,
        functionName: 'slot0',
      });
      // A hundredth of the pool's daily swap on each side (about $30–$200).
      const { a, b } = amountsFor(spec, String(Number(spec.swap) / 100));
      const aIs0 = token0 === token(spec.a);
      return { key, spec, token0, token1, tick, amount0: aIs0 ? a : b, amount1: aIs0 ? b : a };
    }),
  );
  const positions: Record<string, number> = {};
  const mints: Hex[] = [];
  for (let i = 0; i < counts.positions; i++) {
    const p = pools[i % pools.length];
    if (!p) break;
    const n = positions[p.key] ?? 0;
    positions[p.key] = n + 1;
    const [tickLower, tickUpper] = whaleTicks(n, p.tick, TICK_SPACING[p.spec.fee] ?? 60);
    mints.push(
      encodeFunctionData({
        abi: seedPositionManagerAbi,
        functionName: 'mint',
        args: [
          {
            token0: p.token0,
            token1: p.token1,
            fee: p.spec.fee,
            tickLower,
            tickUpper,
            amount0Desired: p.amount0,
            amount1Desired: p.amount1,
            amount0Min: 0n,
            amount1Min: 0n,
            recipient: whale,
            deadline: DEADLINE,
          },
        ],
      }),
    );
  }
  const mintTxs: Tx[] = [];
  for (let i = 0; i < mints.length; i += MINTS_PER_TX)
    mintTxs.push({
      to: positionManager,
      data: encodeFunctionData({
        abi: seedPositionManagerAbi,
        functionName: 'multicall',
        args: [mints.slice(i, i + MINTS_PER_TX)],
      }),
      gas: 15_000_000n,
    });

  // 100 tokens: deployed by the deployer (addresses from its nonces), then minted to the whale.
  const erc20 = loadArtifact(MINTABLE_ERC20);
  const specs = Array.from({ length: counts.tokens }, (_, i) => {
    const decimals = [18, 6, 8][i % 3] ?? 18;
    const symbol = `WT${String(i + 1).padStart(3, '0')}`;
    return { symbol, decimals, balance: parseUnits(String(1 + ((i * 37) % 1000)), decimals) + BigInt(i) };
  });
  const deployTxs: Tx[] = specs.map((s) => ({
    data: encodeDeployData({
      abi: erc20.abi,
      bytecode: erc20.bytecode,
      args: [`Whale Token ${s.symbol}`, s.symbol, s.decimals],
    } as Parameters<typeof encodeDeployData>[0]),
  }));

  // Everything the deployer sends, in one batch: positions, token deployments.
  const deployerNonces = await send(deployer, [...mintTxs, ...deployTxs], 'positions and token deployments');
  const tokens = specs.map((s, i) => ({
    ...s,
    address: getContractAddress({ from: deployer, nonce: BigInt(deployerNonces[mintTxs.length + i] ?? 0) }),
  }));

  // Then: token balances, the other protocols' funding and LP handed over from the deployer.
  const extras: string[] = [];
  const fromDeployer: Tx[] = tokens.map((t) => call(t.address, tokenAbi, 'mint', [whale, t.balance]));
  const usdc = token('USDC');
  const fromWhale: Tx[] = [call(token('WETH'), wethAbi, 'deposit', [], parseUnits('20', 18))];
  fromDeployer.push(
    call(token('wstETH'), tokenAbi, 'mint', [whale, parseUnits('3.5', 18)]),
    call(usdc, tokenAbi, 'mint', [whale, parseUnits('50000', 6)]),
  );
  extras.push('wstETH 3.5 in the wallet');
  const aave = contract('AaveV3Pool');
  if (aave) {
    fromWhale.push(
      call(token('WETH'), tokenAbi, 'approve', [aave, maxUint256]),
      call(usdc, tokenAbi, 'approve', [aave, maxUint256]),
      call(aave, aavePoolAbi, 'supply', [token('WETH'), parseUnits('10', 18), whale, 0]),
      call(aave, aavePoolAbi, 'supply', [usdc, parseUnits('20000', 6), whale, 0]),
      call(aave, aavePoolAbi, 'borrow', [token('USDT'), parseUnits('5000', 6), 2n, 0, whale]),
    );
    extras.push('Aave V3: supply 10 WETH + 20,000 USDC, borrow 5,000 USDT');
  }
  const farm = Object.keys(m.contracts).find((n) => /^StakingRewards\.(USDC|WETH)-(OP|ARB|ZK)$/.test(n));
  if (farm) {
    const address = m.contracts[farm] as Address;
    const staking = farm.slice('StakingRewards.'.length).split('-')[0] ?? 'USDC';
    const amount = parseUnits(staking === 'WETH' ? '2' : '3000', tokenDecimals(staking));
    fromWhale.push(
      call(token(staking), tokenAbi, 'approve', [address, maxUint256]),
      call(address, farmAbi, 'stake', [amount]),
    );
    extras.push(`${farm} stake`);
  }
  const vault = contract('Vault.dvUSDC');
  if (vault) {
    fromWhale.push(
      call(usdc, tokenAbi, 'approve', [vault, maxUint256]),
      call(vault, vaultAbi, 'deposit', [parseUnits('4000', 6), whale]),
    );
    extras.push('Vault.dvUSDC deposit');
  }
  const lps: [string, Address | undefined][] = [
    ['Camelot LP WETH/USDC', contract('Camelot.Pair.WETH-USDC')],
    ['SyncSwap classic LP WETH/USDC', contract('SyncSwap.Classic.WETH-USDC')],
  ];
  const veloFactory = contract('Velodrome.PoolFactory');
  if (veloFactory)
    lps.push([
      'Velodrome LP WETH/USDC (volatile)',
      await chain.public.readContract({
        address: veloFactory,
        abi: veloFactoryAbi,
        functionName: 'getPool',
        args: [token('WETH'), usdc, false],
      }),
    ]);
  for (const [what, lp] of lps) {
    if (!lp) continue;
    const held = await chain.public.readContract({
      address: lp,
      abi: tokenAbi,
      functionName: 'balanceOf',
      args: [deployer],
    });
    if (held === 0n) continue;
    fromDeployer.push(call(lp, tokenAbi, 'transfer', [whale, held / 20n]));
    extras.push(what);
  }
  await send(deployer, fromDeployer, 'token balances and LP');
  await send(whale, fromWhale, 'Aave, farm and vault');
  await chain.request('anvil_stopImpersonatingAccount', [whale]);
  return { chainId, positions, tokens, extras, transactions, ms: Math.round(performance.now() - started) };
}

/** Fills the whale on every chain of a seeded devnet, the chains concurrently. */
export async function seedWhale(manifest: DevnetManifest, options: WhaleOptions = {}): Promise<Whale> {
  const started = performance.now();
  const whale = options.whale ?? WHALE;
  const counts = { positions: options.positions ?? 500, tokens: options.tokens ?? 100 };
  const seeded = await Promise.all(CHAIN_IDS.map((id) => seedChain(manifest, id, whale, counts)));
  const chains = Object.fromEntries(seeded.map((c) => [c.chainId, c])) as Record<ChainId, WhaleChain>;
  const extraTokens = Object.fromEntries(
    seeded.map((c) => [c.chainId, c.tokens.map((t) => t.address)]),
  ) as Record<ChainId, Address[]>;
  return { address: whale, chains, extraTokens, ms: Math.round(performance.now() - started) };
}

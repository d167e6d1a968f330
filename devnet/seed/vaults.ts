import { type Address, maxUint256, parseAbi, parseUnits } from 'viem';
import type { ChainId } from '../../lib/chains/registry';
import { DEVNET_VAULT_PREFIX } from '../../lib/protocols/vaults/addresses';
import { compile } from '../solc';
import { DEMO_HOLDINGS } from './base';
import type { SeedContext, SeedModule } from './types';

/**
 * Two ERC-4626 vaults from OpenZeppelin 5.7.0's `ERC4626` (devnet/contracts/vaults/DevnetVault.sol,
 * compiled with npm solc) on chains 10 and 42161, each with the deployer's liquidity and the demo's
 * shares (also wallet tokens, so the wallet shows them as receipts):
 * - dvUSDC gains: every simulated day the strategist adds 6 % a year of its assets (share price rises);
 *   a decimals offset of 12 gives 18-decimal shares, as OpenZeppelin recommends against inflation.
 * - dvWETH lost value: it gains 3 % a year, then four days before the end its strategy loses 1.5 % of
 *   its assets (they leave the vault, shares stay), so the share price is down over the 7-day window.
 */
export const VAULT_SPECS = [
  {
    symbol: 'dvUSDC',
    name: 'Devnet USDC Savings',
    asset: 'USDC',
    assetDecimals: 6,
    offset: 12,
    liquidity: '50000',
    gainBps: 600n,
    lossDay: null,
  },
  {
    symbol: 'dvWETH',
    name: 'Devnet WETH Strategy',
    asset: 'WETH',
    assetDecimals: 18,
    offset: 0,
    liquidity: '20',
    gainBps: 300n,
    lossDay: 10,
  },
] as const;

export const VAULT_CHAINS: readonly ChainId[] = [10, 42161];
export const VAULT_HISTORY_DAYS = 14;
/** Share of assets lost on the loss day, in basis points. */
export const VAULT_LOSS_BPS = 150n;
export const LOSS_SINK: Address = '0x000000000000000000000000000000000000dEaD';

export const DEVNET_VAULT = { path: 'devnet/contracts/vaults/DevnetVault.sol', contract: 'DevnetVault' };

const tokenAbi = parseAbi([
  'function mint(address account, uint256 value) returns (bool)',
  'function approve(address spender, uint256 value) returns (bool)',
  'function transfer(address to, uint256 value) returns (bool)',
  'function deposit() payable',
]);
const vaultAbi = parseAbi([
  'function deposit(uint256 assets, address receiver) returns (uint256)',
  'function totalAssets() view returns (uint256)',
  'function realiseLoss(uint256 assets, address to)',
]);

export function vaultName(symbol: string): string {
  return `${DEVNET_VAULT_PREFIX}${symbol}`;
}

async function fund(ctx: SeedContext, who: Address, asset: string, amount: bigint): Promise<void> {
  const token = ctx.chain.tokens[asset];
  if (!token) throw new Error(`vaults seed: ${asset} missing on chain ${ctx.chainId}`);
  if (asset === 'WETH') await ctx.chain.write(who, token, tokenAbi, 'deposit', [], amount);
  else await ctx.chain.write(ctx.accounts.deployer, token, tokenAbi, 'mint', [who, amount]);
}

async function seedVaults(ctx: SeedContext): Promise<void> {
  const { chain, accounts, chainId } = ctx;
  if (!VAULT_CHAINS.includes(chainId)) return;
  const artifact = compile(DEVNET_VAULT);
  chain.standIns.DevnetVault =
    "devnet/contracts/vaults/DevnetVault.sol: OpenZeppelin 5.7.0's ERC4626 made concrete, plus devnet levers (a strategy loss, a switch that makes convertToAssets revert)";
  for (const spec of VAULT_SPECS) {
    const asset = chain.tokens[spec.asset] as Address;
    const vault = await chain.deploy(accounts.deployer, artifact, [
      asset,
      spec.name,
      spec.symbol,
      spec.offset,
    ]);
    chain.contracts[vaultName(spec.symbol)] = vault;
    chain.tokens[spec.symbol] = vault;
    const deposits: [Address, bigint][] = [
      [accounts.deployer, parseUnits(spec.liquidity, spec.assetDecimals)],
      // The demo's shares: one share unit per asset unit × 10^offset (no gain has accrued yet).
      [accounts.demo, parseUnits(DEMO_HOLDINGS[chainId][spec.symbol] ?? '0', 18 - spec.offset)],
    ];
    for (const [who, amount] of deposits) {
      await fund(ctx, who, spec.asset, amount);
      await chain.write(who, asset, tokenAbi, 'approve', [vault, maxUint256]);
      await chain.write(who, vault, vaultAbi, 'deposit', [amount, who]);
    }
  }
}

async function vaultDay(ctx: SeedContext, day: number): Promise<void> {
  const { chain, accounts, chainId } = ctx;
  if (!VAULT_CHAINS.includes(chainId)) return;
  for (const spec of VAULT_SPECS) {
    const vault = chain.contracts[vaultName(spec.symbol)];
    const asset = chain.tokens[spec.asset];
    if (!vault || !asset) continue;
    const total = await chain.read<bigint>(vault, vaultAbi, 'totalAssets');
    if (spec.lossDay === day) {
      await chain.write(accounts.deployer, vault, vaultAbi, 'realiseLoss', [
        (total * VAULT_LOSS_BPS) / 10_000n,
        LOSS_SINK,
      ]);
      continue;
    }
    // A day of strategy yield, paid into the vault (the share price rises).
    const gain = (total * spec.gainBps) / (10_000n * 365n);
    await fund(ctx, accounts.deployer, spec.asset, gain);
    await chain.write(accounts.deployer, asset, tokenAbi, 'transfer', [vault, gain]);
  }
}

export const vaultsSeed: SeedModule = {
  name: 'vaults',
  after: ['base'],
  seed: seedVaults,
  history: { days: VAULT_HISTORY_DAYS, onDay: vaultDay },
};

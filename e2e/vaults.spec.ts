import { type Address, createPublicClient, http, parseAbi } from 'viem';
import { vaultName } from '../devnet/seed/vaults';
import { expect, test, waitForChains } from './fixtures';

const vaultAbi = parseAbi([
  'function balanceOf(address) view returns (uint256)',
  'function convertToAssets(uint256) view returns (uint256)',
]);

/** The vault's own convertToAssets(balanceOf(owner)) (the devnet is idle, so it is the page's block too). */
async function ownerAssets(rpcUrl: string, vault: Address, owner: Address): Promise<bigint> {
  const client = createPublicClient({ transport: http(rpcUrl) });
  const shares = await client.readContract({
    address: vault,
    abi: vaultAbi,
    functionName: 'balanceOf',
    args: [owner],
  });
  return client.readContract({
    address: vault,
    abi: vaultAbi,
    functionName: 'convertToAssets',
    args: [shares],
  });
}

test('vaults: the demo’s two vaults, one gaining and one that lost value, valued by convertToAssets', async ({
  page,
  manifest,
  demo,
}) => {
  await page.goto(`/address/${demo}`);
  await waitForChains(page, [10, 42161, 324]);
  for (const id of [10, 42161] as const) {
    const chain = manifest.chains[`${id}`];
    const section = page.getByTestId(`chain-${id}`);
    for (const [symbol, direction] of [
      ['dvUSDC', 'grew'],
      ['dvWETH', 'fell'],
    ] as const) {
      const vault = chain.contracts[vaultName(symbol)] as Address;
      const row = section.locator(`[data-testid="vault-row"][data-vault="${vault}"]`);
      await expect(row.locator('[title$="base units"]')).toHaveAttribute(
        'title',
        `${await ownerAssets(chain.rpcUrl, vault, demo as Address)} base units`,
      );
      await expect(row.getByTestId('vault-yield')).toContainText(`share price ${direction} over 7d`);
      // The shares in the wallet are shown as a receipt, counted in the vault only.
      const wallet = section.locator(`[data-testid="balance-row"][data-token="${vault}"]`);
      await expect(wallet.getByTestId('balance-counted-in')).toContainText('counted in Vaults (ERC-4626)');
    }
  }
});

test('liquid staking: wstETH in the wallet shows what it earns, the same rate as its feed’s growth', async ({
  page,
  manifest,
  demo,
}) => {
  await page.goto(`/address/${demo}`);
  await waitForChains(page, [10, 42161, 324]);
  for (const id of [10, 42161, 324] as const) {
    const section = page.getByTestId(`chain-${id}`);
    const rate = section.locator('[data-testid="lst-rate"][data-symbol="wstETH"]');
    const apr = (await rate.getByTestId('lst-apr').locator('span').first().textContent()) ?? '';
    expect(apr).toMatch(/^2\.\d\d%$/);
    const wallet = section.locator(
      `[data-testid="balance-row"][data-token="${manifest.chains[`${id}`].tokens.wstETH}"]`,
    );
    await expect(wallet.getByTestId('balance-yield')).toContainText(
      `earns ${apr} a year by being held (wstETH staking`,
    );
  }
  await expect(page.getByTestId('chain-324')).toContainText('rETH: no rate feed here');
});

test('vaults: an address added in Settings that is not a vault says so, the rest renders', async ({
  page,
  manifest,
  demo,
}) => {
  await page.goto(`/address/${demo}`);
  await waitForChains(page, [10, 42161, 324]);
  const notVault = manifest.chains['10'].tokens.USDC as Address;
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  // The third OP Mainnet field: RPC URL, extra tokens, vaults.
  await dialog.getByLabel('OP Mainnet vaults').fill(notVault);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const section = page.getByTestId('chain-10');
  const bad = section.locator(`[data-testid="vault-row"][data-vault="${notVault}"]`);
  await expect(bad.getByTestId('vault-warning')).toContainText(`${notVault} is not an ERC-4626 vault`);
  const good = section.locator(
    `[data-testid="vault-row"][data-vault="${manifest.chains['10'].contracts[vaultName('dvUSDC')]}"]`,
  );
  await expect(good.getByTestId('vault-yield')).toBeVisible();
});

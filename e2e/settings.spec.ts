import { expect, test, waitForChains } from './fixtures';

test('settings: a token added by address is read, kept across reloads; a bad RPC URL is refused', async ({
  page,
  demo,
  manifest,
}) => {
  test.setTimeout(90_000);
  await page.goto(`/address/${demo}`);
  await waitForChains(page, [10, 42161, 324]);
  // Not a token: its balanceOf reverts, and the row says so instead of showing zero.
  const notToken = manifest.chains['324'].contracts['ChainlinkFeed.ETH/USD'] ?? '';
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('zkSync Era').nth(1).fill(notToken);
  await dialog.getByLabel('OP Mainnet').first().fill('ftp://example');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('must start with http:// or https://')).toBeVisible();
  await dialog.getByLabel('OP Mainnet').first().fill('');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId('chain-324').locator(`[data-testid="balance-row"][data-token=""]`);
  await expect(page.getByTestId('chain-324')).toContainText('balanceOf failed');
  await expect(row).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId('chain-324')).toContainText('balanceOf failed');
});

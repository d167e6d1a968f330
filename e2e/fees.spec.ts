import { CHAIN_IDS } from '../lib/chains/registry';
import { SETTINGS_STORAGE_KEY } from '../lib/settings/settings';
import { expect, test } from './fixtures';

test('/fees quotes every action on every chain, split into L2 execution and L1 data', async ({ page }) => {
  await page.goto('/fees');
  for (const id of CHAIN_IDS) {
    await expect(page.getByTestId(`fees-head-${id}`)).toContainText('block', { timeout: 20_000 });
  }
  const transfer = page.locator('tr[data-action="eth-transfer"]');
  for (const id of CHAIN_IDS) {
    const cell = transfer.locator(`td[data-chain="${id}"]`);
    await expect(cell.getByTestId('fee-total-usd')).toBeVisible();
    await expect(cell).toContainText('21,000 gas');
    await expect(cell).toContainText('L1 data');
  }
  // Exactly one chain is marked cheapest for the ETH transfer (ties aside, the devnet's differ).
  await expect(transfer.getByText('cheapest')).toHaveCount(1);
  // The chart (and recharts) is fetched only as it nears the screen: not before the page is scrolled to it.
  const chart = page.getByRole('img', { name: /Base fee per chain/ });
  await page.getByRole('heading', { name: 'Base fee' }).scrollIntoViewIfNeeded();
  await expect(chart).toBeVisible();
});

test('/fees: a chain whose RPC is down says so in its own column, the others are quoted', async ({
  page,
}) => {
  await page.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
    SETTINGS_STORAGE_KEY,
    JSON.stringify({ network: 'devnet', rpc: { devnet: { 42161: 'http://127.0.0.1:9' } } }),
  ] as const);
  await page.goto('/fees');
  await expect(page.getByTestId('fees-head-42161')).toContainText('Could not be quoted', { timeout: 20_000 });
  for (const id of [10, 324]) await expect(page.getByTestId(`fees-head-${id}`)).toContainText('block');
  await expect(
    page.locator('tr[data-action="eth-transfer"] td[data-chain="10"]').getByTestId('fee-total-usd'),
  ).toBeVisible();
});

test('the dashboard shows a compact fee summary that links to /fees', async ({ page, demo }) => {
  await page.goto(`/address/${demo}`);
  const summary = page.getByTestId('fee-summary');
  await expect(summary).toBeVisible();
  await summary.click();
  await expect(page).toHaveURL(/\/fees$/);
});

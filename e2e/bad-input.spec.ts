import { CHAIN_IDS } from '../lib/chains/registry';
import { SETTINGS_STORAGE_KEY } from '../lib/settings/settings';
import { expect, test } from './fixtures';

test('an invalid address in the URL shows a clear error and makes no RPC call', async ({
  page,
  rpcRequests,
}) => {
  await page.goto('/address/0xnot-an-address');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('That is not an address');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('0xnot-an-address');
  await page.waitForTimeout(1000);
  expect(rpcRequests).toEqual([]);
  for (const id of CHAIN_IDS) await expect(page.getByTestId(`chain-${id}`)).toHaveCount(0);
});

test('an invalid address typed in the search box says why and goes nowhere', async ({
  page,
  rpcRequests,
}) => {
  await page.goto('/');
  const input = page.getByRole('main').getByLabel('Address or ENS name to watch');
  await input.fill('0x1234');
  await input.press('Enter');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Not an Ethereum address');
  await expect(page).toHaveURL(/\/$/);
  expect(rpcRequests).toEqual([]);
});

test('a chain whose RPC is down shows its own error while the other two render', async ({ page, demo }) => {
  await page.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
    SETTINGS_STORAGE_KEY,
    JSON.stringify({ network: 'devnet', rpc: { devnet: { 324: 'http://127.0.0.1:9' } } }),
  ] as const);
  await page.goto(`/address/${demo}`);
  await expect(page.getByTestId('chain-324')).toHaveAttribute('data-state', 'error', { timeout: 20_000 });
  await expect(page.getByTestId('chain-324').getByTestId('chain-error')).not.toBeEmpty();
  for (const id of [10, 42161]) {
    await expect(page.getByTestId(`chain-${id}`)).toHaveAttribute('data-state', 'ready');
    await expect(page.getByTestId(`chain-${id}`).getByTestId('balance-row').first()).toBeVisible();
  }
  await expect(page.getByTestId('portfolio-total')).not.toHaveText('$0.00');
  await expect(page.getByTestId('missing-chains')).toContainText('zkSync Era: could not be read');
});

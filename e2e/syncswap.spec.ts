import { expect, test, waitForChains } from './fixtures';

test('SyncSwap LP: a classic and a stable pool with amounts, share and fee yield; zero-supply and hostile pools say so', async ({
  page,
  demo,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto(`/address/${demo}`);
  await waitForChains(page, [324]);
  const sync = page.getByTestId('chain-324').locator('[data-protocol="syncswap"]');
  const classic = sync.locator('[data-testid="syncswap-position"][data-kind="classic"]');
  await expect(classic).toHaveCount(1);
  await expect(classic).toContainText('WETH/USDC');
  await expect(classic).toContainText(/% of the pool/);
  await expect(classic.getByTestId('syncswap-yield')).toContainText(/\d+\.\d\d%/);
  const stable = sync.locator('[data-testid="syncswap-position"][data-kind="stable"]');
  await expect(stable).toHaveCount(3);
  const usdt = stable.filter({ hasText: 'USDC/USDT' });
  await expect(usdt.getByTestId('syncswap-yield')).toContainText(/\d+\.\d\d%/);
  await expect(sync.getByTestId('syncswap-warning').filter({ hasText: 'zero LP supply' })).toBeVisible();
  await expect(sync.getByText('fee yield unknown: the pool has no LP supply')).toBeVisible();
  await expect(page.locator('main img[src="x"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

import { DEMO_HOLDINGS } from '../devnet/seed/base';
import { CHAIN_IDS } from '../lib/chains/registry';
import { expect, TEST_WALLET_NAME, test, waitForChains } from './fixtures';

test('connecting the injected EIP-6963 wallet opens its dashboard, read-only', async ({
  page,
  demo,
  walletRequests,
  rpcRequests,
}) => {
  await page.goto('/');
  await page.getByRole('main').getByRole('button', { name: 'Connect wallet' }).click();
  await page.getByRole('menuitem', { name: TEST_WALLET_NAME }).click();
  await expect(page).toHaveURL(new RegExp(`/address/${demo}$`, 'i'));
  await waitForChains(page, CHAIN_IDS);
  await expect(page.getByText('Your wallet')).toBeVisible();
  const native = page.getByTestId('chain-10').locator('[data-testid="balance-row"][data-token="native"]');
  await expect(native).toContainText(`${DEMO_HOLDINGS[10].ETH} ETH`);
  // The wallet was asked for the account, nothing else of substance; reads went to the app's own RPCs.
  expect(walletRequests).toContain('eth_requestAccounts');
  expect(walletRequests.filter((m) => m.startsWith('eth_call') || m.startsWith('eth_getBalance'))).toEqual(
    [],
  );
  expect(rpcRequests.length).toBeGreaterThan(0);
  // Disconnecting keeps the dashboard readable as a watched address.
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByText('Watching')).toBeVisible();
});

test('the test wallet records every request it receives (control for the read-only check)', async ({
  page,
  walletRequests,
}) => {
  await page.goto('/');
  const answered = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        window.addEventListener('eip6963:announceProvider', (event) => {
          const { provider } = (
            event as CustomEvent<{ provider: { request: (a: { method: string }) => Promise<string> } }>
          ).detail;
          void provider.request({ method: 'eth_chainId' }).then(resolve);
        });
        window.dispatchEvent(new Event('eip6963:requestProvider'));
      }),
  );
  expect(answered).toBe('0xa');
  expect(walletRequests).toContain('eth_chainId');
});

import type { Page } from '@playwright/test';
import { CHAIN_IDS } from '../lib/chains/registry';
import { expect, TEST_WALLET_NAME, test, waitForChains } from './fixtures';

/** The bodies of every script the page fetched. */
function recordScripts(page: Page): Promise<string>[] {
  const bodies: Promise<string>[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('.js')) bodies.push(response.text());
  });
  return bodies;
}

// wagmi's EIP-6963 discovery, and @noble/curves' secp256k1 (signing and signature recovery).
const WALLET_CODE = 'eip6963:requestProvider';
const CURVE_CODE = 'Point is not on curve';

test('a first visit runs no wallet code until Connect is reached, and never ships the signing curve', async ({
  page,
  demo,
}) => {
  const scripts = recordScripts(page);
  await page.goto(`/address/${demo}`);
  await waitForChains(page, CHAIN_IDS);
  let bodies = await Promise.all(scripts);
  expect(bodies.some((b) => b.includes(WALLET_CODE))).toBe(false);
  expect(bodies.some((b) => b.includes(CURVE_CODE))).toBe(false);
  await expect(page.getByText('Watching')).toBeVisible();

  // Reaching for Connect fetches the wallet code, which finds the wallet.
  await page.getByRole('button', { name: 'Connect wallet' }).first().click();
  await expect(page.getByRole('menuitem', { name: TEST_WALLET_NAME })).toBeVisible();
  bodies = await Promise.all(scripts);
  expect(bodies.some((b) => b.includes(WALLET_CODE))).toBe(true);
  expect(bodies.some((b) => b.includes(CURVE_CODE))).toBe(false);
});

test('a saved connection is restored on the next visit', async ({ page, demo }) => {
  await page.goto('/');
  await page.getByRole('main').getByRole('button', { name: 'Connect wallet' }).click();
  await page.getByRole('menuitem', { name: TEST_WALLET_NAME }).click();
  await expect(page).toHaveURL(new RegExp(`/address/${demo}$`, 'i'));
  await page.reload();
  await expect(page.getByText('Your wallet')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Disconnect' })).toBeVisible();
});

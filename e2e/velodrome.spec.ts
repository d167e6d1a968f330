import { expect, test, waitForChains } from './fixtures';

/**
 * Velodrome on the devnet: the demo's LP (unstaked, staked in gauges) and veVELO locks show with what they earn, or why not in words; the broken and hostile cases render.
 */
test('Velodrome: pools, gauges and locks with their yields on chain 10', async ({ page, demo }) => {
  await page.goto(`/address/${demo}`);
  await waitForChains(page, [10]);
  const chain = page.getByTestId('chain-10');
  const velodrome = chain.locator('[data-protocol="velodrome"]');
  const liquidity = velodrome.locator('[data-testid="position"][data-kind="liquidity"]');
  const farming = velodrome.locator('[data-testid="position"][data-kind="farming"]');
  const locks = velodrome.locator('[data-testid="position"][data-kind="lock"]');

  // Unstaked LP: trading fees over a 7-day window; volatile and stable pools.
  await expect(liquidity).toHaveCount(3);
  await expect(liquidity.getByText('vAMM-WETH/USDC')).toBeVisible();
  await expect(liquidity.getByText(/sAMM-(DAI\/USDC|USDC\/DAI)/)).toBeVisible();
  await expect(liquidity.getByTestId('velodrome-yield-note').first()).toContainText('trading fees (base)');
  await expect(liquidity.getByText(/gauge 0x[0-9a-fA-F]{40} unreadable/)).toBeVisible();

  // Staked LP: emissions, and the cases said in words.
  await expect(farming).toHaveCount(6);
  await expect(
    farming.getByText('emissions (reward); staked LP earns no trading fees').first(),
  ).toBeVisible();
  await expect(farming.getByText(/unreliable: tiny stake/)).toBeVisible();
  await expect(farming.getByText(/gauge killed by the Voter/)).toBeVisible();
  await expect(farming.getByText(/reward period ended on/)).toBeVisible();
  await expect(farming.getByText(/no usable price for reward token/)).toBeVisible();
  await expect(farming.getByText(/emissions\)/).first()).toBeVisible();
  // The hostile reward symbol is text, never markup.
  await expect(page.locator('img[src="x"]')).toHaveCount(0);

  // Locks: the voting one with its votes and claims, the expired one flagged.
  await expect(locks).toHaveCount(2);
  await expect(locks.getByText(/Votes for vAMM-WETH\/USDC/)).toBeVisible();
  await expect(locks.getByText(/lock expired on/)).toBeVisible();
  await expect(velodrome.getByText(/NaN|Infinity|∞/)).toHaveCount(0);
});

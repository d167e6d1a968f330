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

  // Unstaked LP: trading fees over a 7-day window; volatile and stable pools (3), and one Slipstream position.
  await expect(liquidity).toHaveCount(4);
  await expect(liquidity.getByText('vAMM-WETH/USDC')).toBeVisible();
  await expect(liquidity.getByText(/sAMM-(DAI\/USDC|USDC\/DAI)/)).toBeVisible();
  await expect(liquidity.getByTestId('velodrome-yield-note').first()).toContainText('trading fees (base)');
  await expect(liquidity.getByText(/gauge 0x[0-9a-fA-F]{40} unreadable/)).toBeVisible();

  // Staked LP: emissions, and the cases said in words (6 V2 stakes, 2 Slipstream stakes).
  await expect(farming).toHaveCount(8);
  await expect(
    farming.getByText('emissions (reward); staked LP earns no trading fees').first(),
  ).toBeVisible();
  await expect(farming.getByText(/unreliable: tiny stake \(\$[\d,.]+ staked in the gauge/)).toBeVisible();
  await expect(farming.getByText(/gauge killed by the Voter/)).toBeVisible();
  await expect(farming.getByText(/reward period ended on/)).toBeVisible();
  await expect(farming.getByText(/no usable price for reward token/)).toBeVisible();
  await expect(farming.getByText(/emissions\)/).first()).toBeVisible();
  // The hostile reward symbol is text, never markup.
  await expect(page.locator('img[src="x"]')).toHaveCount(0);

  // Slipstream: the unstaked position earns fees only, the staked one emissions only, the tiny one is unreliable.
  const cl = velodrome.locator('[data-testid="position"]:has([data-testid="slipstream-details"])');
  await expect(cl).toHaveCount(3);
  const clUnstaked = cl.filter({ hasText: 'unstaked' });
  await expect(clUnstaked.getByText('CL100-WETH/USDC')).toBeVisible();
  await expect(clUnstaked.getByTestId('slipstream-range')).toHaveText('in range');
  await expect(clUnstaked.getByTestId('velodrome-yield-note')).toContainText(
    'trading fees (base); an unstaked position earns no emissions',
  );
  await expect(clUnstaked.getByText(/\d+\.\d\d%/).first()).toBeVisible();
  const clStaked = cl.filter({ hasText: 'staked in its gauge' });
  await expect(clStaked).toHaveCount(2);
  await expect(
    clStaked.getByText('emissions (reward); a staked position earns no trading fees'),
  ).toBeVisible();
  await expect(clStaked.getByText(/Pool's fees for the gauge \(to voters\)/).first()).toBeVisible();
  await expect(clStaked.filter({ hasText: 'CL200' }).getByText(/unreliable: tiny stake/)).toBeVisible();

  // Locks: the voting one with its votes and claims, the expired one flagged.
  await expect(locks).toHaveCount(2);
  await expect(locks.getByText(/Votes for vAMM-WETH\/USDC/)).toBeVisible();
  await expect(locks.getByText(/lock expired on/)).toBeVisible();
  await expect(velodrome.getByText(/NaN|Infinity|∞/)).toHaveCount(0);
});

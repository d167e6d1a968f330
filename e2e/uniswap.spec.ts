import { HOSTILE_SYMBOL } from '../devnet/seed/base';
import { demoPositions } from '../devnet/seed/uniswap-v3';
import { expect, test, waitForChains } from './fixtures';

test('Uniswap V3 and SushiSwap V3 positions list with range, status, fees, value and fee APR', async ({
  page,
  demo,
}) => {
  await page.goto(`/address/${demo}`);
  await waitForChains(page, [10, 42161, 324]);
  for (const [protocol, prefix] of [
    ['uniswap-v3', 'UniswapV3'],
    ['sushiswap-v3', 'SushiSwapV3'],
  ] as const) {
    const section = page.getByTestId('chain-42161').locator(`[data-protocol="${protocol}"]`);
    const open = demoPositions(prefix, 42161).filter((p) => !p.closed);
    // Open positions are listed; the closed one waits behind its toggle.
    await expect(section.locator('[data-testid="v3-position"]:visible')).toHaveCount(open.length);
    const first = section.getByTestId('v3-position').first();
    await expect(first.getByTestId('range-bar')).toHaveAttribute('aria-label', /current price/);
    await expect(first.getByTestId('v3-apr')).toContainText(/\d+\.\d\d%/);
  }
  const uniswap = page.getByTestId('chain-42161').locator('[data-protocol="uniswap-v3"]');
  await expect(uniswap.locator('[data-testid="v3-position"][data-state="in-range"]').first()).toContainText(
    'In range',
  );
  await expect(uniswap.locator('[data-testid="v3-position"][data-state="price-below"]')).toContainText(
    'Out of range',
  );
  await expect(uniswap.locator('[data-testid="v3-position"][data-state="price-above"]')).toContainText(
    'Out of range',
  );
});

test('closed positions are behind a keyboard-operable toggle, and prices flip direction', async ({
  page,
  demo,
}) => {
  await page.goto(`/address/${demo}`);
  await waitForChains(page, [10]);
  const uniswap = page.getByTestId('chain-10').locator('[data-protocol="uniswap-v3"]');
  const toggle = uniswap.getByTestId('v3-closed-toggle');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(uniswap.locator('[data-testid="v3-position"][data-state="closed"]')).toBeHidden();
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const closed = uniswap.locator('[data-testid="v3-position"][data-state="closed"]');
  await expect(closed).toBeVisible();
  await expect(closed).toContainText('Closed');
  await expect(closed.getByTestId('v3-fees')).not.toContainText('none');

  const item = uniswap.locator('[data-testid="v3-position"][data-state="in-range"]').first();
  const flip = item.getByRole('button', { name: /Show prices in/ });
  const before = await item.getByTestId('range-bar').getAttribute('aria-label');
  await flip.click();
  await expect(item.getByTestId('range-bar')).not.toHaveAttribute('aria-label', before ?? '');
});

test('positions in pools of hostile or reverting-metadata tokens render as text and say what is wrong', async ({
  page,
  demo,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto(`/address/${demo}`);
  await waitForChains(page, [10]);
  const uniswap = page.getByTestId('chain-10').locator('[data-protocol="uniswap-v3"]');
  await expect(uniswap.getByText(HOSTILE_SYMBOL.slice(0, 10)).first()).toBeVisible();
  await expect(uniswap.getByText(/symbol\(\) reverted/)).toBeVisible();
  await expect(page.locator('main img[src="x"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

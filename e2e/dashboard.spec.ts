import { parseUnits } from 'viem';
import { DEMO_HOLDINGS, HOSTILE_SYMBOL, STALE_FEED, tokenDecimals } from '../devnet/seed/base';
import { CHAIN_IDS } from '../lib/chains/registry';
import { expect, test, waitForChains } from './fixtures';

async function blockNumber(rpcUrl: string): Promise<bigint> {
  const response = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_blockNumber', params: [] }),
  });
  return BigInt(((await response.json()) as { result: string }).result);
}

test('the dashboard of the demo address shows every seeded balance on all three chains', async ({
  page,
  demo,
  manifest,
}) => {
  await page.goto(`/address/${demo}`);
  await waitForChains(page, CHAIN_IDS);
  for (const chainId of CHAIN_IDS) {
    const section = page.getByTestId(`chain-${chainId}`);
    const chain = manifest.chains[`${chainId}`];
    await expect(section.getByTestId('chain-block')).toContainText(
      `block ${await blockNumber(chain.rpcUrl)}`,
    );
    for (const [symbol, amount] of Object.entries(DEMO_HOLDINGS[chainId])) {
      const token = symbol === 'ETH' ? 'native' : chain.tokens[symbol];
      const decimals = symbol === 'ETH' || symbol === 'WETH' ? 18 : tokenDecimals(symbol);
      const row = section.locator(`[data-testid="balance-row"][data-token="${token}"]`);
      // The amount's title carries the exact base units shown, independent of display rounding.
      await expect(row.locator('[title$="base units"]'), `${chainId} ${symbol}`).toHaveAttribute(
        'title',
        `${parseUnits(amount, decimals)} base units`,
      );
    }
  }
});

test('a stale price is shown as stale, and the totals say they include it', async ({
  page,
  demo,
  manifest,
}) => {
  await page.goto(`/address/${demo}`);
  const section = page.getByTestId(`chain-${STALE_FEED.chainId}`);
  await expect(section).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  const token = manifest.chains[`${STALE_FEED.chainId}`].tokens[STALE_FEED.symbol];
  await expect(section.locator(`[data-testid="balance-row"][data-token="${token}"]`)).toContainText(
    'stale price',
  );
  await expect(section.getByTestId('chain-total')).toContainText('includes stale prices');
  // The other chains' feeds are fresh.
  await expect(page.getByTestId('chain-10').getByText('stale price')).toHaveCount(0);
});

test('hostile token metadata is rendered as text, never as markup', async ({ page, demo, manifest }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto(`/address/${demo}`);
  await waitForChains(page, CHAIN_IDS);
  const token = manifest.chains['10'].tokens.HOSTILE;
  const row = page.getByTestId('chain-10').locator(`[data-testid="balance-row"][data-token="${token}"]`);
  await expect(row).toContainText(HOSTILE_SYMBOL.slice(0, 10));
  await expect(page.locator('main img[src="x"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

import { parseUnits } from 'viem';
import { DEMO_HOLDINGS, HOSTILE_SYMBOL, STALE_FEED, tokenDecimals } from '../devnet/seed/base';
import { CHAIN_IDS } from '../lib/chains/registry';
import { expect, pageBlock, test, waitForChains } from './fixtures';

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
  const before = Object.fromEntries(
    await Promise.all(
      CHAIN_IDS.map(async (id) => [id, await blockNumber(manifest.chains[`${id}`].rpcUrl)] as const),
    ),
  );
  await page.goto(`/address/${demo}`);
  await waitForChains(page, CHAIN_IDS);
  for (const chainId of CHAIN_IDS) {
    const section = page.getByTestId(`chain-${chainId}`);
    const chain = manifest.chains[`${chainId}`];
    // The head moves on every second: the page's block is one the chain had between load and now.
    const shown = await pageBlock(page, chainId);
    expect(shown).toBeGreaterThanOrEqual(before[chainId] ?? 0n);
    expect(shown).toBeLessThanOrEqual(await blockNumber(chain.rpcUrl));
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
  await waitForChains(page, [STALE_FEED.chainId]); // the same read budget as every other dashboard test
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

test('on a phone, the lists below the fold are drawn after the page in turn, until every one is in it', async ({
  page,
  demo,
}) => {
  await page.setViewportSize({ width: 412, height: 823 });
  // Whether a placeholder ever stood in for a protocol's list (each starts as one until its turn).
  await page.addInitScript(`
    window.__placeholders = 0;
    new MutationObserver(() => {
      window.__placeholders = Math.max(window.__placeholders, document.querySelectorAll('[data-protocol] [aria-busy="true"]').length);
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
  `);
  await page.goto(`/address/${demo}`);
  await waitForChains(page, CHAIN_IDS);
  // Every list ends up drawn, with no scrolling: find in page and screen readers get all of it.
  await expect(page.locator('[data-protocol] [aria-busy="true"]')).toHaveCount(0);
  const sections = page.locator('[data-protocol]');
  const count = await sections.count();
  expect(count).toBeGreaterThan(10);
  for (let i = 0; i < count; i++) {
    // A drawn list holds the protocol's rows (or its own "nothing here" text), not a placeholder box.
    await expect(sections.nth(i).locator('li, tr, p').first()).toBeAttached();
  }
  expect(await page.evaluate('window.__placeholders')).toBeGreaterThan(0);
});

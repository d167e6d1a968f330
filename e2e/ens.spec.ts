import { parseUnits } from 'viem';
import { DEMO_HOLDINGS } from '../devnet/seed/base';
import { DEVNET_ENS_NAMES } from '../devnet/seed/ens-l1';
import { CHAIN_IDS } from '../lib/chains/registry';
import { expect, test, waitForChains } from './fixtures';

test('/address/demo.eth resolves through the devnet’s chain 1 and shows the demo’s dashboard', async ({
  page,
  demo,
  manifest,
}) => {
  const l1 = manifest.l1?.rpcUrl;
  if (!l1) throw new Error('the devnet manifest has no l1 entry');
  const l1Requests: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(l1)) l1Requests.push(r.url());
  });
  await page.goto(`/address/${DEVNET_ENS_NAMES.demo}`);
  await expect(page.getByTestId('dashboard-name')).toHaveText(DEVNET_ENS_NAMES.demo, { timeout: 20_000 });
  await expect(page.getByTestId('dashboard-address')).toContainText(demo.slice(0, 6));
  await waitForChains(page, CHAIN_IDS);
  const held = DEMO_HOLDINGS[10].ETH;
  if (held === undefined) throw new Error('the seed gives the demo no ETH on chain 10');
  // The seed's own ETH holding, exactly, in the base units the row's title carries.
  const eth = page
    .getByTestId('chain-10')
    .locator('[data-testid="balance-row"][data-token="native"] [title$="base units"]');
  await expect(eth).toHaveAttribute('title', `${parseUnits(held, 18)} base units`);
  expect(l1Requests.length).toBeGreaterThan(0);
});

test('/address/nobody.eth says the name has no address, and reads no L2', async ({ page, rpcRequests }) => {
  await page.goto(`/address/${DEVNET_ENS_NAMES.noAddress}`);
  const error = page.getByTestId('ens-error');
  await expect(error).toContainText(`${DEVNET_ENS_NAMES.noAddress} does not resolve to an address`, {
    timeout: 20_000,
  });
  for (const id of CHAIN_IDS) await expect(page.getByTestId(`chain-${id}`)).toHaveCount(0);
  expect(rpcRequests).toEqual([]);
});

test('an off-chain (CCIP-read) name is reported, not followed to its gateway', async ({ page }) => {
  const gateway: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('ccip-gateway.invalid')) gateway.push(r.url());
  });
  await page.goto(`/address/${DEVNET_ENS_NAMES.offchainChild}`);
  await expect(page.getByTestId('ens-error')).toContainText('off-chain ENS name', { timeout: 20_000 });
  expect(gateway).toEqual([]);
});

test('a name typed in the search box is normalised (ENS code fetched only then) and opens its dashboard', async ({
  page,
}) => {
  // An error message of ENSIP-15's normaliser (viem's `normalize`, @adraffy/ens-normalize).
  const ENS_CODE = 'underscore allowed only at start';
  const bodies: Promise<string>[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.js')) bodies.push(r.text().catch(() => ''));
  });
  const fetchedEnsCode = async () => (await Promise.all(bodies)).some((b) => b.includes(ENS_CODE));
  await page.goto('/');
  const input = page.getByRole('main').getByLabel('Address or ENS name to watch');
  await expect(input).toBeVisible();
  expect(await fetchedEnsCode()).toBe(false);
  // Mixed case: ENSIP-15 lower-cases it, so the URL carries the normalised name.
  await input.fill(DEVNET_ENS_NAMES.demo.toUpperCase());
  await input.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/address/${DEVNET_ENS_NAMES.demo.replace('.', '\\.')}$`));
  await expect(page.getByTestId('dashboard-name')).toHaveText(DEVNET_ENS_NAMES.demo, { timeout: 20_000 });
  expect(await fetchedEnsCode()).toBe(true);
});

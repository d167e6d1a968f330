import { FARM_PREFIX } from '../lib/protocols/staking-rewards/module';
import { expect, test, waitForChains } from './fixtures';

test('Camelot LP and spNFT: amounts, share, lock, multiplier, pending GRAIL and xGRAIL, fee and reward yield', async ({
  page,
  demo,
}) => {
  await page.goto(`/address/${demo}`);
  await waitForChains(page, [42161]);
  const camelot = page.getByTestId('chain-42161').locator('[data-protocol="camelot"]');
  await expect(camelot.locator('[data-testid="camelot-position"][data-kind="lp"]')).toHaveCount(2);
  const sp = camelot.locator('[data-testid="camelot-position"][data-kind="spnft"]');
  await expect(sp).toHaveCount(1);
  await expect(sp.getByTestId('spnft-lock')).toContainText(
    /locked until \d{4}-\d\d-\d\d · multiplier ×1\.\d\d/,
  );
  await expect(sp.getByTestId('spnft-pending')).toContainText('GRAIL');
  await expect(sp.getByTestId('spnft-pending')).toContainText('xGRAIL');
  await expect(sp.getByTestId('camelot-yield')).toContainText(/\d+\.\d\d%/);
  await expect(camelot.getByText(/pool-implied: GRAIL\/WETH TWAP/).first()).toBeVisible();
});

test('farms: staked and earned, rate and period; nothing staked, no period, unpriced and hostile reward tokens in words', async ({
  page,
  demo,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto(`/address/${demo}`);
  await waitForChains(page, [10, 42161, 324]);
  const arb = page.getByTestId('chain-42161').locator('[data-protocol="staking-rewards"]');
  await expect(arb.getByTestId('farm-position')).toHaveCount(2);
  await expect(arb.getByTestId('farm-table')).toContainText('nothing is staked in this farm');
  await expect(arb.getByTestId('farm-table')).toContainText('unreliable (tiny stake)');
  await expect(arb.getByTestId('farm-position').first().getByTestId('farm-yield')).toContainText(
    /\d+\.\d\d%/,
  );
  const op = page.getByTestId('chain-10').locator('[data-protocol="staking-rewards"]');
  await expect(op.getByTestId('farm-table')).toContainText('no reward period has been started');
  await expect(op.getByTestId('farm-table')).toContainText('has no price');
  await expect(page.locator('main img[src="x"]')).toHaveCount(0);
  const zk = page.getByTestId('chain-324').locator('[data-protocol="staking-rewards"]');
  await expect(zk.getByTestId('farm-table')).toContainText('NOPRICE has no price');
  expect(dialogs).toEqual([]);
});

test('a farm added in Settings that is not a farm, or is on another chain, says so; the rest renders', async ({
  page,
  demo,
  manifest,
}) => {
  await page.goto(`/address/${demo}`);
  await waitForChains(page, [42161]);
  const notFarm = manifest.chains['42161'].tokens.USDC ?? '';
  const otherChain = manifest.chains['10'].contracts[`${FARM_PREFIX}USDC-OP`] ?? '';
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Arbitrum One farms').fill(`${notFarm}\n${otherChain}`);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const table = page
    .getByTestId('chain-42161')
    .locator('[data-protocol="staking-rewards"]')
    .getByTestId('farm-table');
  await expect(table).toContainText(`${notFarm} is not a StakingRewards farm on Arbitrum One`);
  await expect(table.locator('[data-testid="farm"][data-state="error"]')).toHaveCount(2);
  await expect(page.getByTestId('chain-42161').locator('[data-protocol="camelot"]')).toBeVisible();
});

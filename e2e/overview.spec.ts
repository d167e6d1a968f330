import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { CHAIN_IDS } from '../lib/chains/registry';
import { WATCHLIST_STORAGE_KEY } from '../lib/watchlist/watchlist';
import { expect, test, waitForChains } from './fixtures';

const run = promisify(execFile);
// Three chains read, recharts loaded, axe run: slow on a shared machine.
test.describe.configure({ timeout: 120_000 });
const ROOT = join(import.meta.dirname, '..');

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
}

test('the overview sums what the chain sections show, and its slices lead to their sections', async ({
  page,
  demo,
}) => {
  await page.goto(`/address/${demo}`);
  await waitForChains(page, CHAIN_IDS);
  const overview = page.getByTestId('overview');
  await expect(overview).toBeVisible();
  await expect(overview.getByTestId('income-year')).not.toHaveText('—');
  await expect(overview.getByTestId('overview-health')).toHaveText(/^\d+\.\d\d$/);
  // A protocol slice is a link to that protocol's section.
  const link = overview.getByTestId('breakdown-protocol').getByRole('link', { name: 'Aave V3' });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^#chain-\d+-protocol-aave-v3$/);
  await expect(page.locator(href ?? '#none')).toHaveCount(1);
  // Sections collapse from the keyboard, keeping their value in the header.
  const toggle = page.getByRole('button', { name: 'Collapse OP Mainnet' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#chain-10-body')).toBeHidden();
  await expect(page.getByTestId('chain-10').getByTestId('chain-total')).toBeVisible();
});

test('JSON export equals the CLI at the blocks it was read at; CSV has a row per asset', async ({
  page,
  demo,
  manifest,
}) => {
  await page.goto(`/address/${demo}`);
  await waitForChains(page, CHAIN_IDS);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const exported = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8'));
  const blocks = exported.chains.flatMap((c: { chainId: number; blockNumber: string }) => [
    '--block',
    `${c.chainId}:${c.blockNumber}`,
  ]);
  const { stdout } = await run(
    join(ROOT, 'node_modules/.bin/tsx'),
    [join(ROOT, 'scripts/portfolio.ts'), demo, '--network', 'devnet', '--json', ...blocks],
    {
      env: { ...process.env, LAYERGLASS_MANIFEST: process.env.E2E_MANIFEST ?? '' },
    },
  );
  // The head's age belongs to the moment of a read, not to its block: the page read the head, the CLI the
  // pinned block (whose age it does not judge), so only that field is left out of the comparison.
  const ageless = (j: { chains: Record<string, unknown>[] }) => ({
    ...j,
    chains: j.chains.map(({ headAgeSeconds: _, ...c }) => c),
  });
  expect(ageless(exported)).toEqual(ageless(JSON.parse(stdout)));
  expect(exported.address).toBe(manifest.accounts.demo);
  // The page's overview shows the same figures the CLI printed for those blocks.
  const usd = async (id: string) => Number(await page.getByTestId(id).first().getAttribute('data-usd'));
  expect(Math.abs((await usd('overview-total')) - exported.totalUsd)).toBeLessThan(1e-6);
  const perYear = exported.income.perYear.baseUsd + exported.income.perYear.rewardUsd;
  expect(Math.abs((await usd('income-year')) - perYear)).toBeLessThanOrEqual(
    1e-9 * Math.max(1, Math.abs(perYear)),
  );
  expect(Math.abs((await usd('unknown-yield')) - exported.income.unknownYieldUsd)).toBeLessThan(1e-6);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const lines = readFileSync((await csv.path()) ?? '', 'utf8')
    .trimEnd()
    .split('\r\n');
  const assets = exported.chains.reduce(
    (n: number, c: { positions: { assets: unknown[]; rewards: unknown[] }[] }) =>
      n + c.positions.reduce((m, p) => m + p.assets.length + p.rewards.length, 0),
    0,
  );
  expect(lines[0]).toContain('chainId,chain,blockNumber,protocol,kind');
  expect(lines.length - 1).toBe(assets);
});

test('watchlist: an older saved format is migrated with a message; add, label, reorder, bundle, remove', async ({
  page,
  demo,
  manifest,
}) => {
  const other = manifest.accounts.nearLiquidation ?? '';
  // The old format is stored from a same-origin file that runs no script, so no page of the app can read
  // (and migrate) it before the page under test loads.
  await page.goto('/icon.svg');
  await page.evaluate(
    (arg: { key: string; a: string }) =>
      window.localStorage.setItem(arg.key, JSON.stringify([arg.a, 'garbage'])),
    { key: WATCHLIST_STORAGE_KEY, a: other },
  );
  await page.goto('/');
  await expect(page.getByTestId('watchlist-notice')).toContainText('older format (version 1)');
  await page.goto(`/address/${demo}`);
  await page.getByRole('button', { name: '☆ Watch' }).click();
  await page.goto('/');
  const entries = page.getByTestId('watch-entry');
  await expect(entries).toHaveCount(2);
  await page.getByLabel(`Label for ${demo}`).fill('demo');
  await page.getByLabel(`Label for ${demo}`).blur();
  await page.getByRole('button', { name: 'Move demo up' }).click();
  await expect(entries.first()).toHaveAttribute('data-address', demo);
  await page.getByLabel('Include demo in a bundle').check();
  await page.getByLabel(`Include ${other} in a bundle`).check();
  await page.getByLabel('Bundle name').fill('team');
  await page.getByRole('button', { name: 'Bundle 2 selected' }).click();
  await page.getByRole('link', { name: 'team (2 addresses)' }).click();
  await expect(page.getByTestId('bundle-name')).toHaveText('team');
  await expect(page.getByTestId('bundle-member')).toHaveCount(2);
  await expect(page.getByTestId('bundle')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  // Oracle: each member's own dashboard total, against the bundle's sum.
  const memberTotals = await page
    .getByTestId('bundle-member-total')
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-usd'))));
  const bundleTotal = Number(await page.getByTestId('bundle-total').getAttribute('data-usd'));
  expect(Math.abs(bundleTotal - memberTotals.reduce((a, b) => a + b, 0))).toBeLessThan(1e-6);
  await page.goto(`/address/${demo}`);
  await waitForChains(page, CHAIN_IDS);
  const single = Number(await page.getByTestId('overview-total').getAttribute('data-usd'));
  // Read a moment apart on a devnet that mines every second: interest moves the last digits.
  expect(Math.abs((memberTotals[0] ?? 0) - single) / Math.max(1, Math.abs(single))).toBeLessThan(1e-6);
  await page.goto('/');
  await page.getByRole('button', { name: 'Remove demo' }).click();
  await expect(entries).toHaveCount(1);
});

test('a bundle URL with a bad member says which, and reads nothing', async ({ page, demo, rpcRequests }) => {
  await page.goto(`/address/${demo},0x12345`);
  const alert = page.getByRole('alert').filter({ hasText: 'bundle' });
  await expect(alert).toContainText('“0x12345”');
  await expect(alert).toContainText('not an address');
  expect(rpcRequests).toEqual([]);
});

test('connect through the announced wallet; reload keeps it connected; disconnect', async ({
  page,
  demo,
}) => {
  await page.goto('/');
  await page.getByRole('banner').getByRole('button', { name: 'Connect wallet' }).click();
  await page.getByRole('menuitem', { name: 'Layerglass Test Wallet' }).click();
  await expect(page).toHaveURL(new RegExp(`/address/${demo}$`));
  await page.reload();
  await expect(page.getByRole('banner').getByRole('button', { name: 'Disconnect' })).toBeVisible();
  await page.getByRole('banner').getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByRole('banner').getByRole('button', { name: 'Connect wallet' })).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe: no serious or critical violations, ${theme}`, async ({ page, demo }) => {
    await page.emulateMedia({ colorScheme: theme });
    const pages = ['/', `/address/${demo}`, '/fees'];
    const found: string[] = [];
    for (const path of pages) {
      await page.goto(path);
      if (path.startsWith('/address')) await waitForChains(page, CHAIN_IDS);
      else await page.waitForLoadState('networkidle');
      found.push(...(await seriousViolations(page)).map((v) => `${path} ${v}`));
    }
    await page.goto('/');
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    found.push(...(await seriousViolations(page)).map((v) => `settings ${v}`));
    expect(found).toEqual([]);
  });
}

test('375 px wide: no horizontal scrolling on the dashboard', async ({ page, demo }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`/address/${demo}`);
  await waitForChains(page, CHAIN_IDS);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > 376)
      .slice(0, 8)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${String(e.getAttribute('class')).slice(0, 60)} ${Math.round(e.getBoundingClientRect().right)}`,
      ),
  );
  expect(width, wide.join('\n')).toBeLessThanOrEqual(375);
});

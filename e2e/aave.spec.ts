import { type Address, createPublicClient, http, parseAbi } from 'viem';
import { CHAIN_IDS } from '../lib/chains/registry';
import { formatHealthFactor } from '../lib/protocols/aave-v3/view';
import { expect, pageBlock, test, waitForChains } from './fixtures';

const poolAbi = parseAbi([
  'function getUserAccountData(address) view returns (uint256, uint256, uint256, uint256, uint256, uint256)',
]);

/** The Pool's own health factor for an account at the block the page read. */
async function healthFactor(
  rpcUrl: string,
  pool: Address,
  user: Address,
  blockNumber: bigint,
): Promise<bigint> {
  const client = createPublicClient({ transport: http(rpcUrl) });
  const [, , , , , hf] = await client.readContract({
    address: pool,
    abi: poolAbi,
    functionName: 'getUserAccountData',
    args: [user],
    blockNumber,
  });
  return hf;
}

test('Aave V3: the demo’s health factor, supplies and borrow on every chain', async ({
  page,
  manifest,
  demo,
}) => {
  await page.goto(`/address/${demo}`);
  await waitForChains(page, CHAIN_IDS);
  for (const id of CHAIN_IDS) {
    const chain = manifest.chains[`${id}`];
    const aave = page.getByTestId(`chain-${id}`).locator('[data-protocol="aave-v3"]');
    const hf = await healthFactor(
      chain.rpcUrl,
      chain.contracts.AaveV3Pool as Address,
      demo as Address,
      await pageBlock(page, id),
    );
    await expect(aave.getByTestId('aave-health-value')).toHaveText(formatHealthFactor(hf));
    await expect(aave.locator('[data-testid="aave-row"][data-side="supply"]')).toHaveCount(2);
    await expect(aave.locator('[data-testid="aave-row"][data-side="borrow"]')).toHaveCount(1);
    await expect(aave.getByRole('alert')).toHaveCount(0);
  }
});

test('Aave V3: an account under 1.1 is warned; an account without debt reads ∞', async ({
  page,
  manifest,
}) => {
  const near = manifest.accounts.nearLiquidation;
  const supplier = manifest.accounts.supplierOnly;
  if (!near || !supplier) throw new Error('manifest lacks the Aave accounts');
  await page.goto(`/address/${near}`);
  await waitForChains(page, [10]);
  const nearAave = page.getByTestId('chain-10').locator('[data-protocol="aave-v3"]');
  await expect(nearAave.getByRole('alert')).toContainText('under 1.1');

  await page.goto(`/address/${supplier}`);
  await waitForChains(page, [10]);
  const supplierAave = page.getByTestId('chain-10').locator('[data-protocol="aave-v3"]');
  await expect(supplierAave.getByTestId('aave-health-value')).toHaveText('∞');
  await expect(supplierAave).toContainText('No debt');
});

import { type Address, createPublicClient, http, parseAbi } from 'viem';
import { CHAIN_IDS } from '../lib/chains/registry';
import { formatAmount } from '../lib/format/index';
import { expect, test, waitForChains } from './fixtures';

const votesAbi = parseAbi(['function getVotes(address) view returns (uint256)']);

/** The token's own voting power for an account (the devnet is idle, so it is the page's block too). */
async function getVotes(rpcUrl: string, token: Address, account: Address): Promise<bigint> {
  const client = createPublicClient({ transport: http(rpcUrl) });
  return client.readContract({ address: token, abi: votesAbi, functionName: 'getVotes', args: [account] });
}

test('GMX: staked GMX and esGMX, per-tracker rewards, vesting and legacy GLP on Arbitrum', async ({
  page,
  demo,
}) => {
  await page.goto(`/address/${demo}`);
  await waitForChains(page, [42161]);
  const gmx = page.getByTestId('chain-42161').locator('[data-protocol="gmx"]');
  const staking = gmx.locator('[data-testid="gmx-position"][data-position="staking"]').first();
  await expect(staking).toContainText('250 GMX');
  await expect(staking).toContainText('50 esGMX');
  await expect(staking.getByTestId('gmx-mp')).toContainText('Multiplier points staked: 20');
  const fee = staking.locator('[data-testid="gmx-tracker"][data-tracker="FeeGmxTracker"]');
  await expect(fee).toContainText('WETH (fees)');
  await expect(fee).toContainText('%');
  await expect(gmx.locator('[data-position="vesting"]').getByTestId('gmx-vesting')).toContainText(
    'esGMX vested',
  );
  await expect(gmx.locator('[data-position="glp"]')).toContainText('legacy');
});

test('Governance: delegate, voting power and votes from others on every chain; undelegated said plainly', async ({
  page,
  manifest,
  demo,
}) => {
  await page.goto(`/address/${demo}`);
  await waitForChains(page, CHAIN_IDS);
  const expected = { 10: ['OP', 'self'], 42161: ['ARB', 'other'], 324: ['ZK', 'undelegated'] } as const;
  for (const id of CHAIN_IDS) {
    const [symbol, status] = expected[id];
    const chain = manifest.chains[`${id}`];
    const row = page
      .getByTestId(`chain-${id}`)
      .locator(`[data-testid="governance-row"][data-symbol="${symbol}"]`);
    await expect(row).toHaveAttribute('data-status', status);
    const votes = await getVotes(chain.rpcUrl, chain.tokens[symbol] as Address, demo as Address);
    await expect(row.getByTestId('governance-votes')).toHaveText(`${formatAmount(votes, 18)} ${symbol}`);
    if (status === 'undelegated') await expect(row).toContainText('count for nothing');
    await expect(row).toContainText('power, not income');
  }
});

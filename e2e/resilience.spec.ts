import { parseUnits } from 'viem';
import { FAULT_KINDS, type FaultKind, type FaultProxy, startFaultProxy } from '../devnet/fault-proxy';
import { DEMO_HOLDINGS } from '../devnet/seed/base';
import { CHAINS, type ChainId } from '../lib/chains/registry';
import { SETTINGS_STORAGE_KEY } from '../lib/settings/settings';
import { expect, test, waitForChains } from './fixtures';

/** The chain the proxy stands in front of (set as its RPC URL in Settings); the other two stay exact. */
const FAULTY: ChainId = 42161;
const HEALTHY: ChainId[] = [10, 324];

const EXPECTED: Record<FaultKind, { state: 'error' | 'wrong-chain' | 'lagging'; words: RegExp }> = {
  down: { state: 'error', words: /unreachable/ },
  '429': { state: 'error', words: /rate-limiting \(HTTP 429\)/ },
  '500': { state: 'error', words: /answered HTTP 500/ },
  hang: { state: 'error', words: /did not answer within 6 s/ },
  malformed: { state: 'error', words: /not JSON/ },
  'wrong-chain': { state: 'wrong-chain', words: /answers for chain 10, not 42161/ },
  lagging: { state: 'lagging', words: /This node lags: its newest block is \d+ (min|h)/ },
  revert: { state: 'error', words: /every call reverts/ },
};

/**
 * Requests the faulty chain's RPC may get from one page load (the portfolio and the header's fee summary,
 * each failing request tried at most twice): no storm. A lagging node answers, so the page reads it in full
 * (every protocol, the past-window search); a reverting one answers everything but eth_call.
 */
const MAX_REQUESTS: Record<FaultKind, number> = {
  down: 8,
  '429': 8,
  '500': 8,
  hang: 4,
  malformed: 8,
  'wrong-chain': 4,
  lagging: 60,
  revert: 24,
};

/** Console errors a faulty RPC legitimately causes: the browser reporting the failed fetch. */
const NETWORK_NOISE = /Failed to load resource|net::ERR_|ERR_EMPTY_RESPONSE|ERR_CONNECTION/;

let proxy: FaultProxy;

test.beforeAll(async () => {
  const path = process.env.E2E_MANIFEST;
  if (!path) throw new Error('E2E_MANIFEST not set');
  const { readFileSync } = await import('node:fs');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as {
    chains: Record<string, { rpcUrl: string }>;
  };
  const target = manifest.chains[`${FAULTY}`]?.rpcUrl;
  const other = manifest.chains['10']?.rpcUrl;
  if (!target || !other) throw new Error('manifest lacks chains');
  proxy = await startFaultProxy({ target, wrongChainTarget: other });
});
test.afterAll(async () => {
  await proxy?.stop();
});

const usd = (text: string | null) => Number((text ?? '').replace(/[^0-9.-]/g, ''));

for (const kind of FAULT_KINDS) {
  test(`${kind} on one chain: it says what is wrong, the others stay exact, Retry recovers`, async ({
    page,
    demo,
    manifest,
  }) => {
    test.setTimeout(60_000);
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && !NETWORK_NOISE.test(m.text())) errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    await page.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
      SETTINGS_STORAGE_KEY,
      JSON.stringify({ rpc: { devnet: { [FAULTY]: proxy.url } } }),
    ] as const);
    await proxy.setFault(kind);
    proxy.reset();

    const started = Date.now();
    await page.goto(`/address/${demo}`);
    const section = page.getByTestId(`chain-${FAULTY}`);
    const expected = EXPECTED[kind];
    await expect(section).toHaveAttribute('data-state', expected.state, { timeout: 15_000 });
    const ms = Date.now() - started;
    // From the page's first request to the faulty RPC to the chain shown as failed.
    const fromFirst = Date.now() - (proxy.firstRequestAt ?? started);
    if (kind === 'hang') expect(fromFirst).toBeLessThan(10_000);
    console.log(
      `page, ${kind}: faulty chain shown as ${expected.state} ${fromFirst} ms after its first request (${ms} ms after navigation)`,
    );
    await expect(
      section.getByTestId(expected.state === 'lagging' ? 'chain-lagging' : 'chain-error'),
    ).toContainText(expected.words);

    // The other chains are exact, and the total is theirs alone, with the missing chain named beside it.
    await waitForChains(page, HEALTHY);
    for (const id of HEALTHY) {
      const chain = manifest.chains[`${id}`];
      for (const [symbol, decimals] of [
        ['ETH', 18],
        ['USDC', 6],
      ] as const) {
        const token = symbol === 'ETH' ? 'native' : chain.tokens[symbol];
        const row = page
          .getByTestId(`chain-${id}`)
          .locator(`[data-testid="balance-row"][data-token="${token}"]`);
        await expect(row.locator('[title$="base units"]')).toHaveAttribute(
          'title',
          `${parseUnits(DEMO_HOLDINGS[id][symbol] ?? '0', decimals)} base units`,
        );
      }
    }
    await expect(page.getByTestId('missing-chains')).toContainText(CHAINS[FAULTY].name);
    const totals = await Promise.all(
      HEALTHY.map(async (id) =>
        usd(await page.getByTestId(`chain-${id}`).getByTestId('chain-total').textContent()),
      ),
    );
    const total = usd(await page.getByTestId('portfolio-total').textContent());
    expect(Math.abs(total - totals.reduce((a, b) => a + b, 0))).toBeLessThan(0.02);

    const requests = proxy.requests;
    console.log(`page, ${kind}: ${requests} request(s) to the faulty RPC`);
    expect(requests).toBeLessThanOrEqual(MAX_REQUESTS[kind]);

    // The fault clears: Retry reads the chain again, exactly.
    await proxy.setFault(null);
    await section.getByRole('button', { name: 'Retry' }).click();
    await expect(section).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
    const eth = section.locator('[data-testid="balance-row"][data-token="native"]');
    await expect(eth.locator('[title$="base units"]')).toHaveAttribute(
      'title',
      `${parseUnits(DEMO_HOLDINGS[FAULTY].ETH ?? '0', 18)} base units`,
    );
    await expect(page.getByTestId('missing-chains')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
}

/** The demo address with the case of one letter flipped: still mixed case, its EIP-55 checksum now wrong. */
function badChecksum(address: string): string {
  const i = [...address].findIndex((ch, k) => k > 1 && /[a-fA-F]/.test(ch));
  const ch = address[i] ?? 'a';
  const flipped = ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase();
  return `${address.slice(0, i)}${flipped}${address.slice(i + 1)}`;
}

test('a bad EIP-55 checksum is refused, in the URL and in the search box, with no RPC call', async ({
  page,
  demo,
  rpcRequests,
}) => {
  const bad = badChecksum(demo);
  await page.goto(`/address/${bad}`);
  await expect(page.getByRole('main').getByRole('alert')).toContainText('EIP-55 checksum');
  await page.goto('/');
  const input = page.getByRole('main').getByLabel('Address or ENS name to watch');
  await input.fill(bad);
  await input.press('Enter');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('EIP-55 checksum');
  await expect(page).toHaveURL(/\/$/);
  await page.waitForTimeout(500);
  expect(rpcRequests).toEqual([]);
});

import { readFileSync } from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';
import { type DevnetManifest, parseManifest } from '../lib/chains/manifest';

/** Wallet methods that sign or send. The app must never request any of them. */
export const FORBIDDEN_WALLET_METHOD =
  /^(eth_sendTransaction|eth_sendRawTransaction|eth_sign|eth_signTransaction|eth_signTypedData.*|personal_sign|wallet_sendCalls|wallet_grantPermissions|eth_sendUserOperation)$/;

export const TEST_WALLET_NAME = 'Layerglass Test Wallet';

/**
 * An EIP-1193 wallet announced through EIP-6963. It answers the account and chain queries a connect
 * needs, refuses everything else, and reports every method it is asked for to the test.
 */
function injectWallet(account: string, walletName: string) {
  const w = window as unknown as Window & { __recordWalletRequest: (method: string) => void };
  const provider = {
    async request({ method }: { method: string; params?: unknown }) {
      w.__recordWalletRequest(method);
      // Like a real wallet: accounts are visible only once the user approved a connection (kept per tab).
      const granted = () => window.sessionStorage.getItem('test-wallet-granted') === '1';
      switch (method) {
        case 'eth_requestAccounts':
          window.sessionStorage.setItem('test-wallet-granted', '1');
          return [account];
        case 'eth_accounts':
          return granted() ? [account] : [];
        case 'eth_chainId':
          return '0xa';
        case 'net_version':
          return '10';
        case 'wallet_requestPermissions':
        case 'wallet_getPermissions':
          return [{ parentCapability: 'eth_accounts' }];
        case 'wallet_revokePermissions':
          window.sessionStorage.removeItem('test-wallet-granted');
          return null;
        default:
          throw Object.assign(new Error(`test wallet does not support ${method}`), { code: 4200 });
      }
    },
    on() {},
    removeListener() {},
  };
  const info = {
    uuid: '5d3c4a0e-9a55-4f0b-8f5e-1f5b6c3e9a11',
    name: walletName,
    icon: "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 8 8'><rect width='8' height='8' fill='%230284c7'/></svg>",
    rdns: 'dev.layerglass.testwallet',
  };
  const announce = () =>
    window.dispatchEvent(
      new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info, provider }) }),
    );
  window.addEventListener('eip6963:requestProvider', announce);
  announce();
}

interface Fixtures {
  manifest: DevnetManifest;
  demo: string;
  walletRequests: string[];
  rpcRequests: string[];
  cspViolations: string[];
}

/** Reports every Content-Security-Policy violation of the page (and its frames) to the test. */
function listenForCspViolations() {
  const w = window as unknown as Window & { __recordCspViolation: (text: string) => void };
  document.addEventListener('securitypolicyviolation', (e) => {
    w.__recordCspViolation(
      `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
    );
  });
}

export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring
  baseURL: async ({}, use) => {
    await use(process.env.E2E_BASE_URL);
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring
  manifest: async ({}, use) => {
    const path = process.env.E2E_MANIFEST;
    if (!path) throw new Error('E2E_MANIFEST not set: run through playwright.config.ts global setup');
    await use(parseManifest(JSON.parse(readFileSync(path, 'utf8'))));
  },
  demo: async ({ manifest }, use) => {
    const demo = manifest.accounts.demo;
    if (!demo) throw new Error('manifest has no demo account');
    await use(demo);
  },
  // Every test runs with the test wallet present, and fails if any signing or sending method is requested.
  walletRequests: [
    async ({ page, demo }, use) => {
      const requests: string[] = [];
      await page.exposeFunction('__recordWalletRequest', (method: string) => {
        requests.push(method);
      });
      await page.addInitScript(
        `(${injectWallet.toString()})(${JSON.stringify(demo)}, ${JSON.stringify(TEST_WALLET_NAME)})`,
      );
      await use(requests);
      const forbidden = requests.filter((m) => FORBIDDEN_WALLET_METHOD.test(m));
      expect(forbidden, `the app asked the wallet to sign or send: ${forbidden.join(', ')}`).toEqual([]);
    },
    { auto: true },
  ],
  // Every test runs under the served CSP, and fails if the page reports a violation of it.
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      await page.exposeFunction('__recordCspViolation', (text: string) => {
        violations.push(text);
      });
      await page.addInitScript(`(${listenForCspViolations.toString()})()`);
      page.on('console', (message) => {
        if (
          /Content[- ]Security[- ]Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())
        )
          violations.push(`console: ${message.text()}`);
      });
      await use(violations);
      expect(violations, 'the page broke its Content-Security-Policy').toEqual([]);
    },
    { auto: true },
  ],
  rpcRequests: async ({ page, manifest }, use) => {
    const rpcUrls = Object.values(manifest.chains).map((c) => c.rpcUrl);
    const requests: string[] = [];
    page.on('request', (request) => {
      if (rpcUrls.some((url) => request.url().startsWith(url))) requests.push(request.url());
    });
    await use(requests);
  },
});

export { expect };

export async function waitForChains(page: Page, chainIds: readonly number[]) {
  for (const id of chainIds) {
    await expect(page.getByTestId(`chain-${id}`)).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  }
}

/** The block a chain's section says it was read at (the devnet's head moves on every second). */
export async function pageBlock(page: Page, chainId: number): Promise<bigint> {
  const text = (await page.getByTestId(`chain-${chainId}`).getByTestId('chain-block').textContent()) ?? '';
  const match = /block (\d+)/.exec(text);
  if (!match?.[1]) throw new Error(`chain ${chainId}: no block in "${text}"`);
  return BigInt(match[1]);
}

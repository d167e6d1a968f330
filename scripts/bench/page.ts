import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium, type Page } from 'playwright-core';
import type { Address, Hex } from 'viem';
import { DevnetChain, snapshotOf } from '../../devnet/chain';
import { mintManyWethUsdcPositions } from '../../devnet/seed/uniswap-v3';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/chromium';
import type { DevnetManifest } from '../../lib/chains/manifest';
import { CHAIN_IDS } from '../../lib/chains/registry';
import { serve } from '../serve';
import { recordShifts, type Shift, shiftsOf } from './shifts';

/** The build measured: out/, or another export (`LAYERGLASS_BENCH_OUT`, e.g. a copy of an earlier build). */
const OUT = process.env.LAYERGLASS_BENCH_OUT ?? join(import.meta.dirname, '..', '..', 'out');
const RUNS = Number(process.env.LAYERGLASS_BENCH_LIGHTHOUSE_RUNS ?? 3);
/** The whale: this many Uniswap V3 positions on each chain (minted in a snapshot, reverted after). */
const WHALE_POSITIONS = Number(process.env.LAYERGLASS_BENCH_WHALE_POSITIONS ?? 500);
const WHALE: Address = '0x000000000000000000000000000000000000a500';

function spread(values: readonly number[], format: (n: number) => string): string {
  const s = [...values].sort((a, b) => a - b);
  const at = (i: number) => format(s[i] ?? Number.NaN);
  return `${at(0)} / ${at(Math.floor(s.length / 2))} / ${at(s.length - 1)}`;
}

interface Run {
  score: number;
  lcp: number;
  tbt: number;
  cls: number;
  fcp: number;
  si: number;
}

/**
 * One Lighthouse 12 run, retried up to twice when Lighthouse itself fails to record the load (its
 * `NO_NAVSTART` and other trace errors, seen now and then on this machine): such a run measures nothing.
 */
async function lighthouseRun(url: string): Promise<Run> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await lighthouseOnce(url);
    } catch (error) {
      if (attempt >= 3 || !/lighthouse: /.test(String(error))) throw error;
      console.log(`    (Lighthouse failed to record a run, run again: ${String(error).slice(0, 120)})`);
    }
  }
}

/** One Lighthouse 12 run (default config: mobile, simulated throttling) in a fresh chromium profile. */
async function lighthouseOnce(url: string): Promise<Run> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      onlyCategories: ['performance'],
      output: 'json',
      logLevel: 'error',
    });
    if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.message}`);
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    return {
      score: Math.round((lhr.categories.performance?.score ?? Number.NaN) * 100),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      fcp: audit('first-contentful-paint'),
      si: audit('speed-index'),
    };
  } finally {
    chrome.kill();
  }
}

async function benchLighthouse(base: string, pages: readonly [string, string][]) {
  console.log(
    `Lighthouse 12 mobile (simulated throttling), Debian chromium headless, ${RUNS} runs each, fresh profile (no saved connection); min / median / max:`,
  );
  for (const [label, path] of pages) {
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await lighthouseRun(`${base}${path}`));
    const ms = (n: number) => `${(n / 1000).toFixed(2)} s`;
    console.log(`  ${label}`);
    console.log(
      `    performance ${spread(
        runs.map((r) => r.score),
        String,
      )}`,
    );
    console.log(
      `    LCP ${spread(
        runs.map((r) => r.lcp),
        ms,
      )}   FCP ${spread(
        runs.map((r) => r.fcp),
        ms,
      )}`,
    );
    console.log(
      `    TBT ${spread(
        runs.map((r) => r.tbt),
        (n) => `${Math.round(n)} ms`,
      )}   SI ${spread(
        runs.map((r) => r.si),
        ms,
      )}`,
    );
    console.log(
      `    CLS ${spread(
        runs.map((r) => r.cls),
        (n) => n.toFixed(3),
      )}`,
    );
  }
}

async function chainsReady(page: Page) {
  for (const id of CHAIN_IDS) {
    try {
      await page.locator(`[data-testid="chain-${id}"][data-state="ready"]`).waitFor({ timeout: 60_000 });
    } catch (error) {
      // Say what the chain shows instead (an error, a lag) rather than only that it never became ready.
      const shown = await page
        .locator(`[data-testid="chain-${id}"]`)
        .textContent()
        .catch(() => 'no section');
      throw new Error(`chain ${id} never became ready; it shows: ${(shown ?? '').slice(0, 400)}`, {
        cause: error,
      });
    }
  }
}

/** From navigation until every chain section is read and drawn (a fresh page each run), and the DOM's size. */
async function timeUntilDrawn(base: string, address: string, runs: number) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const times: number[] = [];
    const filled: number[] = [];
    let dom = { elements: 0, rows: 0 };
    // The layout shifts of the run that shifted most (what moved, from where to where).
    let worst: Shift[] = [];
    const cls = (shifts: readonly Shift[]) => shifts.reduce((a, x) => a + x.value, 0);
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
      await recordShifts(page);
      const t = performance.now();
      await page.goto(`${base}/address/${address}`);
      await chainsReady(page);
      // Drawn: two animation frames after the last chain turned ready.
      await page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))),
      );
      times.push(performance.now() - t);
      // The lists below the fold are drawn after, in turn (useDrawInTurn): until the last is in the DOM.
      await page
        .locator('[data-protocol] [aria-busy="true"]')
        .first()
        .waitFor({ state: 'detached', timeout: 60_000 });
      filled.push(performance.now() - t);
      const shifts = await shiftsOf(page);
      if (cls(shifts) > cls(worst)) worst = shifts;
      dom = await page.evaluate(() => ({
        elements: document.getElementsByTagName('*').length,
        rows: document.querySelectorAll('[data-protocol] li, [data-protocol] tr').length,
      }));
      await page.close();
    }
    return { times, filled, dom, worst: { cls: cls(worst), shifts: worst } };
  } finally {
    await browser.close();
  }
}

/** The whale's page: time until every chain section is read and drawn, and how much of it is in the DOM. */
async function benchWhale(manifest: DevnetManifest, base: string) {
  const chains = CHAIN_IDS.map((id) => {
    const m = manifest.chains[`${id}`];
    return { id, m, devnet: new DevnetChain(id, m.rpcUrl, []) };
  });
  const snapshots = await Promise.all(chains.map((c) => c.devnet.request<Hex>('evm_snapshot', [])));
  try {
    const started = performance.now();
    for (const { m, devnet } of chains) {
      const { UniswapV3Factory: factory, UniswapV3NonfungiblePositionManager: positionManager } = m.contracts;
      const { WETH: weth, USDC: usdc } = m.tokens;
      const lp = manifest.accounts.deployer;
      if (!factory || !positionManager || !weth || !usdc || !lp) throw new Error('devnet has no Uniswap V3');
      await mintManyWethUsdcPositions(devnet, {
        factory,
        positionManager,
        weth,
        usdc,
        lp,
        recipient: WHALE,
        count: WHALE_POSITIONS,
      });
    }
    console.log(
      `whale: ${WHALE_POSITIONS} Uniswap V3 positions on each of ${chains.length} chains, minted in ${Math.round(performance.now() - started)} ms (snapshot)`,
    );
    const { times, filled, dom } = await timeUntilDrawn(base, WHALE, 3);
    console.log(
      `  page until all 3 chains drawn: ${spread(times, (n) => `${(n / 1000).toFixed(2)} s`)} (min / median / max of 3, reads included); every list: ${spread(filled, (n) => `${(n / 1000).toFixed(2)} s`)}`,
    );
    console.log(`  DOM: ${dom.elements} elements, ${dom.rows} position rows rendered`);
  } finally {
    await Promise.all(chains.map((c, i) => c.devnet.revert(snapshotOf(snapshots, i))));
  }
}

/** Everything a first visit fetches until the page is read and drawn, JS split into first load and lazy. */
async function benchTransfer(
  base: string,
  pages: readonly [string, string, (page: Page) => Promise<void>][],
) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    console.log(
      'JS a first visit fetches until the page is drawn (gzip -9 of each script; no wallet code expected):',
    );
    for (const [label, path, ready] of pages) {
      const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
      const scripts: Promise<{ url: string; gzip: number; wallet: boolean }>[] = [];
      page.on('response', (response) => {
        if (response.url().endsWith('.js'))
          scripts.push(
            response
              .body()
              .then((b) => ({
                url: response.url(),
                gzip: gzipSync(b, { level: 9 }).length,
                wallet: b.includes('eip6963:requestProvider'),
              }))
              .catch(() => ({ url: response.url(), gzip: 0, wallet: false })),
          );
      });
      await page.goto(`${base}${path}`);
      await ready(page);
      await page.waitForLoadState('networkidle');
      const all = await Promise.all(scripts);
      const html = await (await fetch(`${base}${path}`)).text();
      const initial = all.filter((s) => html.includes(new URL(s.url).pathname));
      const lazy = all.filter((s) => !html.includes(new URL(s.url).pathname));
      const sum = (xs: { gzip: number }[]) => (xs.reduce((a, x) => a + x.gzip, 0) / 1024).toFixed(1);
      const wallet = all.filter((x) => x.wallet).length;
      console.log(
        `  ${label.padEnd(18)} ${sum(all)} KiB in ${all.length} scripts: ${sum(initial)} KiB in the HTML, ${sum(lazy)} KiB lazy (${lazy.length} chunks); wallet (wagmi) chunks fetched: ${wallet}`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

/**
 * The page as a visitor gets it, from the existing out/ build (nothing is built here), served by
 * scripts/serve.ts against the bench's devnet: Lighthouse on the demo address and /fees, and the whale.
 */
export async function benchPage(manifest: DevnetManifest): Promise<void> {
  if (!existsSync(join(OUT, 'index.html'))) {
    console.log('no build in out/: run `npm run build` first for page figures');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'layerglass-bench-'));
  const manifestPath = join(dir, 'devnet.json');
  writeFileSync(manifestPath, JSON.stringify(manifest));
  const server = await serve({ root: OUT, port: Number(process.env.PORT ?? 0), manifestPath });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const demo = manifest.accounts.demo;
    if (!demo) throw new Error('manifest has no demo account');
    await benchTransfer(base, [
      ['/', '/', async () => {}],
      ['/address/<demo>', `/address/${demo}`, (page) => chainsReady(page)],
      [
        '/fees',
        '/fees',
        async (page) => {
          for (const id of CHAIN_IDS)
            await page.getByTestId(`fees-head-${id}`).getByText('block').waitFor({ timeout: 120_000 });
        },
      ],
    ]);
    const demoPage = await timeUntilDrawn(base, demo, 5);
    console.log(
      `/address/<demo> from navigation until all 3 chains drawn: ${spread(demoPage.times, (n) => `${(n / 1000).toFixed(2)} s`)} (min / median / max of 5, fresh page each, local devnet, no added latency)`,
    );
    console.log(
      `  until every list below the fold is drawn too: ${spread(demoPage.filled, (n) => `${(n / 1000).toFixed(2)} s`)}`,
    );
    console.log(
      `  layout shift until drawn, worst of the 5 runs (412×823, no throttling): ${demoPage.worst.cls.toFixed(3)}`,
    );
    for (const shift of demoPage.worst.shifts.slice(0, 5))
      console.log(`    at ${shift.at} ms, ${shift.value.toFixed(3)}: ${shift.sources.join(' | ')}`);
    if (process.env.LAYERGLASS_BENCH_SKIP_LIGHTHOUSE !== '1')
      await benchLighthouse(base, [
        [`/address/<demo>`, `/address/${demo}`],
        ['/fees', '/fees'],
      ]);
    if (process.env.LAYERGLASS_BENCH_SKIP_WHALE !== '1') await benchWhale(manifest, base);
  } finally {
    server.close();
  }
}

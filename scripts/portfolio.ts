import type { Address } from 'viem';
import { CHAINS } from '../lib/chains/registry';
import { resolveEnsName } from '../lib/ens/resolve';
import { formatAmount, formatPercent, formatUsd } from '../lib/format/index';
import { bundleJson, portfolioJson } from '../lib/portfolio/json';
import { readPortfolio } from '../lib/portfolio/read';
import { bundleTotals, chainTotal, portfolioTotals } from '../lib/portfolio/select';
import type { Portfolio } from '../lib/portfolio/types';
import { positionValue } from '../lib/portfolio/value';
import { PROTOCOL_MODULES } from '../lib/protocols/registry';
import { loadEnsConfig, loadNetwork, networkClients, parseNetworkFlag } from './network';
import { parsePortfolioArgs } from './portfolio-args';

async function main(argv: string[]): Promise<number> {
  // Every member is checked before any client exists: a bad one makes no RPC call.
  const args = parsePortfolioArgs(argv);
  if ('error' in args) {
    console.error(`error: ${args.error}`);
    return 2;
  }
  const networkName = parseNetworkFlag(args.network === undefined ? [] : ['--network', args.network]);
  const network = loadNetwork(networkName);
  const addresses: Address[] = [];
  for (const t of args.targets) {
    if (t.kind === 'address') {
      addresses.push(t.address);
      continue;
    }
    const resolved = await resolveEnsName(loadEnsConfig(networkName), t.name);
    if (!resolved.ok) {
      console.error(`error: ${resolved.message}`);
      return 2;
    }
    if (!args.json)
      console.error(`${t.name} → ${resolved.address} (ENS, Ethereum block ${resolved.blockNumber})`);
    addresses.push(resolved.address);
  }
  const unique = addresses.filter(
    (a, i) => addresses.findIndex((b) => b.toLowerCase() === a.toLowerCase()) === i,
  );
  const clients = networkClients(network);
  const portfolios = await Promise.all(
    unique.map((a) => readPortfolio(network, a, clients, { blockNumbers: args.blocks })),
  );

  if (args.json) {
    const out =
      portfolios.length === 1 && portfolios[0] ? portfolioJson(portfolios[0]) : bundleJson(portfolios);
    console.log(JSON.stringify(out, null, 2));
    return 0;
  }
  if (portfolios.length > 1) {
    const b = bundleTotals(portfolios.map((p) => ({ address: p.address, chains: countedChains(p) })));
    console.log(`bundle of ${portfolios.length} addresses on ${network.name}: ${formatUsd(b.total.usdE18)}`);
    for (const a of b.perAddress) console.log(`  ${a.address} ${formatUsd(a.total.usdE18).padStart(14)}`);
    printIncome(b.income);
  }
  for (const portfolio of portfolios) printPortfolio(portfolio, network.name);
  return 0;
}

function countedChains(p: Portfolio) {
  return p.chains.filter((c) => c.error === null);
}

function printIncome(i: ReturnType<typeof bundleTotals>['income']) {
  const perYear = i.perYear.baseUsd + i.perYear.rewardUsd;
  const share = i.sustainableShare === null ? '—' : formatPercent(i.sustainableShare);
  console.log(
    `  income: $${perYear.toFixed(2)}/year ($${i.perDayUsd.toFixed(2)}/day), ${share} sustainable; yield unknown on $${i.unknownYieldUsd.toFixed(2)}; ${i.unpricedPositions} unpriced position(s)`,
  );
}

function printPortfolio(portfolio: Portfolio, networkName: string) {
  const totals = portfolioTotals(
    portfolio.chains.map((c) => ({ chainId: c.chainId, chain: c.error === null ? c : null })),
  );
  const total = totals.total;
  console.log(
    `${portfolio.address} on ${networkName}: ${formatUsd(total.usdE18)}${total.includesUntrusted ? ' (includes stale prices)' : ''}`,
  );
  printIncome(bundleTotals([{ address: portfolio.address, chains: countedChains(portfolio) }]).income);
  for (const chain of portfolio.chains) {
    const spec = CHAINS[chain.chainId];
    if (chain.error) {
      console.log(`\n${spec.name} (${chain.chainId}): ERROR ${chain.error}`);
      continue;
    }
    const value = chainTotal(chain);
    console.log(
      `\n${spec.name} (${chain.chainId}) at block ${chain.blockNumber}: ${formatUsd(value.usdE18)}`,
    );
    for (const p of chain.positions) {
      const assets = p.assets
        .map((a) => {
          const flag = a.price.status === 'ok' ? '' : ` [price ${a.price.status}]`;
          return `${formatAmount(a.amount, a.decimals)} ${a.symbol}${flag}`;
        })
        .join(' + ');
      const claimable = p.rewards.map((a) => `${formatAmount(a.amount, a.decimals)} ${a.symbol}`).join(' + ');
      const shown = claimable ? `${assets}${assets ? ' ' : ''}(claimable ${claimable})` : assets;
      const y = p.yield
        ? `  yield ${formatPercent(p.yield.baseApr + p.yield.rewardApr)} (${p.yield.window})`
        : '';
      const warn = p.warning ? `  ! ${p.warning}` : '';
      console.log(
        `  ${p.protocol.padEnd(12)} ${p.kind.padEnd(9)} ${shown.padEnd(48)} ${formatUsd(positionValue(p).usdE18).padStart(14)}${y}${warn}`,
      );
      const rewards = p.rewards
        .filter((a) => a.amount > 0n)
        .map((a) => `${formatAmount(a.amount, a.decimals)} ${a.symbol}`)
        .join(' + ');
      if (rewards) console.log(`${' '.repeat(25)}uncollected: ${rewards}`);
      for (const m of PROTOCOL_MODULES)
        for (const line of m.positionLines(p)) console.log(`${' '.repeat(25)}${line}`);
    }
    for (const s of chain.summaries)
      for (const m of PROTOCOL_MODULES) for (const line of m.summaryLines(s)) console.log(`  ${line}`);
    for (const e of chain.protocolErrors) console.log(`  ${e.protocol}: ERROR ${e.error}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

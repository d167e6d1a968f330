import type { Address } from 'viem';
import { readPathLabel } from '../lib/chains/read-path';
import { CHAINS, type ChainId } from '../lib/chains/registry';
import { resolveEnsName } from '../lib/ens/resolve';
import { formatAmount, formatPercent, formatUsd } from '../lib/format/index';
import { bundleJson, portfolioJson } from '../lib/portfolio/json';
import { readPortfolio } from '../lib/portfolio/read';
import {
  bundleTotals,
  chainLag,
  chainTotal,
  formatAge,
  missingChainText,
  portfolioTotals,
  positionUsdE18,
} from '../lib/portfolio/select';
import type { ChainPortfolio, Portfolio } from '../lib/portfolio/types';
import { parseEntryFlags } from '../lib/protocols/entries';
import { PROTOCOL_MODULES } from '../lib/protocols/registry';
import { STAKING_REWARDS_ID } from '../lib/protocols/staking-rewards/types';
import { VAULTS_ID } from '../lib/protocols/vaults/types';
import { exitAfterFlush } from './exit';
import { loadEnsConfig, loadNetwork, networkClients, parseNetworkFlag } from './network';
import { parsePortfolioArgs } from './portfolio-args';

/** An unknown value is a dash, never $0.00. */
const usdOrDash = (usdE18: bigint | null) => (usdE18 === null ? '—' : formatUsd(usdE18));

/** The modules whose contracts a user adds by address, and the flag each takes (`--farm 10:0x…`, repeatable). */
const ENTRY_FLAGS: readonly [flag: string, module: string][] = [
  ['farm', STAKING_REWARDS_ID],
  ['vault', VAULTS_ID],
];

async function main(argv0: string[]): Promise<number> {
  // Every member and every entry is checked before any client exists: a bad one makes no RPC call.
  let argv = argv0;
  const userEntries: Partial<Record<ChainId, Record<string, readonly Address[]>>> = {};
  for (const [flag, module] of ENTRY_FLAGS) {
    const parsed = parseEntryFlags(argv, flag);
    if ('error' in parsed) {
      console.error(`error: ${parsed.error}`);
      return 2;
    }
    argv = parsed.rest;
    for (const [id, list] of Object.entries(parsed.entries)) {
      const chainId = Number(id) as ChainId;
      userEntries[chainId] = { ...userEntries[chainId], [module]: list ?? [] };
    }
  }
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
    unique.map((a) => readPortfolio(network, a, clients, { blockNumbers: args.blocks, userEntries })),
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

/** The chains that count in totals and income: not failed, not answering for another chain, not lagging. */
function countedChains(p: Portfolio): ChainPortfolio[] {
  const totals = portfolioTotals(p.chains.map((c) => ({ chainId: c.chainId, chain: c })));
  const missing = new Set(totals.missingChains.map((m) => m.chainId));
  return p.chains.filter((c) => c.error === null && !missing.has(c.chainId));
}

function printIncome(i: ReturnType<typeof bundleTotals>['income']) {
  const perYear = i.perYear.baseUsd + i.perYear.rewardUsd;
  const share = i.sustainableShare === null ? '—' : formatPercent(i.sustainableShare);
  console.log(
    `  income: $${perYear.toFixed(2)}/year ($${i.perDayUsd.toFixed(2)}/day), ${share} sustainable; yield unknown on $${i.unknownYieldUsd.toFixed(2)}; ${i.unpricedPositions} unpriced position(s)`,
  );
}

function printPortfolio(portfolio: Portfolio, networkName: string) {
  const totals = portfolioTotals(portfolio.chains.map((c) => ({ chainId: c.chainId, chain: c })));
  const total = totals.total;
  // The first line says what the total lacks: chains left out (and why) and protocols that failed.
  const lacks = [
    ...totals.missingChains.map((m) => `${missingChainText(m)} (${m.chainId})`),
    ...totals.missingProtocols.map((m) => `${m.protocol} on ${CHAINS[m.chainId].name}`),
  ];
  console.log(
    `${portfolio.address} on ${networkName}: ${formatUsd(total.usdE18)}${total.includesUntrusted ? ' (includes stale prices)' : ''}${lacks.length > 0 ? ` — NOT INCLUDED: ${lacks.join('; ')}` : ''}`,
  );
  printIncome(bundleTotals([{ address: portfolio.address, chains: countedChains(portfolio) }]).income);
  for (const chain of portfolio.chains) {
    const spec = CHAINS[chain.chainId];
    if (chain.error) {
      const kind = chain.errorKind === 'wrong-chain' ? 'WRONG CHAIN' : 'ERROR';
      console.log(`\n${spec.name} (${chain.chainId}): ${kind} ${chain.error}`);
      continue;
    }
    const value = chainTotal(chain);
    const lag = chainLag(chain);
    console.log(
      `\n${spec.name} (${chain.chainId}) at block ${chain.blockNumber}: ${formatUsd(value.usdE18)}${lag ? ` LAGGING: head ${formatAge(lag.ageSeconds)} old (over ${lag.maxSeconds} s), not in the total` : ''}${chain.read ? ` · read ${readPathLabel(chain.read.path)}` : ''}`,
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
        ? p.yield.baseApr === 0 && p.yield.rewardApr === 0
          ? '  earns nothing'
          : `  yield ${formatPercent(p.yield.baseApr + p.yield.rewardApr)} (${p.yield.window})`
        : '  yield unknown';
      const warn = p.warning ? `  ! ${p.warning}` : '';
      const counted = p.countedIn ? `  (counted in ${p.countedIn})` : '';
      console.log(
        `  ${p.protocol.padEnd(12)} ${p.kind.padEnd(9)} ${shown.padEnd(48)} ${usdOrDash(positionUsdE18(p)).padStart(14)}${y}${counted}${warn}`,
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
  (code) => exitAfterFlush(code),
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    exitAfterFlush(1);
  },
);

import type { Address } from 'viem';
import { CHAINS, type ChainId } from '../lib/chains/registry';
import { formatAmount, formatPercent, formatUsd } from '../lib/format/index';
import { portfolioJson } from '../lib/portfolio/json';
import { readPortfolio } from '../lib/portfolio/read';
import {
  chainLag,
  chainTotal,
  formatAge,
  missingChainText,
  portfolioTotals,
  positionUsdE18,
} from '../lib/portfolio/select';
import { parseEntryFlags } from '../lib/protocols/entries';
import { PROTOCOL_MODULES } from '../lib/protocols/registry';
import { STAKING_REWARDS_ID } from '../lib/protocols/staking-rewards/types';
import { VAULTS_ID } from '../lib/protocols/vaults/types';
import { parseAddressInput } from '../lib/settings/settings';
import { loadNetwork, networkClients, parseNetworkFlag } from './network';

/** An unknown value is a dash, never $0.00. */
const usdOrDash = (usdE18: bigint | null) => (usdE18 === null ? '—' : formatUsd(usdE18));

const USAGE =
  'usage: npm run portfolio -- <address> [--network devnet|mainnet] [--json] [--farm <chainId>:<address>]… [--vault <chainId>:<address>]…';

/** The modules whose contracts a user adds by address, and the flag each takes (repeatable). */
const ENTRY_FLAGS: readonly [flag: string, module: string][] = [
  ['farm', STAKING_REWARDS_ID],
  ['vault', VAULTS_ID],
];

async function main(argv0: string[]): Promise<number> {
  // Checked before any client exists: a bad entry makes no RPC call.
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
  const args = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--network');
  const json = argv.includes('--json');
  const networkName = parseNetworkFlag(argv);
  const address = args[0];
  if (!address) {
    console.error(USAGE);
    return 2;
  }
  // Checked before any client exists: a bad address (or a bad EIP-55 checksum) makes no RPC call.
  const owner = parseAddressInput(address);
  if ('error' in owner) {
    console.error(
      /checksum/i.test(owner.error)
        ? `error: "${address}": ${owner.error}`
        : `error: "${address}" is not an Ethereum address (0x followed by 40 hex characters)`,
    );
    return 2;
  }
  const network = loadNetwork(networkName);
  const portfolio = await readPortfolio(network, owner.address, networkClients(network), { userEntries });

  if (json) {
    console.log(JSON.stringify(portfolioJson(portfolio), null, 2));
    return 0;
  }
  const totals = portfolioTotals(portfolio.chains.map((c) => ({ chainId: c.chainId, chain: c })));
  const total = totals.total;
  // The first line says what the total lacks: chains left out (and why) and protocols that failed.
  const lacks = [
    ...totals.missingChains.map((m) => `${missingChainText(m)} (${m.chainId})`),
    ...totals.missingProtocols.map((m) => `${m.protocol} on ${CHAINS[m.chainId].name}`),
  ];
  console.log(
    `${portfolio.address} on ${network.name}: ${formatUsd(total.usdE18)}${total.includesUntrusted ? ' (includes stale prices)' : ''}${lacks.length > 0 ? ` — NOT INCLUDED: ${lacks.join('; ')}` : ''}`,
  );
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
      `\n${spec.name} (${chain.chainId}) at block ${chain.blockNumber}: ${formatUsd(value.usdE18)}${lag ? ` LAGGING: head ${formatAge(lag.ageSeconds)} old (over ${lag.maxSeconds} s), not in the total` : ''}`,
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
        `  ${p.protocol.padEnd(12)} ${p.kind.padEnd(9)} ${shown.padEnd(48)} ${usdOrDash(positionUsdE18(p)).padStart(14)}${y}${warn}`,
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
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

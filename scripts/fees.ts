import { CHAINS } from '../lib/chains/registry';
import { feeActionSpec } from '../lib/fees/catalog';
import { feesJson } from '../lib/fees/json';
import { cheapestByAction, quoteAllChains } from '../lib/fees/quote';
import type { ActionQuote, FeePart } from '../lib/fees/types';
import { formatAmount, formatUsd } from '../lib/format/index';
import { exitAfterFlush } from './exit';
import { loadNetwork, networkClients, parseNetworkFlag } from './network';

const USAGE = 'usage: npm run fees [-- --network devnet|mainnet] [--json]';

const eth = (wei: bigint | null) => (wei === null ? '—' : `${formatAmount(wei, 18, 9)} ETH`);
const gwei = (wei: bigint) => `${formatAmount(wei, 9, 6)} gwei`;

function part(p: FeePart): string {
  if (p.status === 'included') return 'in execution';
  if (p.status === 'unavailable') return 'unavailable';
  return `${p.status === 'upper-bound' ? '≤' : ''}${eth(p.wei)}`;
}

function row(a: ActionQuote, cheapest: boolean): string {
  const label = feeActionSpec(a.action).label.padEnd(16);
  if (a.error !== null) return `  ${label} unavailable: ${a.error}`;
  const typical = a.gasSource?.kind === 'typical';
  const gas = `${typical ? '~' : ''}${a.gas === null ? '—' : formatAmount(a.gas, 0)}`.padStart(10);
  const total = a.totalWei === null ? 'unknown' : eth(a.totalWei);
  return `  ${label}${gas}  ${part(a.execution).padEnd(22)}${part(a.l1Data).padEnd(22)}${total.padEnd(22)}${formatUsd(a.totalUsdE18).padStart(9)}${cheapest ? '  ★ cheapest' : ''}`;
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const json = argv.includes('--json');
  const network = loadNetwork(parseNetworkFlag(argv));
  const results = await quoteAllChains(network, networkClients(network));
  const cheapest = cheapestByAction(results);

  if (json) {
    console.log(JSON.stringify(feesJson(network.name, results, cheapest), null, 2));
    return 0;
  }
  console.log(`Chain fees on ${network.name}: what each action costs now, L2 execution + L1 data`);
  for (const r of results) {
    const spec = CHAINS[r.chainId];
    if (!r.ok) {
      console.log(`\n${spec.name} (${r.chainId}): ERROR ${r.error}`);
      continue;
    }
    const q = r.quote;
    const price =
      q.ethUsd.status === 'ok'
        ? formatUsd(q.ethUsd.usdE18)
        : `${formatUsd(q.ethUsd.usdE18)} [${q.ethUsd.status}]`;
    const tip = spec.fees.priorityFeeIgnored ? ' (tips ignored)' : ` + tip ${gwei(q.gasPrice.priorityFee)}`;
    console.log(
      `\n${spec.name} (${r.chainId}) at block ${q.blockNumber}: base fee ${gwei(q.gasPrice.baseFee)}${tip}; ETH ${price}`,
    );
    if (q.model.type === 'op-stack') {
      const forks = Object.entries(q.model.forks)
        .filter(([, on]) => on)
        .map(([name]) => name)
        .join(', ');
      console.log(
        `  L1 base fee ${q.model.l1BaseFee === null ? '—' : gwei(q.model.l1BaseFee)}, blob base fee ${q.model.blobBaseFee === null ? '—' : gwei(q.model.blobBaseFee)}; forks: ${forks || 'unknown'}`,
      );
    } else if (q.model.type === 'arbitrum') {
      console.log(
        `  L1 price per calldata unit ${q.model.l1PricePerUnit === null ? '—' : gwei(q.model.l1PricePerUnit)}`,
      );
    } else {
      console.log(
        `  L1 data (pubdata) is charged as gas inside each estimate; gas per pubdata byte: ${q.model.gasPerPubdata === null ? (q.model.gasPerPubdataNote ?? '—') : q.model.gasPerPubdata}`,
      );
    }
    console.log(
      `  ${'action'.padEnd(16)}${'gas'.padStart(10)}  ${'L2 execution'.padEnd(22)}${'L1 data'.padEnd(22)}${'total'.padEnd(22)}${'USD'.padStart(9)}`,
    );
    for (const a of q.actions) console.log(row(a, (cheapest[a.action] ?? []).includes(r.chainId)));
    const notes = q.actions.flatMap((a) => {
      const label = feeActionSpec(a.action).label;
      const out: string[] = [];
      if (a.gasSource?.kind === 'typical') out.push(`~ ${label}: ${a.gasSource.reason}`);
      // zkSync's L1 part is always inside the gas; its model line says so once.
      const said = a.l1Data.status === 'ok' || (a.l1Data.status === 'included' && q.model.type === 'zksync');
      if (!said && a.error === null && a.l1Data.note) out.push(`${label} L1 data: ${a.l1Data.note}`);
      return out;
    });
    for (const n of [...notes, ...q.warnings]) console.log(`  note: ${n}`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => exitAfterFlush(code),
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    exitAfterFlush(1);
  },
);

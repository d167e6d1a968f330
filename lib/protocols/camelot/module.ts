import { call } from '../../chains/multicall';
import { formatAmount } from '../../format/index';
import { erc20Abi } from '../../tokens/metadata';
import { runBatchChecks } from '../check';
import { defineModule } from '../module';
import { factoryAbi, masterAbi } from './abi';
import { camelotJobs } from './lens';
import { type CamelotDeployment, readCamelot } from './read';
import { CAMELOT_ID, type CamelotDetails, isCamelotDetails } from './types';

export { isCamelotDetails } from './types';

/**
 * Camelot V2 on Arbitrum. Addresses: Camelot's docs (docs.camelot.exchange contracts pages) and DefiLlama's
 * camelot-v2 adapter agree on the factory, Master and GRAIL; xGRAIL from Camelot's xGRAIL docs page
 * (shared/reference/staking-facts.md §1.3).
 */
export const CAMELOT_MAINNET: CamelotDeployment = {
  factory: '0x6EcCab422D763aC031210895C81787E87B43A652',
  master: '0x55401A4F396b3655f66bf6948A1A4DC61Dfc21f4',
  grail: '0x3d9907F9a368ad0a51Be60f7Da3b97cf940982D8',
  xGrail: '0x3CAaE25Ee616f2C8E13C74dA0813402eae3F496b',
};

export function describeCamelot(d: CamelotDetails): string[] {
  const lines = [`${(d.share * 100).toPrecision(3)}% of the ${d.pairLabel} pool`];
  if (d.spNft) {
    const s = d.spNft;
    const lock =
      s.lockEnd === null
        ? 'unlocked'
        : `locked until ${new Date(Number(s.lockEnd) * 1000).toISOString().slice(0, 10)}`;
    lines.push(
      `spNFT #${s.tokenId}: ${lock}, multiplier ×${s.multiplier.toFixed(2)}; pending ${formatAmount(s.pendingGrail, 18)} GRAIL + ${formatAmount(s.pendingXGrail, 18)} xGRAIL`,
    );
  }
  for (const n of d.poolImplied) lines.push(n);
  for (const n of d.yieldNotes) lines.push(n);
  return lines;
}

export const camelotModule = defineModule<CamelotDeployment>({
  id: CAMELOT_ID,
  name: 'Camelot V2',
  order: 30,
  kinds: ['liquidity', 'farming'],
  deployment: {
    devnet: (c) => {
      const factory = c['Camelot.Factory'];
      const master = c['Camelot.Master'];
      const grail = c['Camelot.GRAIL'];
      const xGrail = c['Camelot.xGRAIL'];
      return factory && master && grail && xGrail ? { factory, master, grail, xGrail } : null;
    },
    mainnet: { 42161: CAMELOT_MAINNET },
  },
  lens: camelotJobs,
  read: readCamelot,
  positionLines: (p) => (isCamelotDetails(p.details) ? describeCamelot(p.details) : []),
  check: (ctx, d) =>
    runBatchChecks(ctx, (batch) => {
      const pairs = batch.add(call(d.factory, factoryAbi, 'allPairsLength'));
      const pools = batch.add(call(d.master, masterAbi, 'poolsLength'));
      const grail = batch.add(call(d.grail, erc20Abi, 'symbol'));
      const xGrail = batch.add(call(d.xGrail, erc20Abi, 'symbol'));
      const is = (r: ReturnType<typeof grail>, want: string) =>
        r.ok && r.value === want ? { ok: true } : { ok: false, error: r.ok ? `symbol ${r.value}` : r.error };
      return [
        [
          'CamelotFactory.allPairsLength',
          d.factory,
          () => (pairs().ok ? { ok: true } : { ok: false, error: 'allPairsLength failed' }),
        ],
        [
          'Camelot Master.poolsLength',
          d.master,
          () => (pools().ok ? { ok: true } : { ok: false, error: 'poolsLength failed' }),
        ],
        ['GRAIL', d.grail, () => is(grail(), 'GRAIL')],
        ['xGRAIL', d.xGrail, () => is(xGrail(), 'xGRAIL')],
      ];
    }),
});

import { call } from '../../chains/multicall';
import { runBatchChecks } from '../check';
import type { CheckContext, DeploymentCheck } from '../module';
import { votesAbi } from './abi';
import type { GovernanceDeployment } from './addresses';

/** Confirms each voting token has code and answers ERC20Votes' `getVotes` and `delegates`. */
export function checkGovernance(ctx: CheckContext, d: GovernanceDeployment): Promise<DeploymentCheck[]> {
  const probe = '0x000000000000000000000000000000000000dEaD';
  return runBatchChecks(ctx, (batch) =>
    d.tokens.map((t) => {
      const votes = batch.add(call(t.token, votesAbi, 'getVotes', [probe]));
      const delegate = batch.add(call(t.token, votesAbi, 'delegates', [probe]));
      return [
        `${t.symbol} votes (getVotes, delegates)`,
        t.token,
        () => {
          const v = votes();
          const dl = delegate();
          if (!v.ok) return { ok: false, error: `getVotes: ${v.error}` };
          if (!dl.ok) return { ok: false, error: `delegates: ${dl.error}` };
          return { ok: true };
        },
      ] as const;
    }),
  );
}

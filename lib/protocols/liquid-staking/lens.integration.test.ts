import type { Address } from 'viem';
import { describe } from 'vitest';
import { testDevnet } from '../../../devnet/testing';
import { CHAIN_IDS } from '../../chains/registry';
import { lensCases } from '../follow-up/lens-testing';
import { liquidStakingModule } from './module';
import { isLiquidStakingSummary } from './types';

/*
 * Oracle: the reader itself, level by level (the `multicall-levels` path, as on main), at the same pinned
 * block: round 1 must give the same rates with none of the reader's current calls left unanswered (the
 * rates back in time are past-block reads, round 2, not counted). A feed that fails is the price book's
 * bad input (lib/prices), the same calls here.
 */
const { manifest, network } = testDevnet();
const demo = manifest.accounts.demo as Address;

describe.each(CHAIN_IDS)('liquid staking round 1 on chain %i', (chainId) => {
  lensCases(manifest, network, 'demo', {
    chainId,
    module: liquidStakingModule,
    owner: demo,
    found: (c) => (c.summaries.find(isLiquidStakingSummary)?.rates.length ?? 0) > 0,
  });
});

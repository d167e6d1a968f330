import { createRequire } from 'node:module';
import { getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { GMX_ARBITRUM } from './addresses';

// The package's ESM build has extensionless imports Node cannot resolve; its CommonJS build loads.
const require = createRequire(import.meta.url);
const { ARBITRUM } = require('@gmx-io/sdk/configs/chains') as { ARBITRUM: number };
const { CONTRACTS } = require('@gmx-io/sdk/configs/contracts') as {
  CONTRACTS: Record<number, Record<string, string>>;
};
const field = (map: Record<string, string> | undefined, key: string): string => {
  const v = map?.[key];
  if (!v) throw new Error(`@gmx-io/sdk has no ${key}`);
  return v;
};

describe('GMX mainnet table', () => {
  it("equals @gmx-io/sdk's own address map for Arbitrum One", () => {
    const map = CONTRACTS[ARBITRUM];
    const a = (v: string) => getAddress(v);
    const sdk = (key: string) => a(field(map, key));
    expect(ARBITRUM).toBe(42161);
    expect({
      gmx: a(GMX_ARBITRUM.gmx),
      esGmx: a(GMX_ARBITRUM.esGmx),
      bnGmx: a(GMX_ARBITRUM.bnGmx),
      stakedGmxTracker: a(GMX_ARBITRUM.stakedGmxTracker),
      bonusGmxTracker: a(GMX_ARBITRUM.bonusGmxTracker),
      extendedGmxTracker: GMX_ARBITRUM.extendedGmxTracker && a(GMX_ARBITRUM.extendedGmxTracker),
      feeGmxTracker: a(GMX_ARBITRUM.feeGmxTracker),
      gmxVester: GMX_ARBITRUM.gmxVester && a(GMX_ARBITRUM.gmxVester),
      glp: GMX_ARBITRUM.glp && a(GMX_ARBITRUM.glp.token),
      feeGlpTracker: GMX_ARBITRUM.glp && a(GMX_ARBITRUM.glp.feeTracker),
      stakedGlpTracker: GMX_ARBITRUM.glp && a(GMX_ARBITRUM.glp.stakedTracker),
      glpManager: GMX_ARBITRUM.glp && a(GMX_ARBITRUM.glp.manager),
      rewardRouter: GMX_ARBITRUM.rewardRouter && a(GMX_ARBITRUM.rewardRouter),
      govToken: GMX_ARBITRUM.govToken && a(GMX_ARBITRUM.govToken),
    }).toEqual({
      gmx: sdk('GMX'),
      esGmx: sdk('ES_GMX'),
      bnGmx: sdk('BN_GMX'),
      stakedGmxTracker: sdk('StakedGmxTracker'),
      bonusGmxTracker: sdk('BonusGmxTracker'),
      extendedGmxTracker: sdk('ExtendedGmxTracker'),
      feeGmxTracker: sdk('FeeGmxTracker'),
      gmxVester: sdk('GmxVester'),
      glp: sdk('GLP'),
      feeGlpTracker: sdk('FeeGlpTracker'),
      stakedGlpTracker: sdk('StakedGlpTracker'),
      glpManager: sdk('GlpManager'),
      rewardRouter: sdk('RewardRouter'),
      govToken: sdk('GovToken'),
    });
  });
});

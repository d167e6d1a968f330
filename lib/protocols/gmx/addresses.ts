import { type Address, getAddress } from 'viem';
import type { DeploymentSpec } from '../../chains/network';

/** GMX V1 staking on one chain: tokens, reward trackers (chained as RewardRouterV2 chains them), vester. */
export interface GmxDeployment {
  gmx: Address;
  esGmx: Address;
  bnGmx: Address;
  /** sGMX: GMX and esGMX staked; rewards esGMX. */
  stakedGmxTracker: Address;
  /** sbGMX: multiplier points (bnGMX). */
  bonusGmxTracker: Address;
  /** sbeGMX: sbGMX and staked bnGMX; null where the deployment predates it. */
  extendedGmxTracker: Address | null;
  /** sbfGMX: fees, in whatever its `rewardToken()` is. */
  feeGmxTracker: Address;
  gmxVester: Address | null;
  /** GMX V1's GLP (legacy), with its trackers and manager; null where not deployed. */
  glp: { token: Address; feeTracker: Address; stakedTracker: Address; manager: Address } | null;
  /** RewardRouterV2, whose getters confirm the table (mainnet check); null on the devnet. */
  rewardRouter: Address | null;
  /** GMX DAO's voting token (read by the governance module). */
  govToken: Address | null;
}

/**
 * Arbitrum One, from @gmx-io/sdk 1.4.0 `configs/contracts.js` (`CONTRACTS[42161]`), held equal to the
 * package's map by addresses.test.ts (the package is the test's oracle, not a runtime dependency).
 */
export const GMX_ARBITRUM: GmxDeployment = {
  gmx: '0xfc5A1A6EB076a2C7aD06eD22C90d7E710E35ad0a',
  esGmx: '0xf42Ae1D54fd613C9bb14810b0588FaAa09a426cA',
  bnGmx: '0x35247165119B69A40edD5304969560D0ef486921',
  stakedGmxTracker: '0x908C4D94D34924765f1eDc22A1DD098397c59dD4',
  bonusGmxTracker: '0x4d268a7d4C16ceB5a606c173Bd974984343fea13',
  extendedGmxTracker: '0x0755D33e45eD2B874c9ebF5B279023c8Bd1e5E93',
  feeGmxTracker: '0xd2D1162512F927a7e282Ef43a362659E4F2a728F',
  gmxVester: '0x199070DDfd1CFb69173aa2F7e20906F26B363004',
  glp: {
    token: '0x4277f8F2c384827B5273592FF7CeBd9f2C1ac258',
    feeTracker: '0x4e971a87900b931fF39d1Aad67697F49835400b6',
    stakedTracker: '0x1aDDD80E6039594eE970E5872D247bf0414C8903',
    manager: '0x3963FfC9dff443c2A94f21b129D429891E32ec18',
  },
  rewardRouter: '0x5E4766F932ce00aA4a1A82d3Da85adf15C5694A1',
  govToken: '0x2A29D3a792000750807cc401806d6fd539928481',
};

/** The devnet's GMX, from the manifest names `devnet/seed/gmx.ts` writes (`GMX.<name>`, GMX in tokens). */
export function gmxFromManifest(contracts: Readonly<Record<string, Address>>, gmx: Address | undefined) {
  const c = (name: string) => contracts[`GMX.${name}`];
  const [esGmx, bnGmx, staked, bonus, fee] = [
    c('esGMX'),
    c('bnGMX'),
    c('StakedGmxTracker'),
    c('BonusGmxTracker'),
    c('FeeGmxTracker'),
  ];
  if (!gmx || !esGmx || !bnGmx || !staked || !bonus || !fee) return null;
  const glpToken = c('GLP');
  const feeGlp = c('FeeGlpTracker');
  const stakedGlp = c('StakedGlpTracker');
  const manager = c('GlpManager');
  return {
    gmx: getAddress(gmx),
    esGmx,
    bnGmx,
    stakedGmxTracker: staked,
    bonusGmxTracker: bonus,
    extendedGmxTracker: c('ExtendedGmxTracker') ?? null,
    feeGmxTracker: fee,
    gmxVester: c('GmxVester') ?? null,
    glp:
      glpToken && feeGlp && stakedGlp && manager
        ? { token: glpToken, feeTracker: feeGlp, stakedTracker: stakedGlp, manager }
        : null,
    rewardRouter: null,
    govToken: c('GovToken') ?? null,
  } satisfies GmxDeployment;
}

/** GMX lives on Arbitrum only. The devnet's GMX token is in the manifest's tokens (it is priced). */
export const GMX_DEPLOYMENT: DeploymentSpec<GmxDeployment> = {
  devnet: (contracts, chainId) =>
    chainId === 42161 ? gmxFromManifest(contracts, contracts['GMX.GMX']) : null,
  mainnet: { 42161: GMX_ARBITRUM },
};

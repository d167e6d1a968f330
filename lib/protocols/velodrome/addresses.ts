import type { Address } from 'viem';
import type { DeploymentSpec } from '../../chains/network';
import type { ChainId } from '../../chains/registry';

/** Velodrome V2 on one chain: where discovery starts (the factory, the Voter) and the veVELO side. */
export interface VelodromeDeployment {
  poolFactory: Address;
  voter: Address;
  votingEscrow: Address;
  rewardsDistributor: Address;
  velo: Address;
  /** Slipstream's CL position manager and factory; absent where they are not verified (mainnet today). */
  slipstream?: SlipstreamDeployment;
}

export interface SlipstreamDeployment {
  positionManager: Address;
  factory: Address;
}

/**
 * Velodrome V2 on OP Mainnet. Source: velodrome-finance/contracts@1ea5feec `README.md` §Deployment and
 * `deployment-addresses/optimism.json` (shared/reference/staking-facts.md §1.1, onchain-facts.md §6).
 * Slipstream's addresses are not among the verified facts (the CL factory `0xCc0b…d12F` of an older Sugar
 * env file is marked UNVERIFIED there, its position manager is not listed), so the mainnet profile has no
 * `slipstream` and reads none: Slipstream is devnet-only until the facts confirm them.
 */
export const VELODROME_MAINNET: Partial<Record<ChainId, VelodromeDeployment>> = {
  10: {
    poolFactory: '0xF1046053aa5682b4F9a81b5481394DA16BE5FF5a',
    voter: '0x41C914ee0c7E1A5edCD0295623e6dC557B5aBf3C',
    votingEscrow: '0xFAf8FD17D9840595845582fCB047DF13f006787d',
    rewardsDistributor: '0x9D4736EC60715e71aFe72973f7885DCBC21EA99b',
    velo: '0x9560e827aF36c94D2Ac33a39bCE1Fe78631088Db',
  },
};

/** Manifest names of the devnet's stand-ins (devnet/seed/velodrome.ts). */
export const DEVNET_NAMES = {
  poolFactory: 'Velodrome.PoolFactory',
  voter: 'Velodrome.Voter',
  votingEscrow: 'Velodrome.VotingEscrow',
  rewardsDistributor: 'Velodrome.RewardsDistributor',
  clPositionManager: 'Velodrome.Slipstream.NonfungiblePositionManager',
  clFactory: 'Velodrome.Slipstream.CLFactory',
} as const;

export const velodromeDeploymentSpec: DeploymentSpec<VelodromeDeployment> = {
  devnet: (contracts) => {
    const poolFactory = contracts[DEVNET_NAMES.poolFactory];
    const voter = contracts[DEVNET_NAMES.voter];
    const votingEscrow = contracts[DEVNET_NAMES.votingEscrow];
    const rewardsDistributor = contracts[DEVNET_NAMES.rewardsDistributor];
    const velo = contracts['Velodrome.VELO'];
    if (!poolFactory || !voter || !votingEscrow || !rewardsDistributor || !velo) return null;
    const positionManager = contracts[DEVNET_NAMES.clPositionManager];
    const factory = contracts[DEVNET_NAMES.clFactory];
    const slipstream = positionManager && factory ? { slipstream: { positionManager, factory } } : {};
    return { poolFactory, voter, votingEscrow, rewardsDistributor, velo, ...slipstream };
  },
  mainnet: VELODROME_MAINNET,
};

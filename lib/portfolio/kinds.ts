/**
 * What a position is, and the display group each kind belongs to: the one mapping the dashboard, the
 * overview's breakdown by kind and the CLI share. A module that needs a new kind adds it here.
 */
export const POSITION_KINDS = {
  balance: { group: 'wallet', label: 'Balance' },
  liquidity: { group: 'liquidity', label: 'Liquidity' },
  supply: { group: 'lending', label: 'Supplied' },
  borrow: { group: 'lending', label: 'Borrowed' },
  staking: { group: 'staking', label: 'Staked' },
  farming: { group: 'farming', label: 'Farming' },
  vault: { group: 'vaults', label: 'Vault' },
  lock: { group: 'governance', label: 'Locked' },
  vesting: { group: 'staking', label: 'Vesting' },
  voting: { group: 'governance', label: 'Voting power' },
} as const satisfies Record<string, { group: string; label: string }>;

export type PositionKind = keyof typeof POSITION_KINDS;

export const DISPLAY_GROUPS = {
  wallet: 'Wallet',
  liquidity: 'Liquidity pools',
  lending: 'Lending',
  farming: 'Farming',
  staking: 'Staking',
  vaults: 'Vaults',
  governance: 'Governance and locks',
} as const satisfies Record<(typeof POSITION_KINDS)[PositionKind]['group'], string>;

export type DisplayGroup = keyof typeof DISPLAY_GROUPS;

/** Display groups in the order the dashboard shows them. */
export const DISPLAY_GROUP_ORDER = Object.keys(DISPLAY_GROUPS) as DisplayGroup[];

export function kindGroup(kind: PositionKind): DisplayGroup {
  return POSITION_KINDS[kind].group;
}

/** Debts count against a total. */
export function isDebt(kind: PositionKind): boolean {
  return kind === 'borrow';
}

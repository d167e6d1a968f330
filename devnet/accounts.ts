import { type Address, getAddress } from 'viem';

/**
 * Which of anvil's ten unlocked accounts plays which part. Seed modules take their accounts from here
 * so two modules never spend from the same one by accident.
 */
export const ACCOUNT_ROLES = {
  deployer: 0,
  demo: 1,
  trader: 2,
  nearLiquidation: 3,
  supplierOnly: 4,
  feeSender: 5,
  delegate: 6,
  delegator: 7,
} as const;

export type AccountRole = keyof typeof ACCOUNT_ROLES;
export type DevnetAccounts = Record<AccountRole, Address>;

export function assignAccounts(unlocked: readonly Address[]): DevnetAccounts {
  const out = {} as DevnetAccounts;
  for (const [role, index] of Object.entries(ACCOUNT_ROLES) as [AccountRole, number][]) {
    const address = unlocked[index];
    if (!address) throw new Error(`devnet: anvil has no account #${index} for ${role}`);
    out[role] = getAddress(address);
  }
  return out;
}

'use client';

import { useQueries } from '@tanstack/react-query';
import type { Address } from 'viem';
import { CHAIN_IDS } from '@/lib/chains/registry';
import { STAKING_REWARDS_ID } from '@/lib/protocols/staking-rewards/types';
import { VAULTS_ID } from '@/lib/protocols/vaults/types';
import { chainPortfolioQueryOptions } from '@/lib/query/portfolio';
import { useSettings } from '../settings/SettingsProvider';

/** One query per chain, so chains render as they arrive and one failing never blanks the others. */
export function usePortfolio(owner: Address) {
  return usePortfolios([owner])[0] ?? [];
}

/** For a bundle: one query per member and chain, grouped by member (in the members' order). */
export function usePortfolios(owners: readonly Address[]) {
  const { network, settings } = useSettings();
  const flat = useQueries({
    queries: owners.flatMap((owner) =>
      CHAIN_IDS.map((chainId) => {
        if (!network) {
          return {
            queryKey: ['layerglass', 'portfolio', 'pending', owner, chainId],
            queryFn: () => null,
            enabled: false,
          };
        }
        const farms = settings.farms[chainId] ?? [];
        const vaults = settings.vaults[chainId] ?? [];
        return chainPortfolioQueryOptions(network, chainId, owner, settings.tokens[chainId] ?? [], {
          ...(farms.length > 0 ? { [STAKING_REWARDS_ID]: farms } : {}),
          ...(vaults.length > 0 ? { [VAULTS_ID]: vaults } : {}),
        });
      }),
    ),
  });
  return owners.map((_, i) => flat.slice(i * CHAIN_IDS.length, (i + 1) * CHAIN_IDS.length));
}

import { type Address, getAddress } from 'viem';
import { type Batch, call, multicall3Abi } from '../../chains/multicall';
import type { ChainDeployment } from '../../chains/network';
import { CHAINS } from '../../chains/registry';
import type { Position } from '../../portfolio/types';
import { assetAmount } from '../../portfolio/value';
import { knownZeroYield } from '../../portfolio/yield';
import { priceKey } from '../../prices/book';
import type { PriceReading } from '../../prices/types';
import { addMetadataReads, erc20Abi } from '../../tokens/metadata';

import { WALLET_PROTOCOL } from './types';

export { WALLET_PROTOCOL } from './types';

export const HELD_EARNS_NOTHING = 'held in the wallet: earns nothing by itself';

/**
 * Adds the wallet's reads to the chain's first batch: native balance (Multicall3 `getEthBalance`),
 * and for each curated or user-added token its balance and metadata. Tokens with a zero balance are
 * left out unless the user added them.
 */
export function addWalletReads(
  batch: Batch,
  deployment: ChainDeployment,
  owner: Address,
  extraTokens: readonly Address[] = [],
): (prices: ReadonlyMap<string, PriceReading>) => Position[] {
  const chain = CHAINS[deployment.chainId];
  const native = batch.add(call(chain.multicall3, multicall3Abi, 'getEthBalance', [owner]));
  const curated = new Set(deployment.tokens.map((t) => t.address.toLowerCase()));
  const extras = [...new Set(extraTokens.map((t) => getAddress(t)))].filter(
    (t) => !curated.has(t.toLowerCase()),
  );
  const tokens = [
    ...deployment.tokens.map((t) => ({ address: t.address, userAdded: false })),
    ...extras.map((address) => ({ address, userAdded: true })),
  ].map((t) => ({
    ...t,
    balance: batch.add(call(t.address, erc20Abi, 'balanceOf', [owner])),
    metadata: addMetadataReads(batch, t.address),
  }));

  return (prices) => {
    const positions: Position[] = [];
    const id = (token: string) => `${deployment.chainId}:${WALLET_PROTOCOL}:${token}`;
    const nativeResult = native();
    if (!nativeResult.ok) {
      throw new Error(`native balance unreadable: ${nativeResult.error}`);
    }
    if (nativeResult.value > 0n) {
      positions.push({
        protocol: WALLET_PROTOCOL,
        kind: 'balance',
        id: id('native'),
        label: 'ETH',
        assets: [assetAmount('native', 'ETH', 18, nativeResult.value, prices.get('native'))],
        rewards: [],
        yield: knownZeroYield(HELD_EARNS_NOTHING),
        warning: null,
      });
    }
    for (const t of tokens) {
      const balance = t.balance();
      const meta = t.metadata();
      if (!balance.ok) {
        if (!t.userAdded) continue; // a curated token that is not deployed at this block: nothing held
        positions.push({
          protocol: WALLET_PROTOCOL,
          kind: 'balance',
          id: id(t.address),
          label: meta.symbol,
          assets: [],
          rewards: [],
          yield: null,
          warning: `balanceOf failed: ${balance.error}`,
        });
        continue;
      }
      if (balance.value === 0n && !t.userAdded) continue;
      positions.push({
        protocol: WALLET_PROTOCOL,
        kind: 'balance',
        id: id(t.address),
        label: meta.symbol,
        assets: [
          assetAmount(t.address, meta.symbol, meta.decimals, balance.value, prices.get(priceKey(t.address))),
        ],
        rewards: [],
        // A token earns nothing by being held, unless a module says it does (see TokenYield).
        yield: knownZeroYield(HELD_EARNS_NOTHING),
        warning: meta.warning,
      });
    }
    return positions;
  };
}

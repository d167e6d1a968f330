import { describe, expect, it } from 'vitest';
import { mainnetNetwork } from '../../chains/network';
import { CHAIN_IDS } from '../../chains/registry';
import { sushiswapV3Module, uniswapV3Module } from './module';
import { explorerPositionUrl } from './read';

describe('V3 modules', () => {
  const mainnet = mainnetNetwork();

  it('read Uniswap V3 on every mainnet chain, SushiSwap V3 where its SDK lists a deployment (10, 42161)', () => {
    for (const id of CHAIN_IDS) {
      expect(uniswapV3Module.supports(mainnet.chains[id])).toBe(true);
      // The sushi SDK has no SushiSwap V3 on zkSync Era (addresses.test.ts holds the table to the SDK).
      expect(sushiswapV3Module.supports(mainnet.chains[id])).toBe(id !== 324);
    }
  });

  it('find devnet deployments by their manifest names only', () => {
    const base = mainnet.chains[10];
    const contracts = {
      UniswapV3Factory: '0x0000000000000000000000000000000000000001',
      UniswapV3NonfungiblePositionManager: '0x0000000000000000000000000000000000000002',
    } as const;
    expect(uniswapV3Module.supports({ ...base, source: 'manifest', contracts })).toBe(true);
    expect(sushiswapV3Module.supports({ ...base, source: 'manifest', contracts })).toBe(false);
    expect(uniswapV3Module.supports({ ...base, source: 'manifest', contracts: {} })).toBe(false);
  });

  it('link a position to its NFT page, or to the manager on zkSync Era’s explorer', () => {
    const npm = '0xC36442b4a4522E871399CD717aBDD847Ab11FE88';
    expect(explorerPositionUrl(10, npm, 42n)).toBe(`https://optimistic.etherscan.io/nft/${npm}/42`);
    expect(explorerPositionUrl(42161, npm, 42n)).toBe(`https://arbiscan.io/nft/${npm}/42`);
    expect(explorerPositionUrl(324, npm, 42n)).toBe(`https://explorer.zksync.io/address/${npm}`);
  });
});

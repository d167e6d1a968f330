import { describe, expect, it } from 'vitest';
import { noFeedReading } from '../prices/reading';
import { csvCell, positionsCsv } from './export';
import type { Portfolio } from './types';

describe('CSV export', () => {
  it('writes one row per asset and per claimable reward, with chain, protocol, kind, amount, value and yield', () => {
    const ok = {
      label: 'ETH/USD',
      usdE18: 3000n * 10n ** 18n,
      status: 'ok' as const,
      updatedAt: 1n,
      reason: null,
      note: null,
    };
    const portfolio: Portfolio = {
      address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
      network: 'devnet',
      chains: [
        {
          chainId: 10,
          blockNumber: 42n,
          blockTimestamp: 1n,
          error: null,
          protocolErrors: [],
          summaries: [],
          positions: [
            {
              protocol: 'aave-v3',
              kind: 'borrow',
              id: '10:aave-v3:borrow:x',
              label: 'Borrowed, "quoted", WETH',
              assets: [
                {
                  token: 'native',
                  symbol: 'WETH',
                  decimals: 18,
                  amount: 15n * 10n ** 17n,
                  price: ok,
                  usdE18: 4500n * 10n ** 18n,
                },
              ],
              rewards: [
                {
                  token: 'native',
                  symbol: '=cmd',
                  decimals: null,
                  amount: 7n,
                  price: noFeedReading('x'),
                  usdE18: null,
                },
              ],
              yield: {
                baseApr: -0.05,
                rewardApr: 0.01,
                apy: null,
                compounds: true,
                window: 'current rate',
                source: 's',
              },
              warning: null,
            },
          ],
        },
        {
          chainId: 324,
          blockNumber: null,
          blockTimestamp: null,
          error: 'down',
          protocolErrors: [],
          summaries: [],
          positions: [],
        },
      ],
    };
    const lines = positionsCsv([portfolio]).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      '0x70997970C51812dc3A010C7d01b50e0d17dc79C8,10,OP Mainnet,42,aave-v3,borrow,10:aave-v3:borrow:x,"Borrowed, ""quoted"", WETH",asset,WETH,native,1.5,1500000000000000000,-4500,-0.05,0.01,current rate,',
    );
    // An unknown decimals amount has no decimal text; a formula-looking symbol is defused.
    expect(lines[2]).toContain(",claimable,'=cmd,native,,7,,-0.05,0.01,");
    expect(csvCell(null)).toBe('');
    expect(csvCell('-0.5')).toBe('-0.5');
  });
});

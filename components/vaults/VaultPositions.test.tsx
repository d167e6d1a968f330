import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Position } from '@/lib/portfolio/types';
import { yieldFromComponents } from '@/lib/portfolio/yield';
import type { VaultDetails } from '@/lib/protocols/vaults/types';
import { VaultPositions } from './VaultPositions';

const VAULT = '0x0000000000000000000000000000000000000b0b' as const;
const USDC = '0x0000000000000000000000000000000000000a11' as const;
const price = {
  label: 'USDC/USD',
  usdE18: 10n ** 18n,
  status: 'ok',
  updatedAt: 1n,
  reason: null,
  note: null,
} as const;

function vault(apr: number | null, note: string | null = null): Position {
  const details: VaultDetails = {
    type: 'vaults',
    vault: VAULT,
    userAdded: true,
    shares: 1000n * 10n ** 18n,
    shareDecimals: 18,
    shareSymbol: 'dvUSDC',
    asset: USDC,
    totalAssets: null,
    totalSupply: null,
    probeShares: 10n ** 24n,
    priceNow: 1_002_303n * 10n ** 6n,
    pricePast: null,
    yieldNote: note,
  };
  return {
    protocol: 'vaults',
    kind: 'vault',
    id: `10:vaults:${VAULT}`,
    label: 'dvUSDC',
    assets: [
      {
        token: USDC,
        symbol: 'USDC',
        decimals: 6,
        amount: 1_002_303_000n,
        price,
        usdE18: 1002_303n * 10n ** 15n,
      },
    ],
    rewards: [],
    yield:
      apr === null
        ? null
        : yieldFromComponents(
            [{ side: 'base', apr, label: 'share price', window: '7d', source: 'blocks 1–2' }],
            {
              compounds: true,
              window: '7d',
              source: 'blocks 1–2',
            },
          ),
    warning: null,
    details,
  };
}

const render = (p: Position) =>
  renderToStaticMarkup(<VaultPositions chainId={10} positions={[p]} summary={undefined} />);

describe('VaultPositions', () => {
  it('shows shares, the share price and a gain or a loss in words', () => {
    const up = render(vault(0.06));
    expect(up).toContain('1,000 shares · 1 dvUSDC = 1.002303 USDC');
    expect(up).toContain('share price grew over 7d');
    expect(up).toContain('added by you');
    expect(render(vault(-0.75))).toContain('share price fell over 7d');
  });

  it('says why a yield is unknown, never 0 %', () => {
    const html = render(vault(null, 'it is younger than the 7d window'));
    expect(html).toContain('yield unknown: it is younger than the 7d window');
    expect(html).not.toContain('0.00%');
  });
});

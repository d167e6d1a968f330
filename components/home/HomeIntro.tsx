import { Fragment } from 'react';
import { CHAIN_IDS, CHAINS } from '@/lib/chains/registry';
import { AddressSearch } from '../header/AddressSearch';
import { ConnectWallet } from '../header/ConnectWallet';
import { Card, ChainDot } from '../ui/primitives';
import { WatchlistPanel } from '../watchlist/WatchlistPanel';

export function HomeIntro() {
  return (
    <div className="mx-auto max-w-2xl space-y-6 py-8">
      <div className="space-y-2 text-center">
        <h1 className="text-3xl font-bold tracking-tight">What does this address hold and earn on L2?</h1>
        <p className="text-zinc-600 dark:text-zinc-300">
          Balances, liquidity, lending and staking positions on{' '}
          {CHAIN_IDS.map((id, i) => (
            <Fragment key={id}>
              <span className="inline-flex items-center gap-1 whitespace-nowrap">
                <ChainDot color={CHAINS[id].color} />
                {CHAINS[id].name}
              </span>
              {i < CHAIN_IDS.length - 2 ? ', ' : i === CHAIN_IDS.length - 2 ? ' and ' : ''}
            </Fragment>
          ))}
          , valued with on-chain prices, with where the yield comes from.
        </p>
      </div>
      <Card className="space-y-4 p-5">
        <AddressSearch autoFocus />
        <div className="flex items-center gap-3 text-sm text-zinc-600 dark:text-zinc-300">
          <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" /> or{' '}
          <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
        </div>
        <div className="flex flex-col items-center gap-2">
          <ConnectWallet />
          <p className="text-xs text-zinc-600 dark:text-zinc-300">
            Read-only: the app never asks your wallet to sign or send anything.
          </p>
        </div>
      </Card>
      <WatchlistPanel />
    </div>
  );
}

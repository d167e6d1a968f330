import { IntentLink } from '../ui/IntentLink';
import { AddressSearch } from './AddressSearch';
import { ConnectWallet } from './ConnectWallet';
import { SettingsDialog } from './SettingsDialog';
import { ThemeToggle } from './ThemeToggle';

export function Header() {
  return (
    <header className="sticky top-0 z-10 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-3 px-4 py-3">
        <IntentLink href="/" className="text-lg font-bold tracking-tight">
          Layer<span className="text-sky-700 dark:text-sky-400">glass</span>
        </IntentLink>
        <nav aria-label="Main" className="flex items-center gap-3 text-sm">
          <IntentLink href="/fees" className="text-zinc-700 hover:underline dark:text-zinc-300">
            Fees
          </IntentLink>
        </nav>
        <div className="order-last w-full sm:order-none sm:w-auto sm:flex-1">
          <AddressSearch compact />
        </div>
        <div className="ml-auto flex items-center gap-2">
          <SettingsDialog />
          <ThemeToggle />
          <ConnectWallet />
        </div>
      </div>
    </header>
  );
}

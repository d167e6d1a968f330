import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { Header } from '@/components/header/Header';
import { THEME_BOOT_SCRIPT } from '@/components/header/ThemeToggle';
import { Providers } from '@/components/providers';
import './globals.css';

export const metadata: Metadata = {
  title: 'Layerglass',
  description:
    'Read-only dashboard of what an address holds and earns on Optimism, Arbitrum One and zkSync Era.',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#09090b' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant of our own, run before paint to set the theme */}
        <script dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-zinc-50 text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <Providers>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-1"
          >
            Skip to content
          </a>
          <Header />
          {/* At least a screen tall from the first paint: the pages draw their content on the client, and a
              footer first painted under an empty main was then pushed out of view (layout shift 0.078). */}
          <main id="main" className="mx-auto min-h-[100svh] max-w-5xl px-4 py-6">
            {children}
          </main>
          <footer className="mx-auto max-w-5xl px-4 pb-8 text-xs text-zinc-500 dark:text-zinc-400">
            Read-only. Figures are read straight from each chain’s RPC and priced with on-chain feeds; nothing
            is sent anywhere else.
          </footer>
        </Providers>
      </body>
    </html>
  );
}

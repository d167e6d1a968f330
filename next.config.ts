import type { NextConfig } from 'next';

// The app is a static export: every chain read happens in the browser, so any static host can serve it.
const config: NextConfig = {
  output: 'export',
  reactStrictMode: true,
  poweredByHeader: false,
  images: { unoptimized: true },
};

export default config;

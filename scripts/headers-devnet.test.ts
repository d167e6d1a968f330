import { describe, expect, it } from 'vitest';
import { parseManifest } from '../lib/chains/manifest';
import { connectSources, devnetRpcUrlsOf } from './headers';

const chain = (port: number) => ({ rpcUrl: `http://127.0.0.1:${port}`, contracts: {}, tokens: {} });

describe('connect-src of a served devnet', () => {
  it('holds the three chains and the local chain 1 (ENS)', () => {
    const manifest = parseManifest({
      chains: { '10': chain(1), '42161': chain(2), '324': chain(3) },
      l1: { ...chain(4), chainId: 1 },
      accounts: {},
    });
    const sources = connectSources(devnetRpcUrlsOf(manifest));
    expect(sources[0]).toBe("'self'");
    expect([...sources].sort()).toEqual([
      "'self'",
      'http://127.0.0.1:1',
      'http://127.0.0.1:2',
      'http://127.0.0.1:3',
      'http://127.0.0.1:4',
    ]);
  });

  it('a manifest without chain 1 gives just its three chains', () => {
    const manifest = parseManifest({
      chains: { '10': chain(1), '42161': chain(2), '324': chain(3) },
      accounts: {},
    });
    expect(devnetRpcUrlsOf(manifest)).toHaveLength(3);
  });
});

import { describe, expect, it } from 'vitest';
import { createConfig, createStorage, http, mock } from 'wagmi';
import { connect, disconnect } from 'wagmi/actions';
import { readChain } from '@/lib/chains/registry';
import { hasSavedConnection, WAGMI_STORE_KEY } from './WalletProvider';

/** An in-memory Web Storage, for wagmi's persistence in Node. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('hasSavedConnection', () => {
  it('follows what wagmi itself persists: a connection after connect, none after disconnect', async () => {
    const storage = memoryStorage();
    const config = createConfig({
      chains: [readChain(10)],
      connectors: [mock({ accounts: ['0x70997970C51812dc3A010C7d01b50e0d17dc79C8'] })],
      storage: createStorage({ storage }),
      transports: { 10: http('http://127.0.0.1:9') },
    });
    await tick();
    expect(hasSavedConnection(storage.getItem(WAGMI_STORE_KEY))).toBe(false);
    const connector = config.connectors[0];
    if (!connector) throw new Error('no mock connector');
    await connect(config, { connector });
    await tick();
    expect(hasSavedConnection(storage.getItem(WAGMI_STORE_KEY))).toBe(true);
    await disconnect(config);
    await tick();
    expect(hasSavedConnection(storage.getItem(WAGMI_STORE_KEY))).toBe(false);
  });

  it('treats anything unreadable as no saved connection', () => {
    expect(hasSavedConnection(null)).toBe(false);
    expect(hasSavedConnection('{')).toBe(false);
    expect(hasSavedConnection('{"state":{"current":null}}')).toBe(false);
    expect(hasSavedConnection('"x"')).toBe(false);
  });
});

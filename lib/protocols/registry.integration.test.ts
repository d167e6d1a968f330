import { describe, expect, it } from 'vitest';
import { testDevnet } from '../../devnet/testing';
import { CHAIN_IDS } from '../chains/registry';
import { PROTOCOL_MODULES, protocolInfo } from './registry';

describe('the protocol registry on the devnet', () => {
  const { network, clients } = testDevnet();

  it('every module with a check confirms its devnet deployment the way check:mainnet confirms mainnet', async () => {
    let ran = 0;
    for (const chainId of CHAIN_IDS) {
      const chain = network.chains[chainId];
      for (const module of PROTOCOL_MODULES) {
        if (!module.check || !module.supports(chain)) continue;
        const results = await module.check({ chainId, client: clients[chainId], chain });
        // A deployment may hold nothing to confirm (the devnet's GMX stand-in has no router to ask).
        for (const r of results)
          expect(r.ok, `${module.id} on ${chainId}: ${r.label} ${r.detail ?? ''}`).toBe(true);
        if (results.length > 0) ran += 1;
      }
    }
    // Every module that reads on the devnet and has a check confirmed something somewhere.
    expect(ran).toBeGreaterThanOrEqual(5);
  });

  it('module ids are unique, and each module is found by its id with its own name and kinds', () => {
    const ids = PROTOCOL_MODULES.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of PROTOCOL_MODULES) {
      expect(protocolInfo(m.id)).toEqual({ id: m.id, name: m.name, order: m.order, kinds: m.kinds });
      expect(m.kinds.length).toBeGreaterThan(0);
    }
    // Display order comes from the modules' `order`, never from the list.
    expect([...PROTOCOL_MODULES].sort((a, b) => a.order - b.order)).toEqual([...PROTOCOL_MODULES]);
  });
});

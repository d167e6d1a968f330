/**
 * `npm run check:mainnet`: confirms on the real chains that every mainnet address the registry relies on
 * has code and answers the read it is used for (tokens: decimals(); feeds: latestRoundData(); Multicall3:
 * getCurrentBlockTimestamp()). Needs network access to the RPCs (LAYERGLASS_RPC_<chainId> to override).
 * Exits non-zero when anything is missing.
 */
import type { Address } from 'viem';
import { Batch, call, multicall3Abi } from '../lib/chains/multicall';
import { mainnetNetwork } from '../lib/chains/network';
import { CHAIN_IDS, CHAINS } from '../lib/chains/registry';
import { rpcOverridesFromEnv } from '../lib/chains/rpc';
import { aggregatorV3Abi } from '../lib/prices/chainlink';
import type { DeploymentCheck } from '../lib/protocols/module';
import { PROTOCOL_MODULES } from '../lib/protocols/registry';
import { erc20Abi } from '../lib/tokens/metadata';
import { exitAfterFlush } from './exit';
import { networkClients } from './network';

async function main(): Promise<number> {
  const network = mainnetNetwork(rpcOverridesFromEnv(process.env, 'LAYERGLASS_RPC_'));
  const clients = networkClients(network);
  let failures = 0;
  for (const chainId of CHAIN_IDS) {
    const client = clients[chainId];
    const deployment = network.chains[chainId];
    console.log(`\n${CHAINS[chainId].name} via ${deployment.rpcUrl}`);
    try {
      const checks: [string, Address, () => { ok: boolean; error?: string }][] = [];
      const batch = new Batch();
      const mc = CHAINS[chainId].multicall3;
      checks.push(['Multicall3', mc, batch.add(call(mc, multicall3Abi, 'getCurrentBlockTimestamp'))]);
      for (const t of deployment.tokens) {
        checks.push([`token ${t.symbol}`, t.address, batch.add(call(t.address, erc20Abi, 'decimals'))]);
      }
      const feeds = new Map<string, { pair: string; address: Address }>();
      for (const source of [deployment.nativePrice, ...deployment.tokens.map((t) => t.price)]) {
        for (const f of source?.feeds ?? []) feeds.set(f.address.toLowerCase(), f);
      }
      if (deployment.sequencerFeed)
        feeds.set('sequencer', { pair: 'sequencer uptime', address: deployment.sequencerFeed });
      for (const f of feeds.values()) {
        checks.push([
          `feed ${f.pair}`,
          f.address,
          batch.add(call(f.address, aggregatorV3Abi, 'latestRoundData')),
        ]);
      }
      await batch.execute(client, { multicall3: mc });
      const codes = await Promise.all(checks.map(([, address]) => client.getCode({ address })));
      checks.forEach(([label, address, result], i) => {
        const hasCode = (codes[i]?.length ?? 0) > 2;
        const r = result();
        const ok = hasCode && r.ok;
        if (!ok) failures += 1;
        console.log(
          `  ${ok ? 'ok  ' : 'FAIL'} ${label.padEnd(24)} ${address}${hasCode ? '' : ' (no code)'}${r.ok ? '' : ` ${r.error}`}`,
        );
      });
      // Every protocol module confirms its own mainnet table on this chain.
      for (const module of PROTOCOL_MODULES) {
        if (!module.check || !module.supports(deployment)) continue;
        let results: DeploymentCheck[];
        try {
          results = await module.check({ chainId, client, chain: deployment });
        } catch (error) {
          results = [
            {
              label: `${module.name} check`,
              address: '0x0000000000000000000000000000000000000000',
              ok: false,
              detail: error instanceof Error ? (error.message.split('\n')[0] ?? 'failed') : String(error),
            },
          ];
        }
        for (const c of results) {
          if (!c.ok) failures += 1;
          console.log(
            `  ${c.ok ? 'ok  ' : 'FAIL'} ${c.label.padEnd(24)} ${c.address} ${c.ok ? '' : (c.detail ?? '')}`,
          );
        }
      }
    } catch (error) {
      failures += 1;
      console.log(
        `  FAIL chain unreachable: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      );
    }
  }
  console.log(failures === 0 ? '\nAll mainnet addresses confirmed.' : `\n${failures} problem(s).`);
  return failures === 0 ? 0 : 1;
}

main().then((code) => exitAfterFlush(code));

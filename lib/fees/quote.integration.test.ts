import {
  type Address,
  createPublicClient,
  custom,
  decodeFunctionResult,
  encodeFunctionData,
  type Hex,
  numberToHex,
  type PublicClient,
  parseAbi,
} from 'viem';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DevnetChain } from '../../devnet/chain';
import { recordingClient } from '../../devnet/rpc-recorder';
import { FEED_PRICES } from '../../devnet/seed/base';
import { ARB_FEE_PARAMS } from '../../devnet/seed/fees';
import { testDevnet } from '../../devnet/testing';
import { createReadClient } from '../chains/client';
import type { Network } from '../chains/network';
import { CHAIN_IDS, type ChainId, readChain } from '../chains/registry';
import { FIAT_TOKEN_STORAGE } from '../tokens/mainnet';
import { planActions, QUOTE_RECIPIENT, QUOTE_SENDER, USDC_AMOUNT } from './actions';
import { NODE_INTERFACE, nodeInterfaceAbi } from './arbitrum';
import { FEE_ACTIONS } from './catalog';
import { readFeeHistory, readFeeHistoryResult } from './history';
import { feesJson } from './json';
import { GAS_PRICE_ORACLE } from './op-stack';
import { cheapestByAction, quoteAllChains, quoteChainFees } from './quote';

const { manifest, network, clients } = testDevnet();
const chains = Object.fromEntries(
  CHAIN_IDS.map((id) => [id, new DevnetChain(id, network.chains[id].rpcUrl, [])]),
) as Record<ChainId, DevnetChain>;

/** A client for the devnet chain whose RPC refuses the given methods, as some public RPCs do. */
function clientWithout(chainId: ChainId, methods: readonly string[]): PublicClient {
  const url = network.chains[chainId].rpcUrl;
  return createPublicClient({
    chain: readChain(chainId, url),
    transport: custom({
      async request({ method, params }) {
        if (methods.includes(method)) {
          throw Object.assign(new Error(`the method ${method} does not exist/is not available`), {
            code: -32601,
          });
        }
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
        });
        const body = (await response.json()) as {
          result?: unknown;
          error?: { message: string; code: number };
        };
        if (body.error) throw Object.assign(new Error(body.error.message), { code: body.error.code });
        return body.result;
      },
    }),
  });
}

/** The same devnet with some manifest contracts removed or replaced. */
function networkWith(chainId: ChainId, contracts: Record<string, Address | undefined>): Network {
  const deployment = network.chains[chainId];
  const merged: Record<string, Address> = {};
  for (const [k, v] of Object.entries({ ...deployment.contracts, ...contracts })) if (v) merged[k] = v;
  return { ...network, chains: { ...network.chains, [chainId]: { ...deployment, contracts: merged } } };
}

const erc20 = parseAbi([
  'function balanceOf(address) view returns (uint256)',
  'function allowance(address owner, address spender) view returns (uint256)',
  'function mint(address account, uint256 value) returns (bool)',
]);

describe('fee quotes on the devnet', () => {
  it('quotes every chain at its latest block, priced with its own ETH/USD feed', async () => {
    const results = await quoteAllChains(network, clients);
    for (const r of results) {
      expect(r.ok, `${r.chainId}`).toBe(true);
      if (!r.ok) continue;
      const q = r.quote;
      const block = await clients[r.chainId].getBlock({ blockNumber: q.blockNumber });
      expect(q.blockTimestamp).toBe(block.timestamp);
      expect(q.gasPrice.baseFee).toBe(block.baseFeePerGas);
      expect(q.ethUsd.status).toBe('ok');
      expect(q.ethUsd.usdE18).toBe((FEED_PRICES.ETH ?? 0n) * 10n ** 10n);
      const eth = q.actions.find((a) => a.action === 'eth-transfer');
      // A plain transfer costs the protocol's fixed 21,000 gas everywhere on this devnet.
      expect(eth?.gas).toBe(21_000n);
      expect(eth?.gasSource).toEqual({ kind: 'estimated' });
      for (const a of q.actions) {
        if (a.totalWei === null) continue;
        const parts = [a.execution, a.l1Data, a.operator].filter(
          (p) => p !== null && p.status !== 'included',
        );
        expect(a.totalWei).toBe(parts.reduce((s, p) => s + (p?.wei ?? 0n), 0n));
        expect(a.execution.wei).toBe((a.gas ?? 0n) * q.gasPrice.effective);
        expect(a.totalUsdE18).toBe((a.totalWei * 3000n * 10n ** 18n) / 10n ** 18n);
      }
    }
    // Tips: OP Stack adds the node's suggestion; Arbitrum and zkSync Era ignore them.
    const byId = Object.fromEntries(results.map((r) => [r.chainId, r]));
    const op = byId[10];
    if (op?.ok) {
      const suggested = BigInt(await clients[10].request({ method: 'eth_maxPriorityFeePerGas' }));
      expect(op.quote.gasPrice.priorityFee).toBe(suggested);
    }
    for (const id of [42161, 324] as const) {
      const r = byId[id];
      if (r?.ok) expect(r.quote.gasPrice.effective).toBe(r.quote.gasPrice.baseFee);
    }
    const json = JSON.parse(JSON.stringify(feesJson(network.name, results, cheapestByAction(results))));
    expect(json.chains.map((c: { chainId: number }) => c.chainId)).toEqual([...CHAIN_IDS]);
    expect(typeof json.chains[0].actions[0].totalWei).toBe('string');
  });

  it('Arbitrum: prices L1 data with NodeInterface.gasEstimateL1Component at the L2 base fee', async () => {
    const q = await quoteChainFees({ network, chainId: 42161, client: clients[42161] });
    expect(manifest.chains['42161'].standIns?.NodeInterface).toMatch(/stand-in|virtual/);
    expect(manifest.chains['42161'].standIns?.ArbGasInfo).toMatch(/precompile/);
    expect(q.model).toEqual({
      type: 'arbitrum',
      l1PricePerUnit: ARB_FEE_PARAMS.l1PricePerUnit,
      perL1CalldataByte: ARB_FEE_PARAMS.l1PricePerUnit * 16n,
      minimumGasPrice: ARB_FEE_PARAMS.minimumGasPrice,
      estimateIncludesL1: false,
    });
    for (const a of q.actions) {
      if (!a.tx) continue;
      const { data } = await clients[42161].call({
        to: NODE_INTERFACE,
        data: encodeFunctionData({
          abi: nodeInterfaceAbi,
          functionName: 'gasEstimateL1Component',
          args: [a.tx.to, false, a.tx.data],
        }),
        blockNumber: q.blockNumber,
      });
      const [gasForL1, baseFee] = decodeFunctionResult({
        abi: nodeInterfaceAbi,
        functionName: 'gasEstimateL1Component',
        data: data ?? '0x',
      });
      expect(baseFee).toBe(q.gasPrice.baseFee);
      // The stand-in's documented rule: (calldata + 140 bytes) × 16 units × L1 price, in L2 gas, rounded up.
      const posterCost = BigInt((a.tx.data.length - 2) / 2 + 140) * 16n * ARB_FEE_PARAMS.l1PricePerUnit;
      expect(gasForL1).toBe((posterCost + baseFee - 1n) / baseFee);
      expect(a.l1Detail).toEqual({ type: 'arbitrum', l1GasUnits: gasForL1 });
      expect(a.l1Data.wei).toBe(gasForL1 * q.gasPrice.baseFee);
      expect(a.operator).toBeNull();
    }
    expect(q.warnings.join(' ')).toMatch(/stand-ins/);
  });

  it('zkSync Era: the L1 part is inside the gas, and a node without zks_gasPerPubdata says so', async () => {
    const q = await quoteChainFees({ network, chainId: 324, client: clients[324] });
    expect(q.model.type).toBe('zksync');
    if (q.model.type === 'zksync') {
      expect(q.model.gasPerPubdata).toBeNull();
      expect(q.model.gasPerPubdataNote).toMatch(/does not offer zks_gasPerPubdata/);
    }
    const transfer = q.actions.find((a) => a.action === 'usdc-transfer');
    expect(transfer?.l1Data.status).toBe('included');
    expect(transfer?.l1Data.wei).toBeNull();
    expect(transfer?.totalWei).toBe(transfer?.execution.wei);
    expect(q.warnings.join(' ')).toMatch(/plain EVM node/);
  });

  it('gives the synthetic sender USDC and approvals through the state override (checked by the token itself)', async () => {
    for (const id of CHAIN_IDS) {
      const block = await clients[id].getBlock();
      const plan = planActions({
        chainId: id,
        deployment: network.chains[id],
        sender: QUOTE_SENDER,
        blockTimestamp: block.timestamp,
      });
      const usdc = manifest.chains[`${id}`].tokens.USDC as Address;
      const read = (
        functionName: 'balanceOf' | 'allowance',
        args: readonly [Address] | readonly [Address, Address],
      ) =>
        clients[id].readContract({
          address: usdc,
          abi: erc20,
          functionName,
          args,
          stateOverride: plan.stateOverride,
        } as Parameters<PublicClient['readContract']>[0]);
      expect(await read('balanceOf', [QUOTE_SENDER])).toBe(1_000_000n * USDC_AMOUNT);
      expect(await read('balanceOf', [QUOTE_RECIPIENT])).toBe(USDC_AMOUNT);
      const swap = plan.candidates.find((c) => c.action === 'uniswap-v3-swap');
      const supply = plan.candidates.find((c) => c.action === 'aave-supply');
      for (const spender of [swap?.tx.to, supply?.tx.to]) {
        if (spender) expect(await read('allowance', [QUOTE_SENDER, spender])).toBe(2n ** 256n - 1n);
      }
      expect(await clients[id].getBalance({ address: QUOTE_SENDER })).toBe(0n);
    }
  });

  it('labels a stated typical figure when the target contract is not deployed, and never estimates against nothing', async () => {
    const bare = networkWith(10, { UniswapV3SwapRouter: undefined, AaveV3Pool: undefined });
    const op = await quoteChainFees({ network: bare, chainId: 10, client: clients[10] });
    const swap = op.actions.find((a) => a.action === 'uniswap-v3-swap');
    expect(swap?.gasSource).toEqual({
      kind: 'typical',
      reason: expect.stringMatching(/assumed typical figure.*no UniswapV3SwapRouter on this devnet/),
    });
    expect(swap?.gas).toBe(140_000n);
    // The L1 part is still priced from the real calldata.
    expect(swap?.l1Data.status).toBe('ok');
    // A "router" that is an account without code: its probe fails, so a cheap estimate is not believed.
    const fake = networkWith(42161, { UniswapV3SwapRouter: QUOTE_RECIPIENT });
    const arb = await quoteChainFees({ network: fake, chainId: 42161, client: clients[42161] });
    const fakeSwap = arb.actions.find((a) => a.action === 'uniswap-v3-swap');
    expect(fakeSwap?.gasSource?.kind).toBe('typical');
    expect(fakeSwap?.gasSource?.kind === 'typical' && fakeSwap.gasSource.reason).toMatch(/did not answer/);
    // zkSync Era has no typical figures: the cell says why instead.
    const zkBare = networkWith(324, { UniswapV3SwapRouter: undefined });
    const zk = await quoteChainFees({ network: zkBare, chainId: 324, client: clients[324] });
    const zkSwap = zk.actions.find((a) => a.action === 'uniswap-v3-swap');
    expect(zkSwap?.totalWei).toBeNull();
    expect(zkSwap?.error).toMatch(/no UniswapV3SwapRouter.*no typical figure/);
  });

  it('reports a USDC storage layout that does not fit instead of quoting a figure from it', async () => {
    // The devnet's USDC described with mainnet's FiatToken slots (9/10), which do not fit MintableERC20.
    const op = network.chains[10];
    const tokens = op.tokens.map((t) => (t.symbol === 'USDC' ? { ...t, storage: FIAT_TOKEN_STORAGE } : t));
    const wrongLayout: Network = { ...network, chains: { ...network.chains, 10: { ...op, tokens } } };
    const q = await quoteChainFees({ network: wrongLayout, chainId: 10, client: clients[10] });
    const transfer = q.actions.find((a) => a.action === 'usdc-transfer');
    expect(transfer?.gasSource?.kind).toBe('typical');
    expect(transfer?.gasSource?.kind === 'typical' && transfer.gasSource.reason).toMatch(/estimate failed/);
  });

  it('costs a fixed number of requests per chain, whatever the number of actions', async () => {
    for (const id of CHAIN_IDS) {
      const block = await clients[id].getBlock();
      const plan = planActions({
        chainId: id,
        deployment: network.chains[id],
        sender: QUOTE_SENDER,
        blockTimestamp: block.timestamp,
      });
      const estimates = plan.candidates.filter((c) => !plan.skipEstimate.has(c.action)).length;
      // JSON-RPC requests, one by one (the app's own transport batches them into fewer HTTP requests).
      const recorded = recordingClient(id, network.chains[id].rpcUrl);
      await quoteChainFees({ network, chainId: id, client: recorded.client });
      const used = recorded.requests.length;
      // block + one multicall + one estimate per candidate, then per model: OP the tip and the oracle
      // multicall; Arbitrum one NodeInterface call per candidate; zkSync zks_gasPerPubdata.
      const model = id === 10 ? 2 : id === 42161 ? plan.candidates.length : 1;
      expect(used, `chain ${id}`).toBe(2 + estimates + model);
    }
  });
});

describe('fee quotes when something is broken', () => {
  let snapshots: Partial<Record<ChainId, Hex>> = {};
  beforeEach(async () => {
    snapshots = {};
    for (const id of CHAIN_IDS) snapshots[id] = await chains[id].request<Hex>('evm_snapshot', []);
  });
  afterEach(async () => {
    for (const id of CHAIN_IDS) {
      const snapshot = snapshots[id];
      if (snapshot) await chains[id].revert(snapshot);
    }
  });

  const REVERT_ALWAYS: Hex = '0x60006000fd';

  it('an OP GasPriceOracle that reverts: the L1 cell says so, execution and the other chains stand', async () => {
    await chains[10].setCode(GAS_PRICE_ORACLE, REVERT_ALWAYS);
    const results = await quoteAllChains(network, clients);
    const op = results.find((r) => r.chainId === 10);
    expect(op?.ok).toBe(true);
    if (!op?.ok) return;
    for (const a of op.quote.actions) {
      expect(a.l1Data.status).toBe('unavailable');
      expect(a.l1Data.note).toMatch(/GasPriceOracle/);
      expect(a.totalWei).toBeNull();
      expect(a.execution.status).toBe('ok');
      expect(a.execution.wei).not.toBeNull();
    }
    expect(op.quote.warnings.join(' ')).toMatch(/GasPriceOracle/);
    expect(results.filter((r) => r.ok && r.chainId !== 10)).toHaveLength(2);
    // The cheapest marks are taken among chains whose totals are known.
    const cheapest = cheapestByAction(results);
    for (const action of FEE_ACTIONS) expect(cheapest[action]).not.toContain(10);
  });

  it('an Arbitrum NodeInterface that reverts: the L1 cell says so', async () => {
    await chains[42161].setCode(NODE_INTERFACE, REVERT_ALWAYS);
    const q = await quoteChainFees({ network, chainId: 42161, client: clients[42161] });
    const eth = q.actions.find((a) => a.action === 'eth-transfer');
    expect(eth?.l1Data.status).toBe('unavailable');
    expect(eth?.l1Data.note).toMatch(/NodeInterface.gasEstimateL1Component failed/);
    expect(eth?.execution.wei).toBe(21_000n * q.gasPrice.baseFee);
    expect(eth?.totalWei).toBeNull();
  });

  it('a chain that is down: that chain says so and the other two are quoted', async () => {
    const dead = { ...clients, 324: createReadClient(324, 'http://127.0.0.1:9', { retryCount: 0 }) };
    const results = await quoteAllChains(network, dead);
    const zk = results.find((r) => r.chainId === 324);
    expect(zk?.ok).toBe(false);
    expect(!zk?.ok && zk?.error).toBeTruthy();
    expect(results.filter((r) => r.ok).map((r) => r.chainId)).toEqual([10, 42161]);
  });

  it('an RPC without eth_feeHistory: the history says so, the quote from the same RPC stands', async () => {
    const client = clientWithout(10, ['eth_feeHistory']);
    const history = await readFeeHistoryResult(client, 10);
    expect(history.ok).toBe(false);
    expect(!history.ok && history.error).toMatch(/base-fee history unavailable.*eth_feeHistory/);
    const q = await quoteChainFees({ network, chainId: 10, client });
    expect(q.actions.every((a) => a.totalWei !== null)).toBe(true);
  });

  it('an RPC without eth_maxPriorityFeePerGas: quoted without a tip, and it says so', async () => {
    const q = await quoteChainFees({
      network,
      chainId: 10,
      client: clientWithout(10, ['eth_maxPriorityFeePerGas']),
    });
    expect(q.gasPrice.priorityFee).toBe(0n);
    expect(q.gasPrice.note).toMatch(/no tip suggestion/);
    expect(q.warnings.join(' ')).toMatch(/quoted without a tip/);
  });

  it('a sender quoted as itself: its nonce and the inclusion it would get', async () => {
    const sender = manifest.accounts.feeSender as Address;
    const usdc = manifest.chains['42161'].tokens.USDC as Address;
    await chains[42161].write(sender, usdc, erc20, 'mint', [sender, 1_000_000_000n]);
    await chains[42161].write(sender, usdc, erc20, 'mint', [QUOTE_RECIPIENT, 1_000_000n]);
    for (const id of [42161, 324] as const) {
      if (id === 324) {
        const zkUsdc = manifest.chains['324'].tokens.USDC as Address;
        await chains[324].write(sender, zkUsdc, erc20, 'mint', [sender, 1_000_000_000n]);
        await chains[324].write(sender, zkUsdc, erc20, 'mint', [QUOTE_RECIPIENT, 1_000_000n]);
      }
      const q = await quoteChainFees({ network, chainId: id, client: clients[id], sender });
      const a = q.actions.find((x) => x.action === 'usdc-transfer');
      if (!a?.tx || a.gas === null) throw new Error('usdc transfer not quoted');
      const before = await clients[id].getBalance({ address: sender });
      // Tips are ignored on these chains: the real transaction offers none.
      const receipt = await chains[id].request<{ gasUsed: Hex; blockNumber: Hex }>(
        'eth_sendTransactionSync',
        [
          {
            from: sender,
            to: a.tx.to,
            data: a.tx.data,
            gas: numberToHex(a.gas),
            maxFeePerGas: numberToHex(q.gasPrice.baseFee * 2n),
            maxPriorityFeePerGas: '0x0',
          },
        ],
      );
      const after = await clients[id].getBalance({ address: sender });
      const inclusion = await clients[id].getBlock({ blockNumber: BigInt(receipt.blockNumber) });
      expect(BigInt(receipt.gasUsed)).toBe(a.gas);
      // The devnet node charges L2 gas only (no L1 machinery on these two): execution is what was paid,
      // up to the base fee's move between the quote's block and the next.
      const move = (inclusion.baseFeePerGas ?? 0n) - q.gasPrice.baseFee;
      expect(before - after).toBe((a.execution.wei ?? 0n) + a.gas * move);
    }
  });
});

describe('base-fee history', () => {
  it('reads each chain’s recent base fees, equal to the block headers', async () => {
    for (const id of CHAIN_IDS) {
      const before = await clients[id].getBlockNumber();
      const history = await readFeeHistory(clients[id], id, 16);
      // The devnet mines every second: the history ends at the head it saw, compared by that block's header.
      expect(history.newestBlock).toBeGreaterThanOrEqual(before);
      const latest = await clients[id].getBlock({ blockNumber: history.newestBlock });
      expect(history.points).toHaveLength(Math.min(16, Number(latest.number) + 1));
      const last = history.points.at(-1);
      const first = history.points[0];
      expect(last?.blockNumber).toBe(latest.number);
      expect(last?.timestamp).toBe(Number(latest.timestamp));
      for (const p of [first, history.points[5], last]) {
        if (!p) continue;
        const header = await clients[id].getBlock({ blockNumber: p.blockNumber });
        expect(p.baseFee).toBe(header.baseFeePerGas);
      }
      if (first) {
        const header = await clients[id].getBlock({ blockNumber: first.blockNumber });
        expect(first.timestamp).toBe(Number(header.timestamp));
      }
    }
  });
});

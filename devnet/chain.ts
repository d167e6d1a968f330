import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Abi,
  type Address,
  createPublicClient,
  createTestClient,
  type EncodeFunctionDataParameters,
  encodeDeployData,
  encodeFunctionData,
  getAddress,
  type Hex,
  http,
  numberToHex,
  type PublicClient,
  type TestClient,
} from 'viem';
import type { Artifact } from './artifacts';

export interface Deployable {
  abi: Abi;
  bytecode: Hex;
}

export interface Receipt {
  status: 'success' | 'reverted';
  contractAddress: Address | null;
  gasUsed: bigint;
  effectiveGasPrice: bigint;
  blockNumber: bigint;
  transactionHash: Hex;
}

interface RawReceipt {
  status: Hex;
  contractAddress: Address | null;
  gasUsed: Hex;
  effectiveGasPrice: Hex;
  blockNumber: Hex;
  transactionHash: Hex;
}

/** Gas given to every devnet transaction: estimates can come out low when seeding at fixed timestamps. */
export const DEVNET_TX_GAS = 15_000_000n;

/**
 * One devnet chain as the seeders see it: anvil's unlocked accounts send transactions
 * (`eth_sendTransactionSync`, so each call returns once mined), plus anvil's cheat methods.
 */
/** The files through which a revert and the heartbeat of one devnet chain (by its port) keep apart. */
function heartbeatFiles(rpcUrl: string): { paused: string; mining: string } {
  const port = new URL(rpcUrl).port || 'default';
  return {
    paused: join(tmpdir(), `layerglass-devnet-${port}.reverting`),
    mining: join(tmpdir(), `layerglass-devnet-${port}.mining`),
  };
}

/** A revert marker counts for 30 s at most (a process that died mid-revert does not stop the heartbeat). */
function revertUnderWay(paused: string): boolean {
  try {
    return Date.now() - Number(readFileSync(paused, 'utf8')) < 30_000;
  } catch {
    return false;
  }
}

/** The i-th of snapshots taken per chain together (one per chain, in order). */
export function snapshotOf(snapshots: readonly string[], i: number): string {
  const snapshot = snapshots[i];
  if (snapshot === undefined) throw new Error(`no snapshot for chain #${i}`);
  return snapshot;
}

export class DevnetChain {
  readonly public: PublicClient;
  readonly test: TestClient<'anvil'>;
  readonly contracts: Record<string, Address> = {};
  readonly tokens: Record<string, Address> = {};
  readonly standIns: Record<string, string> = {};
  /**
   * When set, every block this chain mines through `send`/`mine` gets this base fee (anvil's EIP-1559
   * arithmetic would let an idle devnet decay to a few wei; real chains have a floor).
   */
  baseFeeFloor: bigint | null = null;

  constructor(
    readonly chainId: number,
    readonly rpcUrl: string,
    readonly accounts: readonly Address[],
  ) {
    const transport = http(rpcUrl, { retryCount: 0 });
    this.public = createPublicClient({ transport, cacheTime: 0 });
    this.test = createTestClient({ mode: 'anvil', transport });
  }

  /**
   * Reverts to a snapshot while the devnet's heartbeat (`keepHeadFresh`, maybe in another process) holds
   * off: anvil's `evm_revert` racing an `evm_mine` leaves blocks below the head missing for good (seen:
   * `getBlock` of a block under the head failing in a later test). Every revert goes through here.
   */
  async revert(snapshot: string): Promise<void> {
    const { paused, mining } = heartbeatFiles(this.rpcUrl);
    writeFileSync(paused, String(Date.now()));
    try {
      // The heartbeat sets `mining` before it re-checks `paused`: one of the two always sees the other.
      const until = Date.now() + 10_000;
      while (existsSync(mining) && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
      await this.request('evm_revert', [snapshot]);
    } finally {
      rmSync(paused, { force: true });
    }
  }

  /** The heartbeat's block: mined unless a revert is under way (then skipped; the next tick mines). */
  async mineUnlessReverting(): Promise<void> {
    const { paused, mining } = heartbeatFiles(this.rpcUrl);
    if (revertUnderWay(paused)) return;
    writeFileSync(mining, '');
    try {
      if (!revertUnderWay(paused)) await this.mine();
    } finally {
      rmSync(mining, { force: true });
    }
  }

  async request<T>(method: string, params: unknown[]): Promise<T> {
    // The devnet speaks anvil-specific methods that viem's typed request does not list.
    const request = this.public.request as (args: { method: string; params: unknown[] }) => Promise<T>;
    return request({ method, params });
  }

  /** Sends a transaction from an unlocked account and returns its receipt; a revert throws. */
  async send(
    from: Address,
    tx: { to?: Address; data?: Hex; value?: bigint; gas?: bigint },
    what = 'tx',
  ): Promise<Receipt> {
    await this.holdBaseFee();
    const raw = await this.request<RawReceipt>('eth_sendTransactionSync', [
      {
        from,
        ...(tx.to ? { to: tx.to } : {}),
        ...(tx.data ? { data: tx.data } : {}),
        ...(tx.value ? { value: numberToHex(tx.value) } : {}),
        gas: numberToHex(tx.gas ?? DEVNET_TX_GAS),
      },
    ]);
    const receipt: Receipt = {
      status: raw.status === '0x1' ? 'success' : 'reverted',
      contractAddress: raw.contractAddress ? getAddress(raw.contractAddress) : null,
      gasUsed: BigInt(raw.gasUsed),
      effectiveGasPrice: BigInt(raw.effectiveGasPrice),
      blockNumber: BigInt(raw.blockNumber),
      transactionHash: raw.transactionHash,
    };
    if (receipt.status !== 'success') throw new Error(`chain ${this.chainId}: ${what} reverted`);
    return receipt;
  }

  async deploy(
    from: Address,
    contract: Deployable | Artifact,
    args: readonly unknown[] = [],
    bytecode?: Hex,
  ): Promise<Address> {
    const data = encodeDeployData({
      abi: contract.abi,
      bytecode: bytecode ?? contract.bytecode,
      args,
    } as Parameters<typeof encodeDeployData>[0]);
    const receipt = await this.send(
      from,
      { data },
      `deploy ${'contractName' in contract ? contract.contractName : 'contract'}`,
    );
    if (!receipt.contractAddress) throw new Error(`chain ${this.chainId}: deployment returned no address`);
    return receipt.contractAddress;
  }

  async write(
    from: Address,
    to: Address,
    abi: Abi,
    functionName: string,
    args: readonly unknown[] = [],
    value?: bigint,
  ): Promise<Receipt> {
    const data = encodeFunctionData({ abi, functionName, args } as EncodeFunctionDataParameters);
    return this.send(from, { to, data, ...(value ? { value } : {}) }, functionName);
  }

  async read<T>(to: Address, abi: Abi, functionName: string, args: readonly unknown[] = []): Promise<T> {
    return (await this.public.readContract({ address: to, abi, functionName, args })) as T;
  }

  /** The runtime code a creation code produces, by simulating its deployment (no transaction, no nonce). */
  async runtimeCode(contract: Deployable, args: readonly unknown[] = []): Promise<Hex> {
    const data = encodeDeployData({ abi: contract.abi, bytecode: contract.bytecode, args } as Parameters<
      typeof encodeDeployData
    >[0]);
    const { data: code } = await this.public.call({ data });
    if (!code) throw new Error(`chain ${this.chainId}: constructor returned no code`);
    return code;
  }

  async setCode(address: Address, code: Hex): Promise<void> {
    await this.test.setCode({ address, bytecode: code });
  }

  async setBalance(address: Address, value: bigint): Promise<void> {
    await this.test.setBalance({ address, value });
  }

  async setNextTimestamp(timestamp: bigint): Promise<void> {
    await this.test.setNextBlockTimestamp({ timestamp });
  }

  async mine(blocks = 1): Promise<void> {
    if (this.baseFeeFloor === null) {
      await this.test.mine({ blocks });
      return;
    }
    for (let i = 0; i < blocks; i++) {
      await this.holdBaseFee();
      await this.test.mine({ blocks: 1 });
    }
  }

  private async holdBaseFee(): Promise<void> {
    if (this.baseFeeFloor !== null)
      await this.request('anvil_setNextBlockBaseFeePerGas', [numberToHex(this.baseFeeFloor)]);
  }

  /** The latest block's number and timestamp. */
  async latestPoint(): Promise<{ number: number; timestamp: number }> {
    const block = await this.public.getBlock({ blockTag: 'latest' });
    return { number: Number(block.number), timestamp: Number(block.timestamp) };
  }

  async latestTimestamp(): Promise<bigint> {
    return (await this.public.getBlock({ blockTag: 'latest' })).timestamp;
  }
}

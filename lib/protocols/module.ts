import type { ReadClient } from '../chains/client';
import { type ChainDeployment, type DeploymentSpec, resolveDeployment } from '../chains/network';
import type { ChainId } from '../chains/registry';
import type { RoundOneJob } from '../chains/round-one';
import type { PositionKind } from '../portfolio/kinds';
import type {
  ChainReadContext,
  LensContext,
  Position,
  ProtocolReadResult,
  ProtocolSummary,
} from '../portfolio/types';

/** One confirmation of a mainnet address for `npm run check:mainnet`. */
export interface DeploymentCheck {
  label: string;
  address: `0x${string}`;
  ok: boolean;
  detail: string | null;
}

/** What a module's mainnet check is handed for one chain. */
export interface CheckContext {
  chainId: ChainId;
  client: ReadClient;
  chain: ChainDeployment;
}

/**
 * A protocol, declared once in its own folder: who it is, where it is deployed, how it reads an
 * account, how the CLI prints it and how its mainnet table is confirmed. `D` is the module's own
 * resolved deployment (its contracts on one chain); the rest of the app never sees it.
 *
 * Registered with one line in `lib/protocols/registry.ts`; its React view registers with one line in
 * `components/protocols.tsx`; its devnet seed step (if any) with one line in `devnet/seed/index.ts`.
 */
export interface ProtocolModule<D> {
  /** Stable id: `Position.protocol`, the `type` of its details and summary, URL fragments. */
  id: string;
  /** Display name (section titles, CLI, JSON consumers). */
  name: string;
  /** Display order inside a display group (lower first). */
  order: number;
  /** The position kinds it yields (each maps to a display group in `lib/portfolio/kinds`). */
  kinds: readonly PositionKind[];
  deployment: DeploymentSpec<D>;
  /**
   * Its part of round 1 (`lib/chains/round-one.ts`): the calls its reader will make, as plain calls or as
   * its own lens (Solidity in its folder) that walks what the reader would discover level by level. The
   * reader then finds them answered; anything the jobs miss is still read, one level later.
   */
  lens?: (ctx: LensContext, deployment: D) => readonly RoundOneJob[];
  /** Every position the owner holds in it on one chain, pinned to `ctx.blockNumber`; throws for the whole protocol. */
  read: (ctx: ChainReadContext, deployment: D) => Promise<ProtocolReadResult>;
  /** Extra CLI lines under one of its positions (range, fees, …). */
  positionLines?: (position: Position) => string[];
  /** CLI lines of its account summary (health factor, net APY, …). */
  summaryLines?: (summary: ProtocolSummary) => string[];
  /** Confirms its mainnet table on a live chain. */
  check?: (ctx: CheckContext, deployment: D) => Promise<DeploymentCheck[]>;
}

/** A module with its deployment type closed over, so modules of different `D` sit in one list. */
export interface RegisteredModule {
  id: string;
  name: string;
  order: number;
  kinds: readonly PositionKind[];
  /** False when the module has no deployment on this chain of this network (it is then skipped). */
  supports: (chain: ChainDeployment) => boolean;
  /** Its round-1 jobs on this chain (none when it has no lens or no deployment here). */
  lens: (ctx: LensContext) => readonly RoundOneJob[];
  read: (ctx: ChainReadContext) => Promise<ProtocolReadResult>;
  positionLines: (position: Position) => string[];
  summaryLines: (summary: ProtocolSummary) => string[];
  /** Null where it has nothing to confirm on this chain. */
  check: ((ctx: CheckContext) => Promise<DeploymentCheck[]>) | null;
}

export function defineModule<D>(module: ProtocolModule<D>): RegisteredModule {
  const resolve = (chain: ChainDeployment) => resolveDeployment(module.deployment, chain);
  return {
    id: module.id,
    name: module.name,
    order: module.order,
    kinds: module.kinds,
    supports: (chain) => resolve(chain) !== null,
    lens: (ctx) => {
      const deployment = resolve(ctx.deployment);
      return deployment === null || !module.lens ? [] : module.lens(ctx, deployment);
    },
    read: async (ctx) => {
      const deployment = resolve(ctx.deployment);
      return deployment === null ? { positions: [] } : module.read(ctx, deployment);
    },
    positionLines: (p) => (p.protocol === module.id && module.positionLines ? module.positionLines(p) : []),
    summaryLines: (s) => (s.type === module.id && module.summaryLines ? module.summaryLines(s) : []),
    check: module.check
      ? (ctx) => {
          const deployment = resolve(ctx.chain);
          const check = module.check;
          return deployment === null || !check ? Promise.resolve([]) : check(ctx, deployment);
        }
      : null,
  };
}

import { defineModule, type RegisteredModule } from '../module';
import { v3DeploymentSpec } from './addresses';
import { checkV3Deployment } from './check';
import { describeV3Position } from './format';
import { v3Lens } from './lens';
import {
  DEFAULT_MAX_POSITIONS,
  readV3Positions,
  SUSHISWAP_V3,
  UNISWAP_V3,
  type V3ProtocolSpec,
  type V3ReadOptions,
} from './read';

import { isV3Details } from './types';

export { isV3Details } from './types';

/** Details of a position in any V3-style deployment (Uniswap, SushiSwap; Slipstream reuses the math). */
/** A module for one V3-style deployment (the position manager's reads and the V3 math are shared). */
export function v3Module(spec: V3ProtocolSpec, order: number, options: V3ReadOptions = {}): RegisteredModule {
  return defineModule({
    id: spec.id,
    name: spec.name,
    order,
    kinds: ['liquidity'],
    deployment: v3DeploymentSpec(spec.manifestPrefix, spec.mainnet),
    lens: (ctx, deployment) =>
      v3Lens(ctx, spec.id, deployment, options.maxPositions ?? DEFAULT_MAX_POSITIONS),
    read: async (ctx, deployment) => ({
      positions: await readV3Positions(ctx, spec.id, deployment, options),
    }),
    positionLines: (p) => (isV3Details(p.details) ? [describeV3Position(p.details)] : []),
    check: (ctx, deployment) =>
      checkV3Deployment(ctx.client, ctx.chainId, deployment, ctx.chain.tokens, spec.name),
  });
}

export const uniswapV3Module = v3Module(UNISWAP_V3, 10);
export const sushiswapV3Module = v3Module(SUSHISWAP_V3, 20);

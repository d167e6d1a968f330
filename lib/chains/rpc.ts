import { CHAIN_IDS, type ChainId } from './registry';

export type RpcOverrides = Partial<Record<ChainId, string>>;

/** Returns why a user-supplied RPC URL is unusable, or null when it is fine. */
export function rpcUrlProblem(url: string): string | null {
  const several = url.split(',').map((u) => u.trim());
  if (several.length > 1) {
    for (const u of several) {
      const problem = u === '' ? 'an empty URL in the list' : rpcUrlProblem(u);
      if (problem) return problem;
    }
    return null;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return 'must start with http:// or https://';
  return null;
}

/** Reads per-chain RPC overrides from environment variables named `${prefix}${chainId}`. */
export function rpcOverridesFromEnv(env: Record<string, string | undefined>, prefix: string): RpcOverrides {
  const out: RpcOverrides = {};
  for (const id of CHAIN_IDS) {
    const value = env[`${prefix}${id}`]?.trim();
    if (value && rpcUrlProblem(value) === null) out[id] = value;
  }
  return out;
}

import type { ChainPortfolio, ProtocolInfo } from './types';

/**
 * Protocols' names and order as the chains' data carries them (`ChainPortfolio.protocols`), so the page
 * can group and name positions without the reading code; an id no chain names (data from an older
 * export, a module this build lacks) shows under its id, last.
 */
export function protocolInfoIn(
  chains: ChainPortfolio | readonly ChainPortfolio[],
): (id: string) => ProtocolInfo {
  const known = new Map<string, ProtocolInfo>();
  const list: readonly ChainPortfolio[] = 'chainId' in chains ? [chains] : chains;
  for (const chain of list) for (const info of chain.protocols ?? []) known.set(info.id, info);
  return (id) => known.get(id) ?? { id, name: id, order: Number.MAX_SAFE_INTEGER, kinds: [] };
}

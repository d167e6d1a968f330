import type { ChainId } from '@/lib/chains/registry';
import type { Position, ProtocolInfo, ProtocolSummary } from '@/lib/portfolio/types';

/** What a protocol's view is handed: its positions on one chain and its account summary, if any. */
export interface ProtocolViewProps {
  chainId: ChainId;
  positions: Position[];
  summary: ProtocolSummary | undefined;
  /** Names of the chain's protocols, as its data carries them (`protocolInfoIn`). */
  protocolInfo?: (id: string) => ProtocolInfo;
}

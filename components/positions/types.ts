import type { ChainId } from '@/lib/chains/registry';
import type { Position, ProtocolSummary } from '@/lib/portfolio/types';

/** What a protocol's view is handed: its positions on one chain and its account summary, if any. */
export interface ProtocolViewProps {
  chainId: ChainId;
  positions: Position[];
  summary: ProtocolSummary | undefined;
}

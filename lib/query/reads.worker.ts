import { isWrongChainError } from '../chains/client';
import { errorMessage } from '../chains/multicall';
import type { ReadReply, ReadRequest } from './off-thread';
import { READS } from './reads';

/** The read worker: runs `READS` for the page (see `./off-thread.ts`), one message per read. */
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<ReadRequest>) => void) | null;
  postMessage: (reply: ReadReply) => void;
};

scope.onmessage = (event) => {
  const { id, kind, args } = event.data;
  // `args` was built by `runRead` for this `kind`.
  const read = READS[kind] as (a: unknown) => Promise<unknown>;
  const fail = (error: unknown) =>
    scope.postMessage({
      id,
      ok: false,
      error: { name: isWrongChainError(error) ? 'WrongChainError' : 'Error', message: errorMessage(error) },
    });
  read(args).then((value) => {
    // An answer that cannot be cloned (a reader returning a function) fails its read rather than
    // leaving the page waiting for it.
    try {
      scope.postMessage({ id, ok: true, value });
    } catch (error) {
      fail(error);
    }
  }, fail);
};

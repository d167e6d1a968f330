/**
 * What an error says, in one line, and what kind it is: light enough for the page's main thread, which
 * receives errors from the read worker as a name and a message (see `lib/query/off-thread.ts`).
 */

/** An error's one-line message (viem's short message where it has one). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const short = (error as Error & { shortMessage?: string }).shortMessage;
    return short ?? error.message.split('\n')[0] ?? 'unknown error';
  }
  return String(error);
}

/** Whether an error (or one of its causes) is a chain-id mismatch (`WrongChainError`, by name). */
export function isWrongChainError(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 8; depth++) {
    if ((e as { name?: unknown }).name === 'WrongChainError') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
